// Every list of vendors that is not derived at run time holds every api of redocly.yaml: a vendor
// added to redocly.yaml and forgotten anywhere fails here, naming the place.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { mockEnvironment, vendorDescriptors, vendorNames } from "@sessiontrail/cli";
import { describe, expect, it } from "vitest";
import { contracts } from "../../contract-tests/vendors.ts";
import { repoRoot, vendorSpecs } from "../specs.ts";

const apis = vendorSpecs().map((s) => s.vendor);

const dependencies = (folder: string) => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, folder, "package.json"), "utf8")) as Record<
    string,
    Record<string, string> | undefined
  >;
  return Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
};

describe("vendor lists hold every api of redocly.yaml", () => {
  it("the CLI's registry of descriptors, in redocly.yaml's order", () => {
    expect(vendorDescriptors.map((d) => d.name)).toEqual(apis);
    expect(vendorNames).toEqual(apis);
  });

  it("each descriptor is its package's: one folder per vendor, named as the descriptor", () => {
    for (const vendor of apis) {
      const manifest = JSON.parse(readFileSync(join(repoRoot, "packages", vendor, "package.json"), "utf8"));
      expect(manifest.name).toBe(`@sessiontrail/${vendor}`);
    }
  });

  it("the mock export lines: a base URL and a key for every vendor", () => {
    const lines = mockEnvironment(Object.fromEntries(apis.map((v) => [v, `http://127.0.0.1:1/${v}`])));
    for (const vendor of apis) {
      const prefix = `SESSIONTRAIL_${vendor.toUpperCase()}_`;
      expect(lines.map(([name]) => name)).toEqual(
        expect.arrayContaining([`${prefix}BASE_URL`, `${prefix}API_KEY`]),
      );
    }
  });

  it("the contract table", () => {
    expect(contracts.map((c) => c.vendor)).toEqual(apis);
  });

  it("the size budgets: the realistic import and the whole package of each vendor", async () => {
    const config = pathToFileURL(join(repoRoot, ".size-limit.js")).href;
    const { default: entries } = (await import(config)) as { default: { path: string }[] };
    for (const vendor of apis) {
      expect(entries.filter((e) => e.path === `packages/${vendor}/dist/index.js`)).toHaveLength(2);
    }
  });

  // The CLI imports every vendor package (its registry); the contract tests and benches reach them
  // through the CLI, and list only the packages they import by name.
  it("packages/cli/package.json lists every vendor package", () => {
    const listed = dependencies("packages/cli");
    for (const vendor of apis)
      expect(listed, "packages/cli/package.json").toContain(`@sessiontrail/${vendor}`);
  });
});
