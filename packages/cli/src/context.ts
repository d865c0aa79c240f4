// What every command shares within one run: where it reads and writes, progress on a terminal, and
// how collected events are filtered, ordered and printed.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { type EventStream, mergeTimelines, redactSecrets, type SessionEvent } from "@sessiontrail/core";
import { UsageError } from "./errors.ts";
import { formatJson, formatNdjson, formatTable, type OutputFormat } from "./format.ts";
import { timelineHtml } from "./html.ts";
import type { Options } from "./options.ts";
import type { VendorName } from "./vendors.ts";

/** Where the CLI reads and writes; `process` by default, replaceable in tests. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** One run's I/O and the helpers its commands share. */
export interface RunContext {
  io: CliIo;
  /** A progress line on stderr, only when stderr is a terminal. */
  progress(text: string): void;
  /** Reads a whole stream, keeps the events inside --since/--until, and reports how many on stderr. */
  collect(vendor: VendorName, stream: EventStream, options: Options): Promise<SessionEvent[]>;
  /** Writes the --html page if asked, then prints the events in the chosen format. */
  emit(events: SessionEvent[], options: Options): void;
}

export function runContext(io: CliIo): RunContext {
  const progress = (text: string) => {
    if (io.stderr.isTTY) io.stderr.write(`sessiontrail: ${redactSecrets(text)}\n`);
  };
  return {
    io,
    progress,
    async collect(vendor, stream, options) {
      const started = Date.now();
      const events = (await stream.toArray()).filter(
        (e) =>
          (options.since === undefined || e.timestamp >= options.since) &&
          (options.until === undefined || e.timestamp <= options.until),
      );
      progress(
        `${vendor}: ${events.length} event${events.length === 1 ? "" : "s"} in ${Date.now() - started} ms`,
      );
      return events;
    },
    emit(events, options) {
      const format = outputFormat(options, io);
      if (options.html !== undefined) {
        const file = resolve(options.html);
        try {
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, timelineHtml(events));
        } catch (error) {
          throw new Error(`cannot write ${options.html}: ${(error as Error).message}`);
        }
        progress(`wrote ${file}`);
      }
      if (format === "json") io.stdout.write(formatJson(events));
      else if (format === "ndjson") io.stdout.write(formatNdjson(events));
      else io.stdout.write(formatTable(events, io.stdout.isTTY ? (io.stdout.columns ?? 160) : 160));
    },
  };
}

/** The output format asked for; a table on a terminal, NDJSON otherwise. */
export function outputFormat(options: Options, io: CliIo): OutputFormat {
  const chosen = (["json", "ndjson", "table"] as const).filter((f) => options[f]);
  if (chosen.length > 1) {
    throw new UsageError(
      `choose one output format (got ${chosen.map((f) => `--${f}`).join(" and ")})`,
      "pass one of --json, --ndjson or --table",
    );
  }
  return chosen[0] ?? (io.stdout.isTTY ? "table" : "ndjson");
}

/** One timeline from whole arrays: `mergeTimelines` sorts each (stably) and drops exact repeats. */
export async function chronological(sources: SessionEvent[][]): Promise<SessionEvent[]> {
  const out: SessionEvent[] = [];
  for await (const event of mergeTimelines(...sources)) out.push(event);
  return out;
}
