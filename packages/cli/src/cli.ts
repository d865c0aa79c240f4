// The `sessiontrail` command line. `run()` returns the exit code: 0 ok, 1 a vendor, network or file
// error, 2 a usage error. API keys are read from flags or environment and never written anywhere.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import {
  type EventStream,
  mergeTimelines,
  redactSecrets,
  registerSecret,
  type SessionEvent,
  SessionTrailError,
} from "@sessiontrail/core";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { formatJson, formatNdjson, formatTable, type OutputFormat } from "./format.ts";
import { timelineHtml } from "./html.ts";
import { startMocks } from "./mock.ts";
import {
  envName,
  isVendorName,
  mockDefaults,
  settingHint,
  type VendorCall,
  type VendorName,
  vendorNames,
  vendors,
} from "./vendors.ts";

/** Where the CLI reads and writes; `process` by default, replaceable in tests. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
}

/** A mistake in how the CLI was called: exit code 2, the message and a hint line. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

/** Several vendors of a timeline failed: one line each, exit code 1. */
class VendorFailures extends Error {
  readonly errors: SessionTrailError[];
  constructor(errors: SessionTrailError[]) {
    super(errors.map((e) => e.message).join("; "));
    this.errors = errors;
  }
}

interface Options {
  json?: boolean;
  ndjson?: boolean;
  table?: boolean;
  html?: string;
  withRaw?: boolean;
  apiKey?: string;
  baseUrl?: string;
  projectKey?: string;
  signalId?: string;
  programId?: string;
  since?: number;
  until?: number;
  timezone?: string;
  pageSize?: number;
  maxEvents?: number;
  concurrency?: number;
  timeout?: number;
  retries?: number;
  header?: Record<string, string>;
}

const EXAMPLE_ENV = `Environment:
  SESSIONTRAIL_<VENDOR>_API_KEY      API key of a vendor, e.g. SESSIONTRAIL_FULLSTORY_API_KEY
  SESSIONTRAIL_<VENDOR>_BASE_URL     base URL of a vendor (a proxy, a region, a mock)
  SESSIONTRAIL_OPENREPLAY_PROJECT_KEY, SESSIONTRAIL_HARDAL_SIGNAL_ID, SESSIONTRAIL_ACTIONHUB_PROGRAM_ID
Vendors: ${vendorNames.join(", ")}`;

const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, " ").trim();
const envValue = (env: CliIo["env"], name: string) => {
  const value = env[name];
  return value === undefined || value.trim() === "" ? undefined : value;
};

function positiveInt(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError("must be a positive integer.");
  }
  return Number(value);
}

/** ISO 8601 date-time (or date) or epoch milliseconds. */
function instant(value: string): number {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const ms = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new InvalidArgumentError("expected an ISO date-time (2024-04-03T17:06:12Z) or epoch milliseconds.");
  }
  return ms;
}

function header(value: string, previous: Record<string, string> | undefined): Record<string, string> {
  const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):\s*(.*)$/.exec(value);
  if (!match) throw new InvalidArgumentError('expected "Name: value", e.g. "Prefer: code=401".');
  return { ...previous, [match[1] as string]: match[2] as string };
}

function addOutputOptions(command: Command): Command {
  return command
    .option("--json", "print one JSON array")
    .option("--ndjson", "print one JSON event per line (the default when stdout is not a terminal)")
    .option("--table", "print a table (the default on a terminal)")
    .option("--html <file>", "also write the events as a self-contained HTML timeline page")
    .option("--with-raw", "keep each vendor's untouched event in `raw` (JSON, NDJSON, HTML)");
}

