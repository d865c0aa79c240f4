// How `sessiontrail verify` compares one real response with the spec: the operation is known, the
// status documented, the content type one the spec lists, the body valid against the response schema
// (ajv), the documented headers there and valid, and every event readable by the vendor's
// normalizer. Each difference says where in the body, what the spec says, what came back, and which
// spec location to edit.
import type { AnyVendorDescriptor, NormalizeWarning } from "@sessiontrail/core";
import type { ErrorObject } from "ajv/dist/2020.js";
import type { Exchange } from "./record.ts";
import type { Redactor } from "./redact.ts";
import { pointerSegment, type SpecOperation, type VendorSpec } from "./spec.ts";

export type DifferenceKind =
  | "operation"
  | "status"
  | "content-type"
  | "body"
  | "schema"
  | "header"
  | "normalizer"
  | "client";

/** One way a real response differs from the spec (or from what the normalizer can read). */
export interface Difference {
  kind: DifferenceKind;
  /** The spec's operationId, or `METHOD /path` of a request no operation matches. */
  operation: string;
  /** `GET /v1/sessions/{sessionId}/events`: the template, never the ids the request carried. */
  request: string;
  status: number;
  /** Which response of the run (1-based, retries counted). */
  response: number;
  /** JSON pointer into the body (`/events/3/event_time`); `""` is the whole body. */
  pointer?: string;
  /** The response header concerned. */
  header?: string;
  /** What the spec says, e.g. `type integer`, `required`, `one of "rum"`. */
  expected: string;
  /** What came back, shortened, secrets and personal data replaced. */
  actual: string;
  /** More that a maintainer should know, e.g. `renamed? the object has event_timestamp, undeclared`. */
  note?: string;
  /** The place to edit: `specs/fullstory/openapi.yaml`, its JSON pointer and line, or a source file. */
  edit: { file: string; pointer?: string; line?: number };
  /** The same difference at further places (more events of one page, say). */
  also?: string[];
}

/** A documented header the response did not send, where the spec does not require it. */
export interface Note {
  operation: string;
  status: number;
  text: string;
}

/** What came back, for a difference line: JSON, cut, never a key or personal value. */
export function shown(value: unknown, redactor: Redactor, pointer = ""): string {
  if (value === undefined) return "nothing";
  const path = pointer
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const text = JSON.stringify(redactor.redact(value, path)) ?? String(value);
  const chars = [...text];
  return chars.length <= 60 ? text : `${chars.slice(0, 57).join("")}…`;
}

const typeName = (value: unknown) =>
  value === null ? "null" : Array.isArray(value) ? "array" : typeof value;

/** `a, b or c`. */
const either = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;

