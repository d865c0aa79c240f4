// A small side-by-side harness: variants run interleaved in one process, after a warm-up, and
// each figure is the median of its rounds, so a noisy shared machine hurts all variants alike.

export interface Row {
  figure: string;
  value: string;
  baseline: string;
  ratio: number;
  target: string;
  ok: boolean;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs each variant once per round, in rotating order; returns the median milliseconds of each. */
export function interleave(
  variants: Record<string, () => void>,
  rounds = 15,
  warmup = 3,
): Record<string, number> {
  const names = Object.keys(variants);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < warmup + rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length] as string;
      const t0 = performance.now();
      (variants[name] as () => void)();
      const elapsed = performance.now() - t0;
      if (round >= warmup) times[name]?.push(elapsed);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(times[n] as number[])]));
}

export function printTable(rows: Row[]): void {
  const header = ["figure", "value", "baseline", "ratio", "target", ""];
  const cells = rows.map((r) => [
    r.figure,
    r.value,
    r.baseline,
    r.ratio.toFixed(2),
    r.target,
    r.ok ? "ok" : "MISSED",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i] as number)).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const c of cells) console.log(line(c));
}
