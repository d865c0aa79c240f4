// The text outputs: one JSON array, NDJSON, or a table for people.
import type { SessionEvent } from "@sessiontrail/core";

export type OutputFormat = "json" | "ndjson" | "table";

export function formatJson(events: readonly SessionEvent[]): string {
  return `${JSON.stringify(events, null, 2)}\n`;
}

export function formatNdjson(events: readonly SessionEvent[]): string {
  return events.map((event) => `${JSON.stringify(event)}\n`).join("");
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `2024-04-03 19:06:12.290` in the machine's time zone (honours `TZ`). */
export function localTime(timestamp: number): string {
  const d = new Date(timestamp);
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
  );
}

/** Vendor text shown in a terminal: control characters (escape sequences included) become spaces. */
export function cell(text: string | undefined): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point.
  return (text ?? "").replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ").trim();
}

/** Where the event happened or what it acted on: page URL or path, else the target's label. */
export function whereOf(event: SessionEvent): string {
  const target = event.target?.label ?? event.target?.name ?? event.target?.selector;
  const page = event.page?.url ?? event.page?.path;
  if ((event.type === "click" || event.type === "input") && target) return target;
  return page ?? target ?? "";
}

function fit(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text + " ".repeat(width - chars.length);
  return `${chars.slice(0, Math.max(0, width - 1)).join("")}…`;
}

/** A fixed-width table: local time, vendor, type, name, page or target. `width` is the line budget. */
export function formatTable(events: readonly SessionEvent[], width = 160): string {
  const rows = events.map((e) => [
    localTime(e.timestamp),
    cell(e.vendor),
    e.type,
    cell(e.name),
    cell(whereOf(e)),
  ]);
  const header = ["TIME", "VENDOR", "TYPE", "NAME", "PAGE / TARGET"];
  const widthOf = (col: number, max: number) =>
    Math.min(max, Math.max(header[col]?.length ?? 0, ...rows.map((r) => [...(r[col] ?? "")].length)));
  const widths = [widthOf(0, 23), widthOf(1, 12), widthOf(2, 11), widthOf(3, 40)];
  const fixed = widths.reduce((a, b) => a + b + 2, 0);
  widths.push(Math.max(20, width - fixed));
  const line = (r: string[]) =>
    r
      .map((c, i) => fit(c, widths[i] as number))
      .join("  ")
      .trimEnd();
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.vendor, (counts.get(e.vendor) ?? 0) + 1);
  const perVendor = [...counts].map(([vendor, n]) => `${cell(vendor)} ${n}`).join(", ");
  const footer = `${events.length} event${events.length === 1 ? "" : "s"}${perVendor ? ` (${perVendor})` : ""}`;
  return `${[line(header), ...rows.map(line), footer].join("\n")}\n`;
}