const mediaType = (header: string | null) => (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";

/** Whether a response's media type is one the spec lists (`application/*` and `*\/*` included). */
function mediaMatches(documented: string, actual: string): boolean {
  const [type, subtype] = documented.toLowerCase().split("/");
  const [actualType, actualSubtype] = actual.split("/");
  return (type === "*" || type === actualType) && (subtype === "*" || subtype === actualSubtype);
}

const isJsonMedia = (media: string) => /^application\/(?:[\w.-]+\+)?json$/.test(media);

/** Everything that tells one exchange apart in a difference. */
interface Context {
  spec: VendorSpec;
  redactor: Redactor;
  exchange: Exchange;
  operation: string;
  request: string;
}

function difference(
  context: Context,
  fields: Omit<Difference, "operation" | "request" | "status" | "response" | "edit"> & {
    edit: string | Difference["edit"];
  },
): Difference {
  const { edit, ...rest } = fields;
  const place =
    typeof edit === "string"
      ? { file: context.spec.file, pointer: edit, ...lineOf(context.spec, edit) }
      : edit;
  return {
    ...rest,
    operation: context.operation,
    request: context.request,
    status: context.exchange.status,
    response: context.exchange.number,
    edit: place,
  };
}

function lineOf(spec: VendorSpec, pointer: string): { line?: number } {
  const line = spec.lineOf(pointer);
  return line === undefined ? {} : { line };
}

/** One ajv error as a difference; `anyOf`/`oneOf` alternatives are merged by `schemaDifferences`. */
function fromAjv(context: Context, error: ErrorObject, body: unknown): Difference {
  const { spec, redactor } = context;
  const params = error.params as Record<string, unknown>;
  const where = spec.pointerOf(error.parentSchema) ?? "#";
  let pointer = error.instancePath;
  let expected: string;
  let actual = shown(error.data, redactor, pointer);
  let note: string | undefined;
  let edit = `${where}/${error.keyword}`;
  switch (error.keyword) {
    case "type":
      expected = `type ${[params.type].flat().join(" or ")}`;
      actual = `${actual} (${typeName(error.data)})`;
      edit = where;
      break;
    case "required": {
      const missing = String(params.missingProperty);
      pointer = `${pointer}/${pointerSegment(missing)}`;
      expected = "required";
      actual = "nothing";
      note = renamedNote(error, missing);
      break;
    }
    case "additionalProperties":
    case "unevaluatedProperties": {
      const extra = String(params.additionalProperty ?? params.unevaluatedProperty);
      pointer = `${pointer}/${pointerSegment(extra)}`;
      expected = `no property ${JSON.stringify(extra)} (${error.keyword}: false)`;
      actual = shown(valueAt(body, pointer), redactor, pointer);
      break;
    }
    case "enum":
      expected = `one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
      break;
    case "const":
      expected = JSON.stringify(params.allowedValue);
      break;
    case "format":
      expected = `format ${String(params.format)}`;
      break;
    case "pattern":
      expected = `pattern ${String(params.pattern)}`;
      break;
    default:
      expected =
        typeof params.comparison === "string"
          ? `${params.comparison} ${String(params.limit)}`
          : params.limit !== undefined
            ? `${error.keyword} ${String(params.limit)}`
            : (error.message ?? error.keyword);
  }
  if (expected.length > 120) expected = `${expected.slice(0, 119)}…`;
  return difference(context, { kind: "schema", pointer, expected, actual, ...(note ? { note } : {}), edit });
}

/**
 * For a missing required property: the object's properties its schema does not declare (a rename),
 * or the missing property found one level down (an envelope such as `{ "data": { ... } }`).
 */
function renamedNote(error: ErrorObject, missing: string): string | undefined {
  const object = error.data as Record<string, unknown> | null;
  const declared = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  if (object === null || typeof object !== "object" || Array.isArray(object)) return undefined;
  const undeclared = Object.keys(object).filter((k) => declared === undefined || !(k in declared));
  const wrapper = undeclared.find((k) => {
    const inner = object[k];
    return inner !== null && typeof inner === "object" && missing in inner;
  });
  if (wrapper !== undefined) {
    return `found at ${error.instancePath}/${pointerSegment(wrapper)}/${pointerSegment(missing)}: an envelope was added?`;
  }
  if (undeclared.length === 0) return undefined;
  const names = undeclared.slice(0, 3).map((k) => JSON.stringify(k));
  return `renamed? the object has ${either(names)}${undeclared.length > 3 ? ` and ${undeclared.length - 3} more` : ""}, which the spec does not declare`;
}

function valueAt(body: unknown, pointer: string): unknown {
  return pointer
    .split("/")
    .slice(1)
    .reduce<unknown>(
      (node, segment) =>
        node !== null && typeof node === "object"
          ? (node as Record<string, unknown>)[segment.replace(/~1/g, "/").replace(/~0/g, "~")]
          : undefined,
      body,
    );
}

const COMPOSITE = new Set(["anyOf", "oneOf"]);

/**
 * ajv's errors as differences. An `anyOf`/`oneOf` that no alternative matched: when some alternative
 * failed deeper in the value, those deeper errors say what is wrong and the alternatives that failed
 * at the value itself are left out; otherwise the alternatives become one difference (`type string or
 * type null`).
 */
function schemaDifferences(context: Context, errors: readonly ErrorObject[], body: unknown): Difference[] {
  const dropped = new Set<ErrorObject>();
  const merged = new Map<ErrorObject, string>();
  for (const [i, error] of errors.entries()) {
    if (!COMPOSITE.has(error.keyword)) continue;
    const at = error.instancePath;
    const before = errors.slice(0, i).filter((e) => !dropped.has(e) && !COMPOSITE.has(e.keyword));
    const here = before.filter((e) => e.instancePath === at);
    const deeper = errors.some((e) => e.instancePath.startsWith(`${at}/`));
    for (const e of here) dropped.add(e);
    if (deeper) dropped.add(error);
    else merged.set(error, either(here.map((e) => fromAjv(context, e, body).expected)));
  }
  return errors
    .filter((e) => !dropped.has(e))
    .map((e) => {
      const found = fromAjv(context, e, body);
      const alternatives = merged.get(e);
      return alternatives ? { ...found, expected: alternatives || found.expected } : found;
    });
}

/** Differences of one exchange with the spec, and notes of optional headers the response left out. */
export function checkExchange(
  spec: VendorSpec,
  exchange: Exchange,
  redactor: Redactor,
): { differences: Difference[]; notes: Note[]; operation: SpecOperation | undefined; body: unknown } {
  const operation = spec.operationOf(exchange.method, exchange.url.pathname);
  const context: Context = {
    spec,
    redactor,
    exchange,
    operation: operation?.operationId ?? `${exchange.method} ${exchange.url.pathname}`,
    request: operation ? `${operation.method} ${operation.template}` : exchange.method,
  };
  const differences: Difference[] = [];
  const notes: Note[] = [];
  if (operation === undefined) {
    // The path is not shown: it carries the ids of the request.
    context.operation = exchange.method;
    differences.push(
      difference(context, {
        kind: "operation",
        expected: "an operation of the spec",
        actual: `a ${exchange.method} request no path template matches`,
        edit: "#/paths",
      }),
    );
    return { differences, notes, operation, body: undefined };
  }
  const response = spec.responseOf(operation, exchange.status);
  if (response === undefined) {
    differences.push(
      difference(context, {
        kind: "status",
        expected: `status ${either(spec.statusesOf(operation))}`,
        actual: String(exchange.status),
        edit: `${operation.pointer}/responses`,
      }),
    );
    return { differences, notes, operation, body: undefined };
  }

  for (const [name, written] of Object.entries<unknown>(response.node.headers ?? {})) {
    if (name.toLowerCase() === "content-type") continue;
    const headerPointer = `${response.pointer}/headers/${pointerSegment(name)}`;
    const { node, pointer } = spec.resolve(headerPointer);
    const value = exchange.headers.get(name);
    if (value === null) {
      if (node?.required === true) {
        differences.push(
          difference(context, {
            kind: "header",
            header: name,
            expected: "required",
            actual: "nothing",
            edit: pointer,
          }),
        );
      } else notes.push({ operation: operation.operationId, status: exchange.status, text: name });
      continue;
    }
    if (written === undefined || node?.schema === undefined) continue;
    const validate = spec.validator(`${pointer}/schema`, true);
    if (!validate({ value })) {
      for (const error of validate.errors ?? []) {
        const { pointer: _inWrapper, ...found } = fromAjv(context, { ...error, instancePath: "" }, value);
        differences.push({ ...found, header: name, actual: shown(value, redactor) });
      }
    }
  }

  const content = response.node.content as Record<string, { schema?: unknown }> | undefined;
  const media = mediaType(exchange.headers.get("content-type"));
  const hasBody = exchange.body !== undefined && exchange.body !== "";
  if (content === undefined || Object.keys(content).length === 0) {
    if (hasBody) {
      differences.push(
        difference(context, {
          kind: "content-type",
          expected: "no body",
          actual: `${media || "a body without a content type"} (${exchange.body?.length} bytes)`,
          edit: response.pointer,
        }),
      );
    }
    return { differences, notes, operation, body: undefined };
  }
  const documented = Object.keys(content);
  const chosen =
    documented.find((d) => d.toLowerCase() === media) ?? documented.find((d) => mediaMatches(d, media));
  if (chosen === undefined) {
    differences.push(
      difference(context, {
        kind: "content-type",
        expected: `content type ${either(documented)}`,
        actual: media || "no content type",
        edit: `${response.pointer}/content`,
      }),
    );
    return { differences, notes, operation, body: undefined };
  }
  const body = isJsonMedia(media) ? parsed(exchange) : exchange.body;
  if (exchange.body === undefined) {
    differences.push(
      difference(context, {
        kind: "body",
        pointer: "",
        expected: `a ${chosen} body`,
        actual: "a body that could not be read (the connection ended early)",
        edit: `${response.pointer}/content/${pointerSegment(chosen)}`,
      }),
    );
    return { differences, notes, operation, body: undefined };
  }
  if (body === NOT_JSON) {
    differences.push(
      difference(context, {
        kind: "body",
        pointer: "",
        expected: `JSON (${chosen})`,
        actual: `${shown(exchange.body.slice(0, 200), redactor)} (${exchange.body.length} bytes, not JSON)`,
        edit: `${response.pointer}/content/${pointerSegment(chosen)}`,
      }),
    );
    return { differences, notes, operation, body: undefined };
  }
  if (content[chosen]?.schema !== undefined) {
    const validate = spec.validator(`${response.pointer}/content/${pointerSegment(chosen)}/schema`);
    if (!validate(body)) differences.push(...schemaDifferences(context, validate.errors ?? [], body));
  }
  return { differences, notes, operation, body };
}

/** A body that is not JSON. */
const NOT_JSON = Symbol("not JSON");

function parsed(exchange: Exchange): unknown {
  if (exchange.body === undefined || exchange.body === "") return undefined;
  try {
    return JSON.parse(exchange.body);
  } catch {
    return NOT_JSON;
  }
}

/**
 * The events the vendor's normalizer could not read in one 2xx body, as differences: each skipped
 * event (at its place in the body's event list), or the whole body when the normalizer refuses it.
 */
export function checkNormalizer(
  descriptor: AnyVendorDescriptor,
  query: unknown,
  spec: VendorSpec,
  exchange: Exchange,
  operation: SpecOperation,
  body: unknown,
  redactor: Redactor,
): Difference[] {
  const context: Context = {
    spec,
    redactor,
    exchange,
    operation: operation.operationId,
    request: `${operation.method} ${operation.template}`,
  };
  const edit = { file: `packages/${descriptor.name}/src/normalize.ts` };
  const warnings: NormalizeWarning[] = [];
  let events: number;
  try {
    events = descriptor.normalize(body, query, {
      includeRaw: false,
      onInvalid: "skip",
      onWarning: (warning) => warnings.push(warning),
    }).length;
  } catch (error) {
    return [
      difference(context, {
        kind: "normalizer",
        pointer: "",
        expected: "a body the normalizer reads",
        actual: (error as Error).message.replace(`${descriptor.name}: `, ""),
        edit,
      }),
    ];
  }
  const list = warnings.length === 0 ? undefined : eventList(body, events + warnings.length);
  return warnings.map((warning) =>
    difference(context, {
      kind: "normalizer",
      ...(list === undefined ? {} : { pointer: `${list}/${warning.index}` }),
      expected: "an event the normalizer reads",
      actual: warning.message,
      ...(list === undefined ? { note: `event ${warning.index} of the body's event list` } : {}),
      edit,
    }),
  );
}

