// The matrix must catch a package that only runs on Node: a copy of the consumer whose first vendor
// package starts with `import "node:fs"`, as a careless change would ship it, run on every runtime.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkRun } from "../check.ts";
import { type Consumer, consumerWithNodeOnlyImport } from "../consumer.ts";
import { formatTable, type Row, runVariant, variantsOf } from "../matrix.ts";

const { runtimes, consumer, scratch, vendors } = inject("runtimeMatrix");
const vendorPackage = consumer.packages.find((name) => name !== "@sessiontrail/core") ?? "";

describe(`a Node-only import in ${vendorPackage}`, () => {
  const rows: Row[] = [];
  const broken: { consumer?: Consumer } = {};

  beforeAll(async () => {
    broken.consumer = await consumerWithNodeOnlyImport(consumer, scratch, vendorPackage);
  });

  afterAll(() => {
    if (broken.consumer) rmSync(broken.consumer.dir, { recursive: true, force: true });
    console.log(formatTable(`With import "node:fs" in ${vendorPackage}`, rows));
  });

  it("fails the matrix on workerd without Node.js compatibility, and only there", async () => {
    const outcomes: Record<string, string> = {};
    for (const variant of variantsOf(runtimes)) {
      const run = await runVariant(variant, broken.consumer as Consumer, scratch);
      const problems = checkRun(run, { vendors, entries: consumer.entries });
      rows.push({ variant, result: problems.length === 0 ? "pass" : "FAIL", ms: run.ms });
      outcomes[`${variant.runtime.name} ${variant.mode}`] = problems.length === 0 ? "pass" : "fail";
      if (variant.mode === "worker") {
        expect(run.output, "workerd must name the module it cannot load").toContain("node:fs");
      }
    }
    // Node, Bun and Deno have node:fs, as does workerd with nodejs_compat: for them the import is
    // harmless, so the Worker without it is the row that guards the packages' platform neutrality.
    expect(outcomes).toEqual(
      Object.fromEntries(
        variantsOf(runtimes).map((v) => [
          `${v.runtime.name} ${v.mode}`,
          v.mode === "worker" ? "fail" : "pass",
        ]),
      ),
    );
  });
});
