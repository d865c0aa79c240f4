// The text outputs: one JSON array, NDJSON, or a table for people.
import type { SessionEvent } from "@sessiontrail/core";

/** How events are printed: one JSON array (`--json`), one JSON object a line (`--ndjson`), or a table (`--table`). */
export type OutputFormat = "json" | "ndjson" | "table";

/** The events as one indented JSON array, with a final newline. */
export function formatJson(events: readonly SessionEvent[]): string {
  return `${JSON.stringify(events, null, 2)}\n`;
}

/** The events as NDJSON: one JSON object a line, each line ending in a newline. */
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

/** `17:06:12.290`: the time of day in the machine's time zone, to the millisecond. */
export const timeOfDay = (timestamp: number) => localTime(timestamp).slice(11);

/** The machine's time zone as a short name (`UTC`, `GMT+3`, `PDT`) at an instant, for the header. */
export function zoneName(timestamp: number): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZoneName: "short" })
    .formatToParts(new Date(timestamp))
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? "local";
}

/** A value a user gave, cut to `max` characters with its length, so no error echoes 10 kB. */
export function shorten(value: string, max = 40): string {
  const chars = [...value];
  return chars.length <= max ? value : `${chars.slice(0, max).join("")}…(${chars.length} chars)`;
}

function fit(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text + " ".repeat(width - chars.length);
  return `${chars.slice(0, Math.max(0, width - 1)).join("")}…`;
}

/** ANSI colours of the table; each event type its own, each vendor its lane colour from the registry. */
const TYPE_COLOURS: Record<string, string> = {
  page_view: "36",
  navigation: "36",
  click: "33",
  input: "33",
  form_submit: "35",
  custom: "34",
  error: "1;31",
  identify: "32",
  other: "2",
};

const truecolour = (hex: string) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `38;2;${(n >> 16) & 255};${(n >> 8) & 255};${n & 255}`;
};

/** How `formatTable` lays out its table. */
export interface TableOptions {
  /** The line budget: columns shrink, then the page column and the name column go, to fit it. */
  width?: number;
  /** ANSI colours: vendor, event type, header and date lines. */
  colour?: boolean;
  /** Each vendor's colour (`#rrggbb`), by name. */
  vendorColours?: Readonly<Record<string, string>>;
  /** Vendors that failed: the footer names them. */
  failed?: readonly string[];
}

/** The widest a name gets while the page column still has room. */
const NAME_MAX = 40;
/** The narrowest the page column gets before it is dropped. */
const WHERE_MIN = 20;
/** The narrowest the name column gets before it is dropped. */
const NAME_MIN = 8;

/**
 * A table for people: time of day (the date on its own line where it changes, the zone in the header),
 * vendor, type, name, page or target. Columns shrink to the width given, a number or `options.width`.
 */
export function formatTable(events: readonly SessionEvent[], options: number | TableOptions = {}): string {
  const {
    width = 160,
    colour = false,
    vendorColours = {},
    failed = [],
  } = typeof options === "number" ? { width: options } : options;
  const paint = (code: string | undefined, text: string) =>
    colour && code !== undefined && text !== "" ? `\u001b[${code}m${text}\u001b[0m` : text;
  const rows = events.map((e) => [
    timeOfDay(e.timestamp),
    cell(e.vendor),
    e.type,
    cell(e.name),
    cell(whereOf(e)),
  ]);
  const header = [
    `TIME (${events.length > 0 ? zoneName(events[0]?.timestamp as number) : zoneName(Date.now())})`,
    "VENDOR",
    "TYPE",
    "NAME",
    "PAGE / TARGET",
  ];
  const natural = (col: number, max: number) =>
    Math.min(max, Math.max(header[col]?.length ?? 0, ...rows.map((r) => [...(r[col] ?? "")].length)));
  const widths = [natural(0, 23), natural(1, 12), natural(2, 11)];
  const rest = width - widths.reduce((a, b) => a + b + 2, 0);
  const name = natural(3, NAME_MAX);
  if (rest >= name + 2 + WHERE_MIN) widths.push(name, rest - name - 2);
  else if (rest >= NAME_MIN + 2 + WHERE_MIN) {
    const shrunk = Math.max(NAME_MIN, Math.floor((rest - 2) * 0.4));
    widths.push(shrunk, rest - 2 - shrunk);
  } else if (rest >= NAME_MIN) widths.push(rest);
  const colours = (r: string[]) => [
    undefined,
    truecolourOf(vendorColours[r[1] ?? ""]),
    TYPE_COLOURS[r[2] ?? ""],
  ];
  const line = (r: string[], codes: (string | undefined)[]) =>
    widths
      .map((w, i) => {
        const fitted = fit(r[i] ?? "", w);
        const body = fitted.trimEnd();
        return paint(codes[i], body) + fitted.slice(body.length);
      })
      .join("  ")
      .trimEnd();
  const lines = [
    line(
      header,
      header.map(() => "1"),
    ),
  ];
  let date = "";
  for (const [i, r] of rows.entries()) {
    const day = localTime(events[i]?.timestamp as number).slice(0, 10);
    if (day !== date) lines.push(paint("2", day));
    date = day;
    lines.push(line(r, colours(r)));
  }
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.vendor, (counts.get(e.vendor) ?? 0) + 1);
  const perVendor = [...counts].map(([vendor, n]) => `${cell(vendor)} ${n}`).join(", ");
  const missing =
    failed.length === 0 ? "" : paint("1;31", `; failed: ${failed.map(cell).join(", ")} (see stderr)`);
  lines.push(
    `${events.length} event${events.length === 1 ? "" : "s"}${perVendor ? ` (${perVendor})` : ""}${missing}`,
  );
  return `${lines.join("\n")}\n`;
}

const truecolourOf = (hex: string | undefined) =>
  hex !== undefined && /^#[0-9a-f]{6}$/i.test(hex) ? truecolour(hex) : undefined;
