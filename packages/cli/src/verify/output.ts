// What `sessiontrail verify` prints and records: one line per difference (or the same as JSON), and
// with `--record`, each response body as a named example ready to paste into the spec.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { redactSecrets } from "@sessiontrail/core";
import { stringify } from "yaml";
import type { Difference, Note } from "./check.ts";
import type { Exchange } from "./record.ts";
import type { Redactor } from "./redact.ts";
import { pointerSegment, type SpecOperation, type VendorSpec } from "./spec.ts";

/** What verify found: `match` exits 0, `drift` 1, `unchecked` 3. */
export type Verdict = "match" | "drift" | "unchecked";

export const exitCodes: Record<Verdict, number> = { match: 0, drift: 1, unchecked: 3 };

/** The outcome of a verify run that is not a match: `run()` returns its exit code. */
export class VerifyVerdict extends Error {
  override readonly name = "VerifyVerdict";
  readonly exitCode: number;
  constructor(verdict: Verdict) {
    super(`verify: ${verdict}`);
    this.exitCode = exitCodes[verdict];
  }
}

/** Where to edit: `specs/fullstory/openapi.yaml:195 #/components/schemas/Event/required`. */
export function placeOf(edit: Difference["edit"]): string {
  const line = edit.line === undefined ? "" : `:${edit.line}`;
  return `${edit.file}${line}${edit.pointer === undefined ? "" : ` ${edit.pointer}`}`;
}

/**
 * `fullstory getSessionEvents 200 /events/3/event_time: spec says required, got nothing (renamed? ...);
 * edit specs/fullstory/openapi.yaml:195 #/components/schemas/Event/required`.
 */
export function differenceLine(vendor: string, d: Difference): string {
  const where =
    d.header !== undefined
      ? ` header ${d.header}`
      : d.pointer === undefined
        ? ""
        : ` ${d.pointer === "" ? "(body)" : d.pointer}`;
  const note = d.note === undefined ? "" : ` (${d.note})`;
  const also =
    d.also === undefined || d.also.length === 0
      ? ""
      : `; also at ${d.also.length} more (${d.also.slice(0, 3).join(", ")}${d.also.length > 3 ? ", …" : ""})`;
  return `drift: ${vendor} ${d.operation} ${d.status}${where}: spec says ${d.expected}, got ${d.actual}${note}${also}; edit ${placeOf(d.edit)}`;
}

/** `note: datadog SearchRUMEvents 200 did not send X-RateLimit-Name (documented, not required)`. */
export function noteLines(vendor: string, notes: readonly Note[]): string[] {
  const byResponse = new Map<string, Set<string>>();
  for (const note of notes) {
    const key = `${note.operation} ${note.status}`;
    byResponse.set(key, (byResponse.get(key) ?? new Set()).add(note.text));
  }
  return [...byResponse].map(
    ([response, headers]) =>
      `note: ${vendor} ${response} did not send ${[...headers].join(", ")} (documented, not required)`,
  );
}

/** One exchange as the JSON output lists it: the template, never the ids in the request. */
export interface CheckedResponse {
  response: number;
  operation: string;
  request: string;
  status: number;
  differences: number;
}

/** The example's name in the spec: `recorded20261201Response1`. */
const exampleName = (date: string, exchange: Exchange) =>
  `recorded${date.replaceAll("-", "")}Response${exchange.number}`;

/**
 * Writes one YAML file per response into `dir`: a named example (summary and the redacted body) with
 * comments saying where in the spec to paste it. Returns the files written.
 */
export function recordExamples(
  dir: string,
  vendor: string,
  spec: VendorSpec,
  checked: readonly { exchange: Exchange; operation: SpecOperation | undefined; body: unknown }[],
  redactor: Redactor,
): string[] {
  mkdirSync(dir, { recursive: true });
  const date = new Date().toISOString().slice(0, 10);
  return checked.map(({ exchange, operation, body }) => {
    const media = (exchange.headers.get("content-type") ?? "").split(";")[0]?.trim() || "application/json";
    const value = redactor.redact(body ?? jsonOrText(exchange.body));
    const name = exampleName(date, exchange);
    const response = operation === undefined ? undefined : spec.responseOf(operation, exchange.status);
    const target =
      response === undefined
        ? operation === undefined
          ? "#/paths (no operation of the spec matches this request)"
          : `${operation.pointer}/responses (add ${exchange.status}: the spec does not document it)`
        : `${response.pointer}/content/${pointerSegment(media)}/examples`;
    const line = response === undefined ? undefined : spec.lineOf(`${response.pointer}/content`);
    const schema =
      response === undefined ? undefined : `${response.pointer}/content/${pointerSegment(media)}/schema`;
    const stillValid =
      schema === undefined || spec.at(schema) === undefined || spec.validator(schema)(value)
        ? []
        : [
            "# The redacted body does not validate against the schema where a replacement changed a value's",
            "# form: adjust those values before pasting.",
          ];
    const request = operation === undefined ? exchange.method : `${operation.method} ${operation.template}`;
    const text = [
      `# sessiontrail verify ${vendor}: response ${exchange.number}, ${request}, ${exchange.status} ${media}, ${date}.`,
      "# Keys, emails, user ids, IP addresses and every --redact value are replaced; read it before pasting.",
      `# Paste under ${target}`,
      `# in ${spec.file}${line === undefined ? "" : ` (near line ${line})`}, or under #/components/examples with a $ref.`,
      "# Then `UPDATE_GOLDEN=1 pnpm test:unit` writes its golden file: the change becomes a test.",
      ...stillValid,
      stringify(
        {
          [name]: {
            summary: `Recorded from ${vendor} on ${date} by sessiontrail verify (redacted)`,
            value,
          },
        },
        { lineWidth: 0 },
      ),
    ].join("\n");
    const file = join(
      dir,
      `${vendor}-${operation?.operationId ?? exchange.method}-${exchange.status}-${exchange.number}.yaml`,
    );
    // Masked once more as a whole: a header value quoted in the comments could carry a key.
    writeFileSync(file, redactSecrets(text));
    return file;
  });
}

function jsonOrText(body: string | undefined): unknown {
  if (body === undefined || body === "") return null;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
