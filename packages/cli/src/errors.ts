// How the CLI reports what went wrong: one line (and a hint for usage errors) on stderr, never a key,
// and the exit code: 1 a vendor, network or file error, 2 a usage error.
import { redactSecrets, SessionTrailError } from "@sessiontrail/core";
import { CommanderError } from "commander";
import type { CliIo } from "./context.ts";
import { fieldHint } from "./options.ts";
import { descriptorOf, isVendorName, mockDefaults, settingHint, type VendorName } from "./vendors.ts";

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
export class VendorFailures extends Error {
  readonly errors: SessionTrailError[];
  constructor(errors: SessionTrailError[]) {
    super(errors.map((e) => e.message).join("; "));
    this.errors = errors;
  }
}

export const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, " ").trim();

/** Writes the error and returns the exit code; `commands` are the CLI's command names, for the help hint. */
export function report(
  error: unknown,
  args: readonly string[],
  io: CliIo,
  commands: readonly string[],
): number {
  const write = (lines: string[]) => io.stderr.write(`${lines.map((l) => redactSecrets(l)).join("\n")}\n`);
  const command = args.find((a) => commands.includes(a));
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
  const { query } = descriptorOf(vendor);
  if (path === query.idField) {
    return `the ${vendor} id is a ${query.idLabel}, e.g. ${mockDefaults[vendor].id}`;
  }
  return settingHint(vendor, path) ?? fieldHint(vendor, path) ?? fallback;
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
