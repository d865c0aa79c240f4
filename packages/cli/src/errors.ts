// How the CLI reports what went wrong: one line (and a hint for usage errors) on stderr, never a key,
// and the exit code: 1 a vendor, network or file error, 2 a usage error.
import { redactSecrets, SessionTrailError } from "@sessiontrail/core";
import { CommanderError } from "commander";
import type { CliIo } from "./context.ts";
import { shorten } from "./format.ts";
import { fieldHint } from "./options.ts";
import { descriptorOf, isVendorName, mockDefaults, settingHint, type VendorName } from "./vendors.ts";

/** A mistake in how the CLI was called: exit code 2, the message and a hint line. */
export class UsageError extends Error {
  /** Always `"UsageError"`, so the class reads in a log. */
  override readonly name = "UsageError";
  /** What to do instead, printed after `hint:` on its own line. */
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

/** Required settings nobody gave, of every vendor asked for: all reported at once, exit code 2. */
export class MissingSettings extends UsageError {
  readonly missing: { vendor: string; what: string; hint: string }[];
  constructor(missing: MissingSettings["missing"]) {
    super(missing.map((m) => `${m.vendor}: missing ${m.what}`).join("; "), missing[0]?.hint ?? "");
    this.missing = missing;
  }
}

/**
 * Vendors of a timeline failed: one line each, exit code 1. `printed`: what the vendors that answered
 * returned was printed anyway; `of` is how many vendors were asked.
 */
export class VendorFailures extends Error {
  readonly errors: SessionTrailError[];
  readonly printed: boolean;
  readonly of: number;
  constructor(errors: SessionTrailError[], printed = false, of = errors.length) {
    super(errors.map((e) => e.message).join("; "));
    this.errors = errors;
    this.printed = printed;
    this.of = of;
  }
}

export const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, " ").trim();

/** The longest run without a space an error line shows whole; a longer one (an id, a URL) is cut. */
const LONGEST_WORD = 60;
/** The longest error line. */
const LONGEST_LINE = 400;

/** A line fit for stderr: secrets masked first (a cut secret would no longer match), then long values cut. */
export function clip(line: string): string {
  const words = redactSecrets(line).replace(new RegExp(`\\S{${LONGEST_WORD + 1},}`, "g"), (w) => shorten(w));
  return [...words].length > LONGEST_LINE ? shorten(words, LONGEST_LINE) : words;
}

/** A command's name and the long flags it takes, so a hint names only flags that command has. */
export interface CommandFlags {
  name: string;
  flags: readonly string[];
}

/** `1st`, `2nd`, `3rd`, `4th`. */
const ordinal = (n: number) =>
  `${n}${n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th"}`;

/**
 * Commander's message without the values it quotes: a stray argument may be a key pasted without
 * `--api-key`, so usage errors name positions and counts instead, and cut what they do show.
 */
function commanderMessage(error: CommanderError): string {
  const message = oneLine(error.message.replace(/^error:\s*/, ""));
  const excess = /^too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got (\d+)/.exec(
    message,
  );
  if (excess) {
    const [, command, expected, got] = excess;
    const extra = Array.from({ length: Number(got) - Number(expected) }, (_, i) =>
      ordinal(Number(expected) + i + 1),
    );
    return `too many arguments${command ? ` for '${command}'` : ""}: expected ${expected}, got ${got} (the ${extra.join(", ")} is not used; a key goes in an option or variable, never as an argument)`;
  }
  // An unknown option may carry a value (`--apikey=...`): never echo what follows the `=`.
  return message
    .replace(/'(-[^'=\s]*)=[^']*'/g, "'$1=…'")
    .replace(
      /(argument|command) '([^']*)'/g,
      (_, what: string, value: string) => `${what} '${shorten(value)}'`,
    );
}

/** Writes the error and returns the exit code; `commands` are the CLI's commands, for the hints. */
export function report(
  error: unknown,
  args: readonly string[],
  io: CliIo,
  commands: readonly CommandFlags[],
): number {
  const write = (lines: string[]) => io.stderr.write(`${lines.map(clip).join("\n")}\n`);
  const command = commands.find((c) => args.includes(c.name));
  const helpHint = `run 'sessiontrail ${command ? `${command.name} ` : ""}--help' for usage and examples`;

  if (error instanceof CommanderError) {
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return 0;
    if (error.code === "commander.help") return 2; // no command: the help went to stderr
    write([`sessiontrail: ${commanderMessage(error)}`, `hint: ${helpHint}`]);
    return 2;
  }
  if (error instanceof MissingSettings) {
    write(error.missing.flatMap((m) => [`sessiontrail: ${m.vendor}: missing ${m.what}`, `hint: ${m.hint}`]));
    return 2;
  }
  if (error instanceof UsageError) {
    write([`sessiontrail: ${oneLine(error.message)}`, `hint: ${error.hint}`]);
    return 2;
  }
  if (error instanceof VendorFailures) {
    const failed = error.errors.map((e) => e.vendor);
    const summary = error.printed
      ? [
          `sessiontrail: printed the timeline without ${failed.join(", ")} (${failed.length} of ${error.of} vendors failed; --strict prints nothing then)`,
        ]
      : [];
    write([...error.errors.map(vendorErrorLine), ...summary]);
    return 1;
  }
  if (error instanceof SessionTrailError) {
    // A validation error found before any request: the call itself is wrong.
    if (error.kind === "validation" && error.status === undefined && isVendorName(error.vendor)) {
      write([
        `sessiontrail: ${error.vendor}: ${oneLine(issuesText(error))}`,
        `hint: ${validationHint(error, helpHint, command?.flags ?? [])}`,
      ]);
      return 2;
    }
    write([vendorErrorLine(error)]);
    return 1;
  }
  write([`sessiontrail: ${oneLine(error instanceof Error ? error.message : String(error))}`]);
  return 1;
}

/** The library names its own option; the CLI's is a flag. */
const cliWords = (text: string) => text.replace(/\ballowInsecureBaseUrl\b/g, "--allow-insecure-base-url");

function issuesText(error: SessionTrailError): string {
  if (error.issues.length === 0) return cliWords(error.message.replace(`${error.vendor}: `, ""));
  return cliWords(error.issues.map((i) => `${i.path} ${i.message}`).join("; "));
}

function validationHint(error: SessionTrailError, fallback: string, flags: readonly string[]): string {
  const vendor = error.vendor as VendorName;
  const path = error.issues[0]?.path ?? "";
  const { query } = descriptorOf(vendor);
  if (path === query.idField) {
    return `the ${vendor} id is a ${query.idLabel}, e.g. ${mockDefaults[vendor].id}`;
  }
  return settingHint(vendor, path, flags) ?? fieldHint(vendor, path) ?? fallback;
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
  return `sessiontrail: ${error.vendor}: ${error.kind}${status}: ${oneLine(redactSecrets(cliWords(detail)))}`;
}
