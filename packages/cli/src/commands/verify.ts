// `sessiontrail verify <vendor> <id>`: the requests `events` makes, each real response checked against
// the bundled spec (status, content type, body schema, documented headers) and every event against the
// vendor's normalizer. Exit 0: the vendor matches its spec; 1: drift; 2: usage; 3: could not check.
import { existsSync, mkdirSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { SessionTrailError, type SessionTrailErrorKind } from "@sessiontrail/core";
import type { Command } from "commander";
import type { RunContext } from "../context.ts";
import { UsageError, vendorErrorLine } from "../errors.ts";
import { environmentHelp, exampleArgs, examples, idArgument } from "../help.ts";
import { bundledSpecs } from "../mock.ts";
import {
  addVendorOptions,
  checkWindow,
  ignoredFlagNotes,
  longFlags,
  type Options,
  resolveCalls,
  vendorOf,
} from "../options.ts";
import {
  clientOf,
  descriptorOf,
  queryOf,
  streamOptionsOf,
  type VendorCall,
  type VendorName,
  vendorNames,
} from "../vendors.ts";
import { checkExchange, checkNormalizer, type Difference, grouped, type Note } from "../verify/check.ts";
import {
  type CheckedResponse,
  differenceLine,
  exitCodes,
  noteLines,
  recordExamples,
  type Verdict,
  VerifyVerdict,
} from "../verify/output.ts";
import { recordingFetch } from "../verify/record.ts";
import { Redactor, redactRules } from "../verify/redact.ts";
import { VendorSpec } from "../verify/spec.ts";

interface VerifyOptions extends Options {
  record?: string;
  redact?: string[];
}

/** Failures that leave nothing to compare: the vendor did not hand over the session. */
const UNCHECKED: ReadonlySet<SessionTrailErrorKind> = new Set([
  "network",
  "timeout",
  "auth",
  "forbidden",
  "not_found",
  "rate_limited",
  "server",
  "validation",
  "aborted",
]);

/** What to do about a failure that left nothing to compare. */
const HINTS: Partial<Record<SessionTrailErrorKind, string>> = {
  auth: "check the key (--api-key or the vendor's API_KEY variable) and the base URL",
  forbidden: "the key is valid but may not read this: check its scopes and the vendor settings",
  not_found: "check the id and the vendor settings (project, site, region)",
  network: "check the base URL and the network, then run verify again",
  timeout: "run again, or raise --timeout",
  rate_limited: "wait and run again, or lower --concurrency",
  server: "the vendor failed; run again later",
  validation: "the vendor refused the request; check the flags, or see whether its request format changed",
};

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

export function verifyCommand(program: Command, run: RunContext): void {
  const command = program
    .command("verify")
    .description(
      "check a vendor's real responses against the bundled spec (status, schema, headers, normalizer)",
    )
    .argument("<vendor>", vendorNames.join(" | "))
    .argument("<id>", idArgument())
    .option("--json", "print the result as one JSON object")
    .option("--record <dir>", "save each response body as a named example for the spec, redacted")
    .option(
      "--redact <pointer-or-field>",
      "also replace this JSON pointer (/events/*/user_time) or field name in recorded and printed values; repeatable",
      collect,
    );
  const [first] = vendorNames;
  addVendorOptions(command, true)
    .addHelpText(
      "after",
      `
Makes the requests 'events' makes (every page, the same key and flags) and checks each response
against the vendor's bundled OpenAPI spec: the status is documented, the content type matches, the
body validates against the response schema (JSON Schema 2020-12), documented headers are there, and
the vendor's normalizer reads every event. Each difference is one line: the operation, the JSON
pointer into the body, what the spec says, what came back (cut; keys never), and where to edit the spec.
--record writes each body as a named example with the key, emails, user ids and IP addresses (and
every --redact value) replaced, ready to paste into the spec's examples.

Exit codes: 0 the vendor matches its spec, 1 drift found, 2 usage error, 3 could not check
(network, auth, a missing session, a vendor error).

Examples:
${examples([
  ...(first === undefined ? [] : [`sessiontrail verify ${first} ${exampleArgs(first)}`]),
  ...vendorNames.slice(1, 2).map((v) => `sessiontrail verify ${v} ${exampleArgs(v)} --json`),
  ...vendorNames
    .slice(2, 3)
    .map((v) => `sessiontrail verify ${v} ${exampleArgs(v)} --record recorded --redact device_id`),
])}

${environmentHelp()}`,
    )
    .action(async (vendorName: string, id: string, options: VerifyOptions) => {
      const vendor = vendorOf(vendorName);
      checkWindow(options);
      const redactor = new Redactor(redactRules(options.redact ?? []));
      const recordDir = options.record === undefined ? undefined : recordFolder(options.record);
      const [call] = resolveCalls([vendor], options, run.io.env, longFlags(command));
      if (call === undefined) return;
      for (const note of ignoredFlagNotes([vendor], options)) run.note(note);
      const verdict = await verify(vendor, id, call, redactor, recordDir, options.json === true, run);
      if (verdict !== "match") throw new VerifyVerdict(verdict);
    });
}

/** The `--record` folder, made now: a folder that cannot be made is a usage error, found before any request. */
function recordFolder(dir: string): string {
  const path = resolve(dir);
  if (existsSync(path) && !statSync(path).isDirectory()) {
    throw new UsageError(
      `--record ${dir} is a file`,
      "give a folder; verify writes one file per response into it",
    );
  }
  try {
    mkdirSync(path, { recursive: true });
  } catch (error) {
    throw new UsageError(
      `cannot make --record folder ${dir}: ${(error as Error).message}`,
      "give a folder you can write to",
    );
  }
  return path;
}

async function verify(
  vendor: VendorName,
  id: string,
  call: VendorCall,
  redactor: Redactor,
  recordDir: string | undefined,
  json: boolean,
  run: RunContext,
): Promise<Verdict> {
  const descriptor = descriptorOf(vendor);
  const specPath = bundledSpecs()[vendor];
  if (specPath === undefined) throw new Error(`no bundled spec for ${vendor}`);
  const spec = new VendorSpec(vendor, specPath);
  // Read when called, not when imported: tests and instrumentation may replace the global fetch.
  const recorder = recordingFetch((request, init) => globalThis.fetch(request, init));
  const query = queryOf(vendor, id, call);
  let failure: unknown;
  let events = 0;
  try {
    const client = clientOf(vendor, call, { fetch: recorder.fetch });
    events = (await client.events(query, streamOptionsOf(call)).toArray()).length;
  } catch (error) {
    failure = error;
  }
  const exchanges = await recorder.exchanges();
  // Refused before any request (a bad id, setting or flag): a usage error, as for `events`.
  if (exchanges.length === 0 && failure instanceof SessionTrailError && failure.kind === "validation") {
    throw failure;
  }

  const differences: Difference[] = [];
  const notes: Note[] = [];
  const responses: CheckedResponse[] = [];
  const checked = exchanges.map((exchange) => {
    const found = checkExchange(spec, exchange, redactor);
    const own = [...found.differences];
    const ok = exchange.status >= 200 && exchange.status < 300;
    if (ok && found.operation !== undefined && found.body !== undefined) {
      own.push(...checkNormalizer(descriptor, query, spec, exchange, found.operation, found.body, redactor));
    }
    differences.push(...own);
    notes.push(...found.notes);
    responses.push({
      response: exchange.number,
      operation: found.operation?.operationId ?? exchange.method,
      request: found.operation ? `${found.operation.method} ${found.operation.template}` : exchange.method,
      status: exchange.status,
      differences: own.length,
    });
    return { exchange, operation: found.operation, body: found.body };
  });

  // A response the client refused (`invalid_response`) is drift; any other failure left nothing to compare.
  const unchecked =
    failure !== undefined && (!(failure instanceof SessionTrailError) || UNCHECKED.has(failure.kind));
  if (failure instanceof SessionTrailError && !unchecked && differences.length === 0) {
    // The client refused what came back, and no check above says why: that refusal is the drift.
    const last = responses.at(-1);
    differences.push({
      kind: "client",
      operation: last?.operation ?? "events",
      request: last?.request ?? "",
      status: last?.status ?? 0,
      response: last?.response ?? 0,
      pointer: "",
      expected: "a response the client reads",
      actual: failure.message.replace(`${vendor}: `, ""),
      edit: { file: `packages/${vendor}/src/client.ts` },
    });
  }
  const shownDifferences = grouped(differences);
  const verdict: Verdict = unchecked ? "unchecked" : shownDifferences.length > 0 ? "drift" : "match";
  const recorded = recordDir === undefined ? [] : recordExamples(recordDir, vendor, spec, checked, redactor);

  const failureJson =
    failure === undefined
      ? undefined
      : failure instanceof SessionTrailError
        ? { kind: failure.kind, status: failure.status, message: failure.message }
        : { kind: "unexpected", message: (failure as Error)?.message ?? String(failure) };
  if (json) {
    run.io.stdout.write(
      `${JSON.stringify(
        {
          vendor,
          spec: spec.file,
          verdict,
          exitCode: exitCodes[verdict],
          events,
          responses,
          differences: shownDifferences,
          notes: noteLines(vendor, notes),
          ...(failureJson === undefined ? {} : { error: failureJson }),
          ...(recordDir === undefined ? {} : { recorded }),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    const lines = shownDifferences.map((d) => differenceLine(vendor, d));
    const count = `${responses.length} response${responses.length === 1 ? "" : "s"}`;
    if (verdict === "match") {
      lines.push(
        `${vendor}: matches ${spec.file} (${count}, ${events} event${events === 1 ? "" : "s"} read)`,
      );
    } else if (verdict === "drift") {
      const n = shownDifferences.length;
      lines.push(`${vendor}: ${n} difference${n === 1 ? "" : "s"} from ${spec.file} in ${count}`);
    }
    if (lines.length > 0) run.io.stdout.write(`${lines.join("\n")}\n`);
    // Written whole, not through `note`: it would cut a long path.
    const lines2 = [...noteLines(vendor, notes), ...recorded.map((file) => `wrote ${file}`)];
    for (const line of lines2) run.io.stderr.write(`sessiontrail: ${line}\n`);
  }
  if (unchecked) {
    const line =
      failure instanceof SessionTrailError
        ? vendorErrorLine(failure).replace(/^sessiontrail: /, "")
        : `${vendor}: ${(failure as Error)?.message ?? String(failure)}`;
    const kind = failure instanceof SessionTrailError ? failure.kind : undefined;
    run.io.stderr.write(
      `sessiontrail: could not check ${line}\nhint: ${(kind && HINTS[kind]) ?? "run verify again"}\n`,
    );
  }
  return verdict;
}