/**
 * Where the body's event list is: the array of the body nearest its root that holds as many items as
 * the normalizer saw (events read plus events skipped). Undefined when none does, or several as near.
 */
function eventList(body: unknown, count: number): string | undefined {
  const found: string[] = [];
  const walk = (node: unknown, pointer: string) => {
    if (Array.isArray(node)) {
      if (node.length === count) found.push(pointer);
      node.forEach((item, i) => {
        walk(item, `${pointer}/${i}`);
      });
    } else if (node !== null && typeof node === "object") {
      for (const [key, item] of Object.entries(node)) walk(item, `${pointer}/${pointerSegment(key)}`);
    }
  };
  walk(body, "");
  const depth = (pointer: string) => pointer.split("/").length;
  const nearest = found.filter((p) => depth(p) === Math.min(...found.map(depth)));
  return nearest.length === 1 ? nearest[0] : undefined;
}

/**
 * Differences that are the same change at several places (one field of every event) become one, with
 * the other places in `also`.
 */
export function grouped(differences: readonly Difference[]): Difference[] {
  const groups = new Map<string, Difference>();
  for (const d of differences) {
    // One field of every item of a list (`/events/*/unix_timestamp`) is one change.
    const where = d.pointer?.replace(/\/\d+(?=\/|$)/g, "/*");
    const key = [
      d.kind,
      d.operation,
      d.status,
      d.header,
      where,
      d.expected,
      d.edit.file,
      d.edit.pointer,
    ].join("\u0000");
    const first = groups.get(key);
    if (first === undefined) groups.set(key, { ...d });
    else if (d.pointer !== undefined && d.pointer !== first.pointer && !first.also?.includes(d.pointer)) {
      first.also = [...(first.also ?? []), d.pointer];
    }
  }
  return [...groups.values()];
}
