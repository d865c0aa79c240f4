// Every vendor package's README shows what a user needs (install, create the client, fetch events,
// normalize, handle errors), and its TypeScript examples type-check against the package's sources.
// The root README's commands from a clone work as written (the tarball install: scripts/test/pack.test.ts).
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { mockEnvironment, startMocks, vendorDescriptors } from "@sessiontrail/cli";
import { describe, expect, it } from "vitest";
import { repoRoot, vendorSpecs } from "../specs.ts";

/** Every vendor of redocly.yaml and its label (`FullStory`), which its exported names are spelt with. */
const vendors = Object.fromEntries(
  vendorSpecs().map(({ vendor }) => [
    vendor,
    vendorDescriptors.find((d) => d.name === vendor)?.label ?? vendor,
  ]),
);

const readme = (vendor: string) => readFileSync(join(repoRoot, "packages", vendor, "README.md"), "utf8");
const tsBlocks = (text: string) => [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);

describe("vendor READMEs", () => {
  for (const [vendor, Name] of Object.entries(vendors)) {
    it(`${vendor}: install, create the client, fetch events, normalize, handle errors`, () => {
      expect(
        vendorDescriptors.map((d) => d.name),
        "a descriptor in the CLI's registry",
      ).toContain(vendor);
      const text = readme(vendor);
      const code = tsBlocks(text).join("\n");
      expect(text).toContain(`npm install @sessiontrail/${vendor}`);
      expect(code).toContain(`create${Name}Client(`);
      expect(code).toMatch(/\.events\(/);
      expect(code).toContain(`normalize${Name}Events(`);
      expect(code).toMatch(/instanceof SessionTrailError/);
      expect(code).toMatch(/error\.kind/);
    });
  }

  it("their TypeScript examples type-check (strict, as in the repo) against the sources", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sessiontrail-readmes-"));
    try {
      const files = Object.keys(vendors).map((vendor) => {
        const file = join(dir, `${vendor}.mts`); // .mts: ESM without a package.json
        // Each README's blocks in order are one module (later blocks use the client of the first).
        writeFileSync(file, `${tsBlocks(readme(vendor)).join("\n")}\nexport {};\n`);
        return file;
      });
      writeFileSync(
        join(dir, "tsconfig.json"),
        JSON.stringify({
          extends: join(repoRoot, "tsconfig.base.json"),
          compilerOptions: {
            paths: { "@sessiontrail/*": [join(repoRoot, "packages/*/src/index.ts")] },
            typeRoots: [join(repoRoot, "node_modules/@types")],
          },
          files,
        }),
      );
      const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
      const result = await promisify(execFile)(process.execPath, [
        tsc,
        "-p",
        join(dir, "tsconfig.json"),
      ]).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error) }));
      expect(result.stdout).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** The root README's shell commands, one a line, without comments. */
function rootReadmeCommands(): string[] {
  const text = readFileSync(join(repoRoot, "README.md"), "utf8");
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((m) => (m[1] as string).split("\n"))
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter((line) => line !== "");
}

describe("the root README, from a clone", () => {
  it("says the packages are not on npm yet, and runs only root scripts through scripts/dev", () => {
    const text = readFileSync(join(repoRoot, "README.md"), "utf8");
    expect(text).toMatch(/## Install\n\nThe packages are not on the npm registry yet/);
    const { scripts } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
    const viaDev = rootReadmeCommands().filter((line) => line.startsWith("scripts/dev pnpm "));
    expect(viaDev).toEqual(expect.arrayContaining(["scripts/dev pnpm pack:all", "scripts/dev pnpm test"]));
    for (const line of viaDev) expect(Object.keys(scripts), line).toContain(line.split(" ")[2]);
  });

  it("each `pnpm <name>` it names runs the root script, not a pnpm command of that name (`pnpm docs`)", async () => {
    const text = readFileSync(join(repoRoot, "README.md"), "utf8");
    const { scripts } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
    const named = new Set(
      [...text.matchAll(/\bpnpm ([a-z][\w:-]*)/g)]
        .map((m) => m[1] as string)
        .filter((name) => name in scripts),
    );
    expect(named.size).toBeGreaterThan(5);
    // A scratch project with the same script names, each saying its name: pnpm must run them all.
    const scratch = mkdtempSync(join(tmpdir(), "sessiontrail-pnpm-names-"));
    try {
      const echo = Object.fromEntries([...named].map((name) => [name, `echo ran-${name}`]));
      writeFileSync(
        join(scratch, "package.json"),
        JSON.stringify({ name: "scratch", private: true, scripts: echo }),
      );
      for (const name of named) {
        const out = await promisify(execFile)("pnpm", [name], { cwd: scratch }).catch(
          (error: { stdout?: string; stderr?: string }) => ({ stdout: `${error.stdout}${error.stderr}` }),
        );
        expect(out.stdout, `pnpm ${name}`).toContain(`ran-${name}`);
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 120_000);

  it("scripts/dev sessiontrail runs the clone's CLI as written, and from another folder writes there", async () => {
    const lines = rootReadmeCommands().filter((line) => line.startsWith("scripts/dev sessiontrail "));
    expect(lines).toEqual(["scripts/dev sessiontrail events fullstory 17117:5916567459329906423"]);
    // scripts/dev would rebuild a stale CLI here, rewriting dist/ under other test files that read it
    // (pack.test.ts); `pnpm test` builds just before, so a stale build means the build step was skipped.
    // Stale as turbo sees it, by content: a build task of the CLI or what it needs that misses the cache.
    const { stdout: plan } = await promisify(execFile)(
      join(repoRoot, "node_modules", ".bin", "turbo"),
      ["run", "build", "--filter=@sessiontrail/cli", "--dry=json"],
      { cwd: repoRoot, env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" }, maxBuffer: 16 * 1024 * 1024 },
    );
    const stale = (
      JSON.parse(plan) as { tasks: { taskId: string; command: string; cache: { status: string } }[] }
    ).tasks
      .filter((task) => task.taskId.endsWith("#build") && task.command !== "<NONEXISTENT>")
      .filter((task) => task.cache.status !== "HIT")
      .map((task) => task.taskId);
    expect(stale, "the CLI's build is older than its sources: run pnpm build first").toEqual([]);
    const mocks = await startMocks(["fullstory"]);
    const elsewhere = mkdtempSync(join(tmpdir(), "sessiontrail-dev-cli-"));
    try {
      const env = { ...process.env, ...Object.fromEntries(mockEnvironment(mocks.vendors)) };
      const run = (cwd: string, command: string) =>
        promisify(execFile)("bash", ["-c", command], { cwd, env, maxBuffer: 16 * 1024 * 1024 });
      const asWritten = await run(repoRoot, lines[0] as string);
      const events = asWritten.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line));
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) expect(event.vendor).toBe("fullstory");

      await run(elsewhere, `${repoRoot}/${lines[0]} --html timeline.html`);
      expect(existsSync(join(elsewhere, "timeline.html")), "the page in the caller's folder").toBe(true);
      expect(existsSync(join(repoRoot, "timeline.html")), "nothing in the clone").toBe(false);
    } finally {
      await mocks.stop();
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 240_000);
});
