// A small side-by-side harness: variants run interleaved in one process, after a warm-up, and
// each figure is the median of its rounds, so a noisy shared machine hurts all variants alike.

export interface Row {
  figure: string;
  value: string;
  /** What the figure is compared with ("-" for a row that is itself the limit). */
  baseline: string;
  /** value / baseline; null when there is nothing to divide. */
  ratio: number | null;
  /** "-" for a row reported for context, without a target. */
  target: string;
  /** Whether the target is met; null for a row without a target. */
  ok: boolean | null;
  /** What the figure is made of, printed under the table. */
  note?: string;
}

/** One benchmark of the `pnpm bench` table. */
export interface Bench {
  name: string;
  run(): Promise<Row[]>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function rotation(names: string[], round: number): string[] {
  return names.map((_, k) => names[(round + k) % names.length] as string);
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
    for (const name of rotation(names, round)) {
      const t0 = performance.now();
      (variants[name] as () => void)();
      const elapsed = performance.now() - t0;
      if (round >= warmup) times[name]?.push(elapsed);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(times[n] as number[])]));
}

/** `interleave` for asynchronous variants: each is awaited before the next one starts. */
export async function interleaveAsync(
  variants: Record<string, () => Promise<unknown>>,
  rounds = 15,
  warmup = 3,
): Promise<Record<string, number>> {
  const names = Object.keys(variants);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < warmup + rounds; round++) {
    for (const name of rotation(names, round)) {
      const t0 = performance.now();
      await (variants[name] as () => Promise<unknown>)();
      const elapsed = performance.now() - t0;
      if (round >= warmup) times[name]?.push(elapsed);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(times[n] as number[])]));
}

/** A row with a target: `value` against `baseline`, met when `ratio <= max`. */
export function ratioRow(figure: string, value: string, baseline: string, ratio: number, max: number): Row {
  return { figure, value, baseline, ratio, target: `<= ${max.toFixed(2)}`, ok: ratio <= max };
}

/** A row reported for context only. */
export function infoRow(figure: string, value: string, baseline = "-", ratio: number | null = null): Row {
  return { figure, value, baseline, ratio, target: "-", ok: null };
}

/** The table as Markdown, padded so it also reads as plain text, with the rows' notes under it. */
export function formatTable(rows: Row[]): string {
  const notes = rows.filter((r) => r.note).map((r, i) => `- [${i + 1}] ${r.note}`);
  let n = 0;
  rows = rows.map((r) => (r.note ? { ...r, figure: `${r.figure} [${++n}]` } : r));
  const header = ["figure", "value", "baseline", "ratio", "target", "result"];
  const cells = rows.map((r) => [
    r.figure,
    r.value,
    r.baseline,
    r.ratio === null ? "-" : r.ratio.toFixed(2),
    r.target,
    r.ok === null ? "-" : r.ok ? "met" : "MISSED",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i] as number)).join(" | ")} |`;
  // The separator row as Biome's Markdown formatter writes it, so a --write leaves `pnpm lint` clean.
  const table = [line(header), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...cells.map(line)];
  return [...table, ...(notes.length > 0 ? ["", ...notes] : [])].join("\n");
}

export function printTable(rows: Row[]): void {
  console.log(formatTable(rows));
}