function addVendorOptions(command: Command, connection: boolean): Command {
  if (connection) {
    command
      .option("--api-key <key>", "API key (default: $SESSIONTRAIL_<VENDOR>_API_KEY)")
      .option("--base-url <url>", "base URL (default: $SESSIONTRAIL_<VENDOR>_BASE_URL, else production)");
  }
  return command
    .option("--project-key <key>", "OpenReplay project key (default: $SESSIONTRAIL_OPENREPLAY_PROJECT_KEY)")
    .option("--signal-id <id>", "Hardal website signal id (default: $SESSIONTRAIL_HARDAL_SIGNAL_ID)")
    .option("--program-id <id>", "ActionHub program id (default: $SESSIONTRAIL_ACTIONHUB_PROGRAM_ID)")
    .option("--since <time>", "only events at or after this ISO date-time or epoch ms", instant)
    .option("--until <time>", "only events at or before this ISO date-time or epoch ms", instant)
    .option("--timezone <zone>", "IANA zone Hardal renders its timestamps in (default UTC)")
    .option("--page-size <n>", "events per page (OpenReplay 1-200, Hardal)", positiveInt)
    .option("--max-events <n>", "stop after this many events per vendor", positiveInt)
    .option(
      "--concurrency <n>",
      "pages fetched ahead at once, 1-16 (OpenReplay, Hardal; default 1)",
      positiveInt,
    )
    .option("--timeout <ms>", "time limit of each request, headers and body (default 30000)", positiveInt)
    .option(
      "--retries <n>",
      "attempts per request after a 429, 5xx, timeout or dropped connection (default 4)",
      positiveInt,
    )
    .option(
      "--header <header>",
      'extra request header, repeatable (e.g. "Prefer: code=401" for a Prism mock)',
      header,
    );
}

function vendorOf(name: string): VendorName {
  if (!isVendorName(name)) {
    throw new UsageError(
      `unknown vendor ${JSON.stringify(name)}`,
      `choose one of: ${vendorNames.join(", ")}`,
    );
  }
  return name;
}

/** The call for one vendor: flags first, then `SESSIONTRAIL_<VENDOR>_*` variables. */
function resolveCall(vendor: VendorName, options: Options, env: CliIo["env"]): VendorCall {
  const apiKey = options.apiKey ?? envValue(env, envName(vendor, "API_KEY"));
  if (apiKey === undefined || apiKey.trim() === "") {
    throw new UsageError(
      `${vendor}: missing API key`,
      `set ${envName(vendor, "API_KEY")}${options.apiKey === undefined ? " or pass --api-key" : ""}`,
    );
  }
  registerSecret(apiKey);
  const baseUrl = options.baseUrl ?? envValue(env, envName(vendor, "BASE_URL"));
  const pick = (value: string | undefined, setting: string) =>
    value ?? envValue(env, envName(vendor, setting));
  const projectKey = vendor === "openreplay" ? pick(options.projectKey, "PROJECT_KEY") : undefined;
  const signalId = vendor === "hardal" ? pick(options.signalId, "SIGNAL_ID") : undefined;
  const programId = vendor === "actionhub" ? pick(options.programId, "PROGRAM_ID") : undefined;
  const defined = <T>(key: string, value: T | undefined) => (value === undefined ? {} : { [key]: value });
  return {
    apiKey,
    includeRaw: options.withRaw === true,
    ...defined("baseUrl", baseUrl),
    ...defined("headers", options.header),
    ...defined("projectKey", projectKey),
    ...defined("signalId", signalId),
    ...defined("programId", programId),
    ...defined("since", options.since),
    ...defined("until", options.until),
    ...defined("timezone", options.timezone),
    ...defined("pageSize", options.pageSize),
    ...defined("maxEvents", options.maxEvents),
    ...defined("concurrency", options.concurrency),
    ...defined("timeoutMs", options.timeout),
    ...defined("maxAttempts", options.retries),
  };
}

/** One timeline from whole arrays: `mergeTimelines` sorts each (stably) and drops exact repeats. */
async function chronological(sources: SessionEvent[][]): Promise<SessionEvent[]> {
  const out: SessionEvent[] = [];
  for await (const event of mergeTimelines(...sources)) out.push(event);
  return out;
}

function outputFormat(options: Options, io: CliIo): OutputFormat {
  const chosen = (["json", "ndjson", "table"] as const).filter((f) => options[f]);
  if (chosen.length > 1) {
    throw new UsageError(
      `choose one output format (got ${chosen.map((f) => `--${f}`).join(" and ")})`,
      "pass one of --json, --ndjson or --table",
    );
  }
  return chosen[0] ?? (io.stdout.isTTY ? "table" : "ndjson");
}

