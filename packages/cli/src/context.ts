// What every command shares within one run: where it reads and writes, progress on a terminal, and
// how collected events are filtered, ordered and printed.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import {
  type EventStream,
  type Logger,
  type LogRecord,
  mergeTimelines,
  redactSecrets,
  requestDefaults,
  type SessionEvent,
  SessionTrailError,
} from "@sessiontrail/core";
import { clip, UsageError } from "./errors.ts";
import { formatJson, formatNdjson, formatTable, type OutputFormat } from "./format.ts";
import { type FailedVendor, timelineHtml } from "./html.ts";
import type { Options } from "./options.ts";
import { vendorDescriptors } from "./registry.ts";
import type { VendorName } from "./vendors.ts";

/** Where the CLI reads and writes; `process` by default, replaceable in tests. */
export interface CliIo {
  /** Where events, help and the version go. */
  stdout: {
    /** Writes text as given (no newline added). */
    write(text: string): unknown;
    /** A terminal: the table format and colours are the default then. */
    isTTY?: boolean;
    /** The terminal's width, which the table fits. */
    columns?: number;
  };
  /** Where errors, notes and progress go. */
  stderr: {
    /** Writes text as given (no newline added). */
    write(text: string): unknown;
    /** A terminal: progress lines are shown only then. */
    isTTY?: boolean;
  };
  /** The environment the `SESSIONTRAIL_*` settings, `NO_COLOR` and `FORCE_COLOR` are read from. */
  env: Record<string, string | undefined>;
}

/** The running process's stdout, stderr and environment. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** The same I/O with every registered secret masked in whatever is written, help and events included. */
export function redactingIo(io: CliIo): CliIo {
  const masked = <T extends { write(text: string): unknown }>(stream: T): T =>
    Object.assign(Object.create(stream) as T, { write: (text: string) => stream.write(redactSecrets(text)) });
  return { ...io, stdout: masked(io.stdout), stderr: masked(io.stderr) };
}

/** Each vendor's lane colour, which the table's vendor column shares with the HTML page. */
const VENDOR_COLOURS = Object.fromEntries(vendorDescriptors.map((d) => [d.name, d.timeline.colour]));

/** One run's I/O and the helpers its commands share. */
export interface RunContext {
  io: CliIo;
  /** A progress line on stderr, only when stderr is a terminal. */
  progress(text: string): void;
  /** A line on stderr whether or not it is a terminal: what the user should know happened. */
  note(text: string): void;
  /** With `--verbose`, the clients' logger: each record as one line on stderr (keys masked there too). */
  logger(options: Options): Logger | undefined;
  /**
   * Reads a whole stream, keeps the events inside --since/--until, and reports how many on stderr.
   * A timeout is reported with the limit and the attempts the stream made (the error's `attempts`).
   */
  collect(vendor: VendorName, stream: EventStream, options: Options): Promise<SessionEvent[]>;
  /**
   * Writes the --html page if asked, then prints the events in the chosen format; `failed` are the
   * vendors of a timeline that did not answer, and why.
   */
  emit(events: SessionEvent[], options: Options, failed?: readonly FailedVendor[]): void;
}

export function runContext(io: CliIo): RunContext {
  const progress = (text: string) => {
    if (io.stderr.isTTY) io.stderr.write(`sessiontrail: ${clip(text)}\n`);
  };
  const note = (text: string) => io.stderr.write(`sessiontrail: ${clip(text)}\n`);
  return {
    io,
    progress,
    note,
    // Not clipped like a note: a path is what the line is for.
    logger: (options) =>
      options.verbose === true
        ? (record) => io.stderr.write(`sessiontrail: ${logLine(record)}\n`)
        : undefined,
    async collect(vendor, stream, options) {
      const started = Date.now();
      let all: SessionEvent[];
      try {
        all = await stream.toArray();
      } catch (error) {
        throw explained(error, options, started);
      }
      const events = all.filter(
        (e) =>
          (options.since === undefined || e.timestamp >= options.since) &&
          (options.until === undefined || e.timestamp <= options.until),
      );
      progress(
        `${vendor}: ${events.length} event${events.length === 1 ? "" : "s"} in ${Date.now() - started} ms`,
      );
      return events;
    },
    emit(events, options, failed = []) {
      const format = outputFormat(options, io);
      if (options.html !== undefined) {
        const file = resolve(options.html);
        let created: string | undefined;
        try {
          created = mkdirSync(dirname(file), { recursive: true });
          // The page names the vendors missing from it, so a missing lane is not read as silence.
          writeFileSync(file, timelineHtml(events, { failed }));
        } catch (error) {
          throw new Error(`cannot write ${options.html}: ${(error as Error).message}`);
        }
        note(`wrote ${file}${created === undefined ? "" : ` (created ${created})`}`);
      }
      if (format === "json") io.stdout.write(formatJson(events));
      else if (format === "ndjson") io.stdout.write(formatNdjson(events));
      else {
        io.stdout.write(
          formatTable(events, {
            width: io.stdout.isTTY ? (io.stdout.columns ?? 160) : 160,
            colour: colourWanted(options, io),
            vendorColours: VENDOR_COLOURS,
            failed: failed.map((f) => f.vendor),
          }),
        );
      }
    },
  };
}

/**
 * Colour in the table: never with `--no-color`; else as FORCE_COLOR says when it is set (`0` or
 * `false`: none), none when NO_COLOR is set, and otherwise only on a terminal that is not `dumb`.
 */
export function colourWanted(options: Options, io: CliIo): boolean {
  if (options.color === false) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== "") return force !== "0" && force !== "false";
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  return io.stdout.isTTY === true && io.env.TERM !== "dumb";
}

/** A timeout, said with the limit per attempt, the attempts the request took and how long they took. */
function explained(error: unknown, options: Options, started: number): unknown {
  if (!(error instanceof SessionTrailError) || error.kind !== "timeout") return error;
  const limit = options.timeout ?? requestDefaults.timeoutMs;
  const attempts = error.attempts ?? 1;
  const took = ((Date.now() - started) / 1000).toFixed(1);
  return new SessionTrailError({
    kind: "timeout",
    vendor: error.vendor,
    message: `timed out after ${limit} ms, ${attempts} attempt${attempts === 1 ? "" : "s"} in ${took} s (--timeout sets the limit, --retries the attempts after the first)`,
    cause: error,
  });
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

/** One `--verbose` line: what a client did, with the numbers on-call asks for first. */
export function logLine(record: LogRecord): string {
  const { vendor } = record;
  switch (record.type) {
    case "request":
      return `${vendor}: ${record.method} ${record.path} (attempt ${record.attempt})`;
    case "response":
      return `${vendor}: ${record.method} ${record.path} -> ${record.status} in ${record.durationMs} ms${
        record.requestId === undefined ? "" : `, request id ${record.requestId}`
      }`;
    case "error":
      return `${vendor}: ${record.method} ${record.path} failed (${record.kind}) after ${record.durationMs} ms`;
    case "retry":
      return `${vendor}: attempt ${record.attempt} failed (${record.kind}${
        record.status === undefined ? "" : `, HTTP ${record.status}`
      }); retrying in ${record.waitMs} ms`;
    case "wait":
      return `${vendor}: waiting ${record.waitMs} ms (${record.reason === "rate_limit" ? "client-side rate limit" : "Retry-After"})`;
    case "page":
      return `${vendor}: page ${record.page}: ${record.events} event${record.events === 1 ? "" : "s"}${
        record.total === undefined ? "" : ` of ${record.total}`
      }${record.more ? ", more follow" : ", last page"}`;
  }
}
