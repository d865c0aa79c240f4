// `pnpm docs:api` is TypeDoc with typedoc.jsonc, which fails on any warning. This runs that same
// configuration (its plugin, validation and package options) over a small package made here, to show
// what it lets through and what it fails on: members of generated types are documented by their
// source, every name a package exports still needs a doc comment.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../specs.ts";

const work = mkdtempSync(join(tmpdir(), "sessiontrail-docs-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** openapi-typescript's shape: documented where the spec says something, bare elsewhere. */
const GENERATED = `export interface paths {
  "/sessions/{id}/events": {
    parameters: { query?: never; path: { id: string } };
    get: {
      parameters: { path: { id: string } };
      responses: {
        /** @description The session's events. */
        200: { content: { "application/json": components["schemas"]["Events"] } };
      };
    };
  };
}
export interface components {
  schemas: { Events: { events: { name: string }[] } };
}
`;

/** A package in packages/<name> as the repo lays one out, with `index` as its src/index.ts. */
function fixture(name: string, index: string): string {
  const dir = join(work, name);
  mkdirSync(join(dir, "src", "generated"), { recursive: true });
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: `@fixture/${name}`, version: "1.0.0", type: "module" }),
  );
  writeFileSync(join(dir, "README.md"), `# @fixture/${name}\n`);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", noEmit: true },
      include: ["src"],
    }),
  );
  writeFileSync(join(dir, "src", "generated", "schema.d.ts"), GENERATED);
  writeFileSync(join(dir, "src", "index.ts"), index);
  return dir;
}

/** `typedoc` with the repo's typedoc.jsonc (or `options`), on one fixture package instead of packages/*. */
async function docs(
  dir: string,
  options = join(repoRoot, "typedoc.jsonc"),
): Promise<{ ok: boolean; output: string }> {
  const typedoc = join(repoRoot, "node_modules", "typedoc", "bin", "typedoc");
  const args = [typedoc, "--options", options, "--entryPoints", dir, "--out", join(dir, "out")];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args);
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: stdout + stderr };
  }
}

const documented = `/** The events of one session, as the spec types them. */
export type { paths } from "./generated/schema.js";
/** Shared schemas of the spec. */
export type { components } from "./generated/schema.js";

/** Reads one session. */
export interface Query {
  /** The session id. */
  id: string;
}
`;

describe("pnpm docs:api (typedoc.jsonc)", () => {
  it("passes a package whose exports are documented, generated members bare as the spec left them", async () => {
    const dir = fixture("good", documented);
    const { ok, output } = await docs(dir);
    expect(output).not.toMatch(/\[warning\]|\[error\]/);
    expect(ok).toBe(true);
    expect(existsSync(join(dir, "out", "index.html"))).toBe(true);

    // Without the repo's plugin, the same package fails on the members the spec left bare.
    const withoutPlugin = join(work, "typedoc.no-plugin.json");
    writeFileSync(withoutPlugin, JSON.stringify({ extends: [join(repoRoot, "typedoc.jsonc")], plugin: [] }));
    const bare = await docs(dir, withoutPlugin);
    expect(bare.ok).toBe(false);
    expect(bare.output).toMatch(/components\.schemas \(Property\).*does not have any documentation/);
  }, 60_000);

  it("fails on an undocumented member of a written type and an undocumented generated export", async () => {
    const index = documented
      .replace("/** Shared schemas of the spec. */\n", "")
      .replace("  /** The session id. */\n", "");
    const { ok, output } = await docs(fixture("bad", index));
    expect(ok).toBe(false);
    expect(output).toMatch(/Query\.id \(Property\).*does not have any documentation/);
    expect(output).toMatch(/components \(Interface\).*does not have any documentation/);
    // Members of generated types are not asked for (`components.schemas`, `paths[...].get`).
    expect(output).not.toMatch(/components\.schemas|paths\./);
  }, 60_000);
});
