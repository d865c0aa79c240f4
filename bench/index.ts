// `pnpm bench`: every benchmark, one table. Each figure beside its baseline, the ratio, the target
// and whether it is met; exits 1 when a target is missed. Variants are compared within one run,
// interleaved, after a warm-up, as medians (see harness.ts), because the machines are shared.
//   pnpm bench                                   (builds first; then this file)
//   node bench/index.ts --only client,bundle     (some benchmarks; names below)
//   pnpm bench --write                           (also writes bench/RESULTS.md and the README's table)
// Runs against the built packages (dist), as users get them. Not part of the unit tests.
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { bundleSize } from "./bundle-size.ts";
import { clientCost } from "./client-cost.ts";
import { type Bench, formatTable, type Row } from "./harness.ts";
import { install } from "./install-footprint.ts";
import { normalization } from "./normalize.ts";
import { pagination } from "./pagination.ts";
import { typecheckTime } from "./typecheck-time.ts";

/** The table's modules, in order. A new benchmark is a module exporting a `Bench`, added here. */
const benches: Bench[] = [clientCost, bundleSize, install, typecheckTime, normalization, pagination];

const { values } = parseArgs({
  options: { only: { type: "string" }, write: { type: "boolean", default: false } },
});
const only = values.only?.split(",").map((s) => s.trim());
const unknown = only?.filter((name) => !benches.some((b) => b.name === name)) ?? [];
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(", ")}; known: ${benches.map((b) => b.name).join(", ")}`);
  process.exit(2);
}

function machine(): string {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown CPU";
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
  return `${availableParallelism()} cores (nproc), ${cpu}, Node ${process.version} ${process.arch}, load average ${load}`;
}

const started = machine();
const t0 = performance.now();
const rows: Row[] = [];
for (const bench of benches) {
  if (only && !only.includes(bench.name)) continue;
  const t = performance.now();
  try {
    rows.push(...(await bench.run()));
  } catch (error) {
    console.error(error);
    const message = String((error as Error)?.message ?? error).split("\n")[0] as string;
    rows.push({
      figure: `${bench.name}: failed`,
      value: message,
      baseline: "-",
      ratio: null,
      target: "runs",
      ok: false,
    });
  }
  console.error(`bench ${bench.name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
const table = formatTable(rows);
const missed = rows.filter((r) => r.ok === false);
const summary = `${rows.filter((r) => r.ok === true).length} targets met, ${missed.length} missed; ${(
  (performance.now() - t0) / 1000
).toFixed(0)} s in all`;

console.log(`\nMeasured on ${started} (at start).\n`);
console.log(table);
console.log(`\n${summary}`);

if (values.write) {
  const date = new Date().toISOString().slice(0, 10);
  writeFileSync(
    new URL("./RESULTS.md", import.meta.url),
    `# Benchmark results

Written by \`pnpm bench --write\` on ${date}. Measured on ${started} (at start).
Time figures are medians of interleaved rounds after a warm-up, within one run: compare ratios,
not absolute times, across machines. Sizes: 1 kB = 1000 B.

${table}

${summary}
`,
  );
  // The README's Benchmarks section shows the same table, between these markers.
  const readmeUrl = new URL("../README.md", import.meta.url);
  const readme = readFileSync(readmeUrl, "utf8");
  const start = "<!-- bench:start -->";
  const end = "<!-- bench:end -->";
  if (readme.includes(start) && readme.includes(end)) {
    const section = `${start}\nMeasured on ${started}, ${date}:\n\n${table}\n\n${summary}\n${end}`;
    writeFileSync(
      readmeUrl,
      readme.slice(0, readme.indexOf(start)) + section + readme.slice(readme.indexOf(end) + end.length),
    );
  }
  console.log("wrote bench/RESULTS.md and the README's Benchmarks table");
}
if (missed.length > 0) process.exitCode = 1;