export async function run(args: readonly string[], io: CliIo = processIo()): Promise<number> {
  const progress = (text: string) => {
    if (io.stderr.isTTY) io.stderr.write(`sessiontrail: ${redactSecrets(text)}\n`);
  };

  async function collect(vendor: VendorName, stream: EventStream, options: Options): Promise<SessionEvent[]> {
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
  }

  function emit(events: SessionEvent[], options: Options): void {
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
  }

  const program = new Command("sessiontrail")
    .description(
      "The events of one user session from Roundtable, OpenReplay, FullStory, ActionHub and Hardal, normalized to one model and merged into one timeline.",
    )
    .version(packageVersion(), "-V, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: () => {},
    })
    .addHelpText(
      "after",
      `
Examples:
  $ sessiontrail mock
  $ sessiontrail events fullstory ${mockDefaults.fullstory.id}
  $ sessiontrail timeline --fullstory ${mockDefaults.fullstory.id} --hardal ${mockDefaults.hardal.id} --html timeline.html

${EXAMPLE_ENV}

Run 'sessiontrail <command> --help' for more examples.`,
    );

  const events = program
    .command("events")
    .description("print the normalized events of one session (ActionHub: of one user)")
    .argument("<vendor>", vendorNames.join(" | "))
    .argument("<id>", "session id (ActionHub: user id)");
  addVendorOptions(addOutputOptions(events), true)
    .addHelpText(
      "after",
      `
Ids:
${vendorNames.map((v) => `  ${v.padEnd(11)} ${vendors[v].idLabel}`).join("\n")}

Examples:
  $ export SESSIONTRAIL_FULLSTORY_API_KEY=...
  $ sessiontrail events fullstory ${mockDefaults.fullstory.id}
  $ sessiontrail events openreplay ${mockDefaults.openreplay.id} --project-key ${mockDefaults.openreplay.projectKey} --json
  $ sessiontrail events actionhub ${mockDefaults.actionhub.id} --program-id ${mockDefaults.actionhub.programId} --ndjson | jq .name
  $ sessiontrail events hardal ${mockDefaults.hardal.id} --signal-id ${mockDefaults.hardal.signalId} --html session.html

${EXAMPLE_ENV}`,
    )
    .action(async (vendorName: string, id: string, options: Options) => {
      const vendor = vendorOf(vendorName);
      outputFormat(options, io);
      const stream = vendors[vendor].events(id, resolveCall(vendor, options, io.env));
      // Oldest first even when a vendor does not keep the order it was asked for.
      emit(await chronological([await collect(vendor, stream, options)]), options);
    });

  const timeline = program
    .command("timeline")
    .description("fetch several vendors' events concurrently and merge them into one chronological timeline");
  for (const vendor of vendorNames) {
    timeline.option(
      `--${vendor} <${vendor === "actionhub" ? "userId" : "id"}>`,
      `${vendor} ${vendors[vendor].idLabel}`,
    );
  }
  addVendorOptions(addOutputOptions(timeline), false)
    .addHelpText(
      "after",
      `
Give at least one vendor. API keys and base URLs come from SESSIONTRAIL_<VENDOR>_API_KEY and
SESSIONTRAIL_<VENDOR>_BASE_URL; --since, --until and --max-events apply to every vendor.

Examples:
  $ sessiontrail timeline --fullstory ${mockDefaults.fullstory.id} --hardal ${mockDefaults.hardal.id} --signal-id ${mockDefaults.hardal.signalId}
  $ sessiontrail timeline --openreplay ${mockDefaults.openreplay.id} --roundtable ${mockDefaults.roundtable.id} --html timeline.html
  $ sessiontrail timeline --actionhub ${mockDefaults.actionhub.id} --program-id ${mockDefaults.actionhub.programId} --json > timeline.json

${EXAMPLE_ENV}`,
    )
    .action(async (options: Options & Partial<Record<VendorName, string>>) => {
      const picked = vendorNames.filter((v) => options[v] !== undefined);
      if (picked.length === 0) {
        throw new UsageError(
          "timeline needs at least one vendor",
          `pass one or more of ${vendorNames.map((v) => `--${v} <id>`).join(", ")}`,
        );
      }
      outputFormat(options, io);
      // Every call is checked (keys, ids, settings) before the first request goes out.
      const streams = picked.map((vendor) => ({
        vendor,
        stream: vendors[vendor].events(options[vendor] as string, resolveCall(vendor, options, io.env)),
      }));
      progress(`fetching ${picked.join(", ")}`);
      const settled = await Promise.allSettled(streams.map((s) => collect(s.vendor, s.stream, options)));
      const failures = settled.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
      if (failures.length > 0) {
        const typed = failures.filter((f): f is SessionTrailError => f instanceof SessionTrailError);
        if (typed.length === failures.length) throw new VendorFailures(typed);
        throw failures.find((f) => !(f instanceof SessionTrailError));
      }
      emit(await chronological(settled.map((r) => (r.status === "fulfilled" ? r.value : []))), options);
    });

  const raw = program
    .command("raw")
    .description("print the vendor's untouched response to the first events request, as JSON")
    .argument("<vendor>", vendorNames.join(" | "))
    .argument("<id>", "session id (ActionHub: user id)");
  addVendorOptions(raw, true)
    .addHelpText(
      "after",
      `
Sends the request 'events' sends for page 1, with the same parameters, and prints the body as is.

Examples:
  $ sessiontrail raw fullstory ${mockDefaults.fullstory.id}
  $ sessiontrail raw hardal ${mockDefaults.hardal.id} --signal-id ${mockDefaults.hardal.signalId} --page-size 10 | jq .hasMore

${EXAMPLE_ENV}`,
    )
    .action(async (vendorName: string, id: string, options: Options) => {
      const vendor = vendorOf(vendorName);
      const body = await vendors[vendor].raw(id, resolveCall(vendor, options, io.env));
      io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    });

  program
    .command("mock")
    .description("serve a Stoplight Prism mock of every bundled vendor spec on 127.0.0.1 until Ctrl-C")
    .addHelpText(
      "after",
      `
Needs @stoplight/prism-cli (an optional peer dependency): npm install --save-dev @stoplight/prism-cli
Prints each vendor's base URL and the lines that point sessiontrail at the mocks
(SESSIONTRAIL_<VENDOR>_BASE_URL, a dummy SESSIONTRAIL_<VENDOR>_API_KEY, the example project,
signal and program ids). Ctrl-C or SIGTERM stops every Prism.

Example:
  $ sessiontrail mock
  $ # in another shell, paste the printed export lines, then:
  $ sessiontrail timeline --fullstory ${mockDefaults.fullstory.id} --hardal ${mockDefaults.hardal.id}`,
    )
    .action(async () => {
      // Listen first: a signal during start-up still stops every Prism once they are up.
      let signalled = false;
      const stopped = new Promise<void>((done) => {
        const stop = () => {
          signalled = true;
          done();
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      let mocks: Awaited<ReturnType<typeof startMocks>>;
      try {
        progress("starting Prism mocks");
        mocks = await startMocks();
      } catch (error) {
        const message = (error as Error).message;
        if (/not installed/.test(message)) {
          throw new UsageError(
            "Stoplight Prism is not installed",
            "npm install --save-dev @stoplight/prism-cli",
          );
        }
        throw error;
      }
      if (!signalled) io.stdout.write(mockInstructions(mocks.vendors));
      await stopped;
      await mocks.stop();
      progress("mocks stopped");
    });

  try {
    await program.parseAsync(args, { from: "user" });
    return 0;
  } catch (error) {
    return report(error, args, io);
  }
}

/** What `sessiontrail mock` prints: base URLs, then shell lines that use them. */
export function mockInstructions(baseUrls: Partial<Record<VendorName, string>>): string {
  const lines = Object.entries(baseUrls).map(([vendor, url]) => `${vendor.padEnd(11)} ${url}`);
  lines.push("", "# Point sessiontrail at the mocks (Prism accepts any non-empty API key):");
  for (const [vendor, url] of Object.entries(baseUrls) as [VendorName, string][]) {
    lines.push(`export ${envName(vendor, "BASE_URL")}=${url}`, `export ${envName(vendor, "API_KEY")}=mock`);
  }
  lines.push(
    `export ${envName("openreplay", "PROJECT_KEY")}=${mockDefaults.openreplay.projectKey}`,
    `export ${envName("hardal", "SIGNAL_ID")}=${mockDefaults.hardal.signalId}`,
    `export ${envName("actionhub", "PROGRAM_ID")}=${mockDefaults.actionhub.programId}`,
    "",
    "# Then, for example:",
    `sessiontrail timeline ${vendorNames.map((v) => `--${v} ${mockDefaults[v].id}`).join(" ")}`,
    "",
    "# Ctrl-C stops the mocks.",
    "",
  );
  return lines.join("\n");
}

/** Writes the error and returns the exit code. */
function report(error: unknown, args: readonly string[], io: CliIo): number {
  const write = (lines: string[]) => io.stderr.write(`${lines.map((l) => redactSecrets(l)).join("\n")}\n`);
  const command = args.find((a) => ["events", "timeline", "raw", "mock"].includes(a));
  const helpHint = `run 'sessiontrail ${command ? `${command} ` : ""}--help' for usage and examples`;

  if (error instanceof CommanderError) {
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return 0;
    if (error.code === "commander.help") return 2; // no command: the help went to stderr
    // An unknown option may carry a value (`--apikey=...`): never echo what follows the `=`.
    const message = oneLine(error.message.replace(/^error:\s*/, "")).replace(
      /'(-[^'=\s]*)=[^']*'/g,
      "'$1=…'",
    );
    write([`sessiontrail: ${message}`, `hint: ${helpHint}`]);
    return 2;
  }
  if (error instanceof UsageError) {
    write([`sessiontrail: ${oneLine(error.message)}`, `hint: ${error.hint}`]);
    return 2;
  }
  if (error instanceof VendorFailures) {
    write(error.errors.map(vendorErrorLine));
    return 1;
  }
  if (error instanceof SessionTrailError) {
    // A validation error found before any request: the call itself is wrong.
    if (error.kind === "validation" && error.status === undefined && isVendorName(error.vendor)) {
      write([
        `sessiontrail: ${error.vendor}: ${oneLine(issuesText(error))}`,
        `hint: ${validationHint(error, helpHint)}`,
      ]);
      return 2;
    }
    write([vendorErrorLine(error)]);
    return 1;
  }
  write([`sessiontrail: ${oneLine(error instanceof Error ? error.message : String(error))}`]);
  return 1;
}

function issuesText(error: SessionTrailError): string {
  if (error.issues.length === 0) return error.message.replace(`${error.vendor}: `, "");
  return error.issues.map((i) => `${i.path} ${i.message}`).join("; ");
}

function validationHint(error: SessionTrailError, fallback: string): string {
  const vendor = error.vendor as VendorName;
  const path = error.issues[0]?.path ?? "";
  if (path === "sessionId" || path === "userId") {
    return `the ${vendor} id is a ${vendors[vendor].idLabel}, e.g. ${mockDefaults[vendor].id}`;
  }
  return settingHint(vendor, path) ?? fallback;
}

/** `sessiontrail: fullstory: auth (HTTP 401): access is unauthorized`: one line, never a key. */
export function vendorErrorLine(error: SessionTrailError): string {
  const status = error.status === undefined ? "" : ` (HTTP ${error.status})`;
  let detail =
    error.vendorMessage ??
    error.message
      .replace(`${error.vendor}: `, "")
      .replace(/^HTTP \d+ [a-z_]+:?\s*/, "")
      .replace(/^network error:\s*/, "")
      .replace(/^with an empty body$/, "empty response body");
  if (detail === "") detail = error.bodyExcerpt ?? "no details";
  return `sessiontrail: ${error.vendor}: ${error.kind}${status}: ${oneLine(redactSecrets(detail))}`;
}

function packageVersion(): string {
  try {
    const manifest = readFileSync(new URL("../package.json", import.meta.url), "utf8");
    return (JSON.parse(manifest) as { version: string }).version;
  } catch {
    return "0.0.0";
  }
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}
