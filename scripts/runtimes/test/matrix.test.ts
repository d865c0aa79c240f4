// The runtime matrix: the packed packages, installed as a user installs them, on every runtime and
// in every way a user loads them, each against its own vendor server on 127.0.0.1.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkRun } from "../check.ts";
import { formatTable, type Row, type Run, runVariant, type Variant, variantsOf } from "../matrix.ts";

const { runtimes, consumer, scratch, vendors } = inject("runtimeMatrix");
const variants = variantsOf(runtimes);
const expected = { vendors, entries: consumer.entries };
const label = ({ runtime, mode }: Variant) => `${runtime.name} (${mode})`;
// The toolchain's Node loading ES modules: the run every other runtime must agree with.
const referenceVariant = variants.find(
  (v) => v.runtime.kind === "node" && !v.runtime.npm && v.mode === "esm",
);

describe("the packed packages on every runtime", () => {
  const rows: Row[] = [];
  const runs = new Map<Variant, Run>();
  const row = (run: Run, problems: string[]) =>
    rows.push({
      variant: run.variant,
      result: problems.length === 0 ? "pass" : `FAIL (${problems.length})`,
      ms: run.ms,
    });

  beforeAll(async () => {
    if (!referenceVariant) throw new Error("the matrix has no toolchain Node to take as the reference");
    runs.set(referenceVariant, await runVariant(referenceVariant, consumer, scratch));
  });

  afterAll(() => {
    console.log(
      formatTable(
        `Runtime matrix (${consumer.entries.length} package entries, ${vendors.length} vendors)`,
        rows,
      ),
    );
  });

  it("the oldest Node every package's engines allows is in the matrix", () => {
    for (const name of consumer.packages) {
      const manifest = JSON.parse(
        readFileSync(join(consumer.dir, "node_modules", name, "package.json"), "utf8"),
      );
      const floor = /^>=\s*(\d+\.\d+\.\d+)$/.exec(manifest.engines?.node ?? "")?.[1];
      expect(floor, `${name}: engines.node must be ">=x.y.z"`).toBeDefined();
      expect(
        runtimes.map((r) => r.version),
        `${name}: engines.node ${manifest.engines.node}`,
      ).toContain(`v${floor}`);
    }
  });

  for (const variant of variants) {
    it(`${label(variant)}: every vendor's session read, retried, normalized and merged; typed errors`, async () => {
      const reference = runs.get(referenceVariant as Variant);
      const run =
        variant === referenceVariant ? (reference as Run) : await runVariant(variant, consumer, scratch);
      const problems = checkRun(run, expected, variant === referenceVariant ? undefined : reference?.result);
      row(run, problems);
      expect(problems, `${label(variant)} output:\n${run.output.slice(-4000)}`).toEqual([]);
    });
  }
});
