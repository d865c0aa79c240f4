// `pnpm spec:diff <old.yaml> <new.yaml> [--json]`: every change between two versions of an OpenAPI
// spec, judged from the side of code written against the old one (a user of our generated client),
// one line each:
//   ERR response-required-property-removed GET /v2/sessions/{session_id}/events 200 /events/items/event_time: ...
// or, with --json, an array of { id, level, operation, path, message }. Exit 0 whatever changed; 2
// when a file cannot be read or parsed, or the arguments are wrong. `pnpm spec:check` uses the same
// code (diffSpecs) on each vendor spec against its version at the base ref.
//
// The checks are oasdiff's (oasdiff/oasdiff: ids such as `api-removed-without-deprecation`, levels
// ERR / WARN / INFO), so the output reads like the tool API maintainers know; scripts/spec-diff/
// checks.ts lists them, with the few levels we raise and the checks oasdiff lacks (servers,
// additionalProperties), and CONTRIBUTING.md shows that list as a table.
//
// Why not a registry tool: oasdiff and openapi-changes are Go binaries, on neither the npm registry
// nor Debian (their npm wrappers download the binary, which these machines cannot); openapi-diff
// reads OpenAPI 3.0 only; api-smart-diff 1.0.6 installs and reads 3.1, but classes a changed response
// field type as non-breaking, a changed security requirement as unclassified and a removed server
// as an annotation, and describes no change under components.
import { readFileSync } from "node:fs";
import { resolve as resolvePath } from "node:path";
import { parse } from "yaml";
import { checksTable } from "./spec-diff/checks.ts";
import { diffSpecs } from "./spec-diff/document.ts";
import { formatChange } from "./spec-diff/report.ts";

export { CHECKS, type Check, checkById, checksTable, type Level } from "./spec-diff/checks.ts";
export { diffSpecs } from "./spec-diff/document.ts";
export { formatChange, type SpecChange } from "./spec-diff/report.ts";

const USAGE = "usage: pnpm spec:diff <old.yaml> <new.yaml> [--json]   (or --checks: the table of checks)";

/** Reads one spec (YAML or JSON), or says why it cannot. */
function readSpec(file: string): { doc?: unknown; error?: string } {
  let text: string;
  try {
    // pnpm runs scripts from the repo root; a relative path means the directory pnpm was called in.
    text = readFileSync(resolvePath(process.env.INIT_CWD ?? process.cwd(), file), "utf8");
  } catch (error) {
    return { error: `cannot read ${file}: ${(error as Error).message}` };
  }
  try {
    const doc = parse(text);
    if (typeof doc !== "object" || doc === null || Array.isArray(doc))
      return { error: `${file} is not an OpenAPI document` };
    return { doc };
  } catch (error) {
    return { error: `cannot parse ${file}: ${(error as Error).message}` };
  }
}

/** The command line: returns the exit code, writes through the given sinks. */
export function main(
  argv: readonly string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    out(USAGE);
    return 0;
  }
  // The table CONTRIBUTING.md shows, written from the catalogue so that the two cannot drift.
  if (argv.length === 1 && argv[0] === "--checks") {
    out(checksTable());
    return 0;
  }
  const json = argv.includes("--json");
  const files = argv.filter((a) => a !== "--json");
  const unknown = files.find((a) => a.startsWith("-"));
  if (unknown || files.length !== 2) {
    err(unknown ? `unknown option ${unknown}` : USAGE);
    if (unknown) err(USAGE);
    return 2;
  }
  const [before, after] = files.map(readSpec) as [ReturnType<typeof readSpec>, ReturnType<typeof readSpec>];
  for (const side of [before, after]) {
    if (side.error) {
      err(`spec:diff: ${side.error}`);
      return 2;
    }
  }
  let changes: ReturnType<typeof diffSpecs>;
  try {
    changes = diffSpecs(before.doc, after.doc);
  } catch (error) {
    // A $ref that points outside the file, or nowhere: the input cannot be read as one document.
    err(`spec:diff: ${(error as Error).message}`);
    return 2;
  }
  // A change outside any operation has `operation: null`, so every object has the same keys.
  if (json)
    out(
      JSON.stringify(
        changes.map((c) => ({ ...c, operation: c.operation ?? null })),
        null,
        2,
      ),
    );
  else for (const change of changes) out(formatChange(change));
  return 0;
}

if (import.meta.main) process.exitCode = main(process.argv.slice(2));
