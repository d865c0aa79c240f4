// Every vendor package's README shows what a user needs (install, create the client, fetch events,
// normalize, handle errors), and its TypeScript examples type-check against the package's sources.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { vendorDescriptors } from "@sessiontrail/cli";
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
