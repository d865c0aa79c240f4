// The schema half of the classifier: two schemas at the same place of an operation (a body, a
// parameter, a response header), compared keyword by keyword and property by property, through
// $ref, allOf, oneOf/anyOf and array items. Which changes are reported, and at what level, is the
// catalogue's business (checks.ts): this file names each change by its place and kind (`request-body`
// or `response-property`, plus `max-decreased`), and a change with no check at that place, such as a
// tighter maximum in a response, is not reported, as in oasdiff.
import { resolvePointer } from "../spec-examples.ts";
import { checkById } from "./checks.ts";
import type { Report } from "./report.ts";

// biome-ignore lint/suspicious/noExplicitAny: parsed OpenAPI documents are untyped JSON.
type Json = any;

export type Direction = "request" | "response";

/** Where a schema sits in an operation. */
export interface SchemaSite {
  operation: string;
  direction: Direction;
  kind: "body" | "parameter" | "header";
  /** The start of every reported path here: `body`, `200`, `query limit`, `200 header X-Rate-Limit`. */
  at: string;
  /** The place in words: `the request body`, `the 200 response`, `the query parameter limit`. */
  label: string;
}

/** A schema with allOf merged and a null-only oneOf/anyOf branch taken out as `nullable`. */
interface SchemaView {
  schema: Json;
  /** null is allowed explicitly (a "null" type, `nullable: true`, a `{type: "null"}` branch). */
  nullable: boolean;
  /** The non-null types, sorted; empty when no type is constrained. */
  types: string[];
  /** Some type constraint exists (a type keyword, a list of types, or properties). */
  typed: boolean;
  /** The types come from a oneOf/anyOf whose branches are single-type schemas. */
  listOfTypes: boolean;
}

// A backstop: the pair guard in compare() ends every $ref cycle, this ends anything it could miss.
const MAX_DEPTH = 64;

const NUMERIC_FORMAT_WIDENINGS = new Set(["float>double", "int32>int64", "int32>bigint", "int64>bigint"]);

/** Follows local `$ref`s (a chain of them too). Keywords beside a `$ref` other than docs override the target's. */
export function resolve(doc: Json, node: Json): Json {
  if (typeof node?.$ref !== "string") return node;
  if (!node.$ref.startsWith("#")) throw new Error(`only local $refs are supported: ${node.$ref}`);
  const target = resolvePointer(doc, node.$ref.slice(1)).node;
  const { $ref: _ref, description: _d, summary: _s, ...siblings } = node;
  return Object.keys(siblings).length === 0 ? target : { ...target, ...siblings };
}

/** The node of the document a schema is: the target of its $ref (chain), else itself. */
const identity = (doc: Json, node: Json): object =>
  typeof node?.$ref === "string" ? resolvePointer(doc, node.$ref.slice(1)).node : node;

const isObject = (x: unknown): x is Record<string, Json> =>
  typeof x === "object" && x !== null && !Array.isArray(x);
const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
const show = (x: unknown) => `\`${typeof x === "string" ? x : JSON.stringify(x)}\``;
const escapeKey = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

function isNullSchema(schema: Json): boolean {
  if (!isObject(schema)) return false;
  const type = Array.isArray(schema.type) && schema.type.length === 1 ? schema.type[0] : schema.type;
  const rest = Object.keys(schema).filter((k) => !["type", "description", "title", "$comment"].includes(k));
  return type === "null" && rest.length === 0;
}

/**
 * Merges `allOf` members into the schema (properties and required lists united, other keywords
 * taken from the first that sets them), so that `allOf: [$ref]` and the bare `$ref` compare equal.
 */
function flattenAllOf(doc: Json, schema: Json, depth = 0): Json {
  if (!Array.isArray(schema?.allOf) || depth > 16) return schema;
  const { allOf, ...rest } = schema;
  const out: Json = { ...rest };
  for (const raw of allOf as Json[]) {
    const member = flattenAllOf(doc, resolve(doc, raw) ?? {}, depth + 1);
    if (!isObject(member)) continue;
    for (const [key, value] of Object.entries<Json>(member)) {
      if (key === "properties") out.properties = { ...value, ...(out.properties ?? {}) };
      else if (key === "required") out.required = [...new Set([...(out.required ?? []), ...value])];
      else if (!(key in out)) out[key] = value;
    }
  }
  return out;
}

/** The single type of a oneOf/anyOf branch that is nothing but a type (and its items), else undefined. */
function singleType(doc: Json, raw: Json): string | undefined {
  const branch = flattenAllOf(doc, resolve(doc, raw));
  if (!isObject(branch) || branch.properties || branch.oneOf || branch.anyOf) return undefined;
  const types = (Array.isArray(branch.type) ? branch.type : [branch.type]).filter(
    (t: unknown) => t !== "null",
  );
  return types.length === 1 && typeof types[0] === "string" ? types[0] : undefined;
}

function view(doc: Json, node: Json): SchemaView {
  let schema = flattenAllOf(doc, node);
  let nullable = false;
  for (const keyword of ["oneOf", "anyOf"] as const) {
    const branches: Json[] | undefined = schema[keyword];
    if (!Array.isArray(branches) || !branches.some((b) => isNullSchema(resolve(doc, b)))) continue;
    nullable = true;
    const rest = branches.filter((b) => !isNullSchema(resolve(doc, b)));
    const { [keyword]: _gone, ...siblings } = schema;
    const shaped = ["type", "properties", "items", "oneOf", "anyOf"].some((k) => k in siblings);
    // `oneOf: [X, {type: "null"}]` is X made nullable, the form a $ref'd schema needs: compare it as X.
    schema =
      rest.length === 1 && !shaped
        ? { ...flattenAllOf(doc, resolve(doc, rest[0])), ...siblings }
        : { ...siblings, ...(rest.length > 0 ? { [keyword]: rest } : {}) };
  }
  const declared: string[] =
    schema.type === undefined ? [] : (Array.isArray(schema.type) ? schema.type : [schema.type]).map(String);
  nullable ||= declared.includes("null") || schema.nullable === true;
  let types = declared.filter((t) => t !== "null");
  let typed = schema.type !== undefined;
  let listOfTypes = false;
  if (!typed) {
    for (const keyword of ["oneOf", "anyOf"] as const) {
      const branches: Json[] | undefined = schema[keyword];
      if (!Array.isArray(branches) || branches.length === 0) continue;
      const single = branches.map((b) => singleType(doc, b));
      if (single.every((t) => t !== undefined)) {
        types = [...new Set(single as string[])];
        typed = true;
        listOfTypes = true;
        break;
      }
    }
  }
  if (!typed && isObject(schema.properties)) {
    types = ["object"];
    typed = true;
  }
  return { schema, nullable, types: [...types].sort(), typed, listOfTypes };
}

/** Whether type `t` is within the types `to` (integer is a number; on text, anything is a string). */
const covered = (t: string, to: string[], strong: boolean) =>
  to.some((u) => u === t || (t === "integer" && u === "number") || (!strong && u === "string"));

/** Whether a value valid for the types `from` can fail the types `to`. */
function typesBreak(from: string[], to: string[], strong: boolean): boolean {
  if (same(from, to) || to.length === 0) return false;
  if (from.length === 0) return true;
  return !from.every((t) => covered(t, to, strong));
}

/** Whether a value valid for the format `from` can fail the format `to`. */
function formatBreaks(from: string | undefined, to: string | undefined): boolean {
  if (from === to || to === undefined) return false;
  if (from === undefined) return true;
  return !NUMERIC_FORMAT_WIDENINGS.has(`${from}>${to}`);
}

const typeText = (v: SchemaView) =>
  `${v.types.length > 0 ? v.types.join("|") : "any"}${v.schema.format ? `/${v.schema.format}` : ""}`;

/** A oneOf/anyOf branch's name in a path: its schema's name when it is a $ref, else its index. */
const branchLabel = (raw: Json, i: number) =>
  typeof raw?.$ref === "string" ? (raw.$ref.split("/").pop() as string) : String(i);

const BOUNDS = [
  { keyword: "maximum", name: "max", upper: true },
  { keyword: "exclusiveMaximum", name: "exclusive-max", upper: true },
  { keyword: "minimum", name: "min", upper: false },
  { keyword: "exclusiveMinimum", name: "exclusive-min", upper: false },
  { keyword: "maxLength", name: "max-length", upper: true },
  { keyword: "minLength", name: "min-length", upper: false },
  { keyword: "maxItems", name: "max-items", upper: true },
  { keyword: "minItems", name: "min-items", upper: false },
] as const;

export class SchemaDiffer {
  readonly #before: Json;
  readonly #after: Json;
  readonly #report: Report;
  /** The (old, new) schema pairs being compared on the current branch: a recursive schema ends here. */
  readonly #open = new WeakMap<object, Set<object>>();

  constructor(before: Json, after: Json, report: Report) {
    this.#before = before;
    this.#after = after;
    this.#report = report;
  }

  /** Compares the schema `rawA` of the old spec with `rawB` of the new one, at `pointer` under `site`. */
  compare(site: SchemaSite, rawA: Json, rawB: Json, pointer = "", depth = 0): void {
    if (rawA === undefined || rawB === undefined || depth > MAX_DEPTH) return;
    const a = resolve(this.#before, rawA);
    const b = resolve(this.#after, rawB);
    if (!isObject(a) || !isObject(b)) return;
    // A pair is known by the nodes of the documents themselves (a $ref's target, not a copy with
    // the $ref's sibling keywords merged in), so that coming back to it is seen.
    const [ka, kb] = [identity(this.#before, rawA), identity(this.#after, rawB)];
    let open = this.#open.get(ka);
    if (open?.has(kb)) return;
    if (!open) {
      open = new Set();
      this.#open.set(ka, open);
    }
    open.add(kb);
    try {
      this.#compareViews(site, rawA, rawB, view(this.#before, a), view(this.#after, b), pointer, depth);
    } finally {
      open.delete(kb);
    }
  }

  /**
   * Reports a change of kind `suffixes[0]` (or the first of the others that has a check here) at
   * `pointer`: `max-decreased` at the root of a request body is `request-body-max-decreased`, and
   * falls back to `request-property-max-decreased` where oasdiff has no body check.
   */
  #emit(site: SchemaSite, pointer: string, suffixes: string | string[], message: string): void {
    const prefix =
      site.kind === "parameter"
        ? ["request-parameter"]
        : site.kind === "header"
          ? ["response-header"]
          : pointer === ""
            ? [`${site.direction}-body`, `${site.direction}-property`]
            : [`${site.direction}-property`];
    for (const suffix of Array.isArray(suffixes) ? suffixes : [suffixes]) {
      const id = prefix.map((p) => `${p}-${suffix}`).find((candidate) => checkById(candidate));
      if (id) {
        this.#report.add(id, site.operation, pointer ? `${site.at} ${pointer}` : site.at, message);
        return;
      }
    }
  }

  #compareViews(
    site: SchemaSite,
    rawA: Json,
    rawB: Json,
    a: SchemaView,
    b: SchemaView,
    pointer: string,
    depth: number,
  ): void {
    const subject = pointer === "" ? site.label : `${pointer} in ${site.label}`;
    const emit = (suffixes: string | string[], message: string) =>
      this.#emit(site, pointer, suffixes, message);
    if (this.#wrapped(site, rawA, rawB, a, b, pointer, depth)) return;

    this.#types(site, a, b, subject, emit);
    if (a.typed && b.typed && a.nullable !== b.nullable) {
      emit(
        b.nullable ? "became-nullable" : "became-not-nullable",
        `${subject} ${b.nullable ? "became" : "is no longer"} nullable`,
      );
    }
    if (site.kind === "header") return;

    this.#values(site, a.schema, b.schema, pointer, subject, emit);
    this.#bounds(a.schema, b.schema, subject, emit);
    const [pa, pb] = [a.schema.pattern, b.schema.pattern];
    if (pa !== pb) {
      if (pb === undefined) emit("pattern-removed", `removed the pattern ${show(pa)} of ${subject}`);
      else if (pa === undefined) emit("pattern-added", `added the pattern ${show(pb)} to ${subject}`);
      else if (pb === ".*")
        emit(["pattern-generalized", "pattern-changed"], `changed the pattern of ${subject} to \`.*\``);
      else emit("pattern-changed", `changed the pattern of ${subject} from ${show(pa)} to ${show(pb)}`);
    }
    if (
      site.kind === "body" &&
      pointer !== "" &&
      Boolean(a.schema.deprecated) !== Boolean(b.schema.deprecated)
    ) {
      emit(
        b.schema.deprecated ? "deprecated" : "reactivated",
        `${subject} ${b.schema.deprecated ? "was deprecated" : "is no longer deprecated"}`,
      );
    }

    if (isObject(a.schema.items) && isObject(b.schema.items)) {
      this.compare(site, a.schema.items, b.schema.items, `${pointer}/items`, depth + 1);
    }
    // Parameters and headers are compared as values: their object properties are not walked.
    if (site.kind !== "body") return;
    this.#additionalProperties(site, a.schema, b.schema, pointer, subject, depth, emit);
    this.#properties(site, a.schema, b.schema, pointer, depth);
    this.#variants(site, a, b, pointer, subject, depth, emit);
  }

  /**
   * A schema moved into a oneOf/anyOf beside new variants, or taken out of one beside others: one
   * change, then the schema compared with its branch (found by $ref, else by equal content).
   */
  #wrapped(
    site: SchemaSite,
    rawA: Json,
    rawB: Json,
    a: SchemaView,
    b: SchemaView,
    pointer: string,
    depth: number,
  ): boolean {
    if (site.kind !== "body" || a.listOfTypes || b.listOfTypes) return false;
    const subject = pointer === "" ? site.label : `${pointer} in ${site.label}`;
    const branchOf = (raw: Json, rawDoc: Json, list: Json[], listDoc: Json) => {
      const byRef = list.findIndex((branch) => typeof raw?.$ref === "string" && raw.$ref === branch?.$ref);
      return byRef >= 0
        ? byRef
        : list.findIndex((branch) => same(resolve(rawDoc, raw), resolve(listDoc, branch)));
    };
    const variants = (v: SchemaView) => Boolean(v.schema.oneOf || v.schema.anyOf);
    for (const keyword of ["oneOf", "anyOf"] as const) {
      const word = keyword === "oneOf" ? "one-of" : "any-of";
      const listA: Json[] = a.schema[keyword] ?? [];
      const listB: Json[] = b.schema[keyword] ?? [];
      if (!variants(a) && listB.length >= 2) {
        const kept = branchOf(rawA, this.#before, listB, this.#after);
        if (kept < 0) continue;
        const others = listB.filter((_, i) => i !== kept).map(branchLabel);
        this.#emit(
          site,
          pointer,
          keyword === "oneOf" ? ["wrapped-in-one-of", `${word}-added`] : `${word}-added`,
          `${subject} became one ${keyword} variant beside ${others.join(", ")}`,
        );
        const label = branchLabel(listB[kept], kept);
        this.compare(site, rawA, listB[kept], `${pointer}/${keyword}[${label}]`, depth + 1);
        return true;
      }
      if (!variants(b) && listA.length >= 2) {
        const kept = branchOf(rawB, this.#after, listA, this.#before);
        if (kept < 0) continue;
        const others = listA.filter((_, i) => i !== kept).map(branchLabel);
        this.#emit(
          site,
          pointer,
          `${word}-removed`,
          `${subject} is no longer a ${keyword} of ${others.join(", ")}`,
        );
        this.compare(site, listA[kept], rawB, pointer, depth + 1);
        return true;
      }
    }
    return false;
  }

  #types(
    site: SchemaSite,
    a: SchemaView,
    b: SchemaView,
    subject: string,
    emit: (s: string | string[], m: string) => void,
  ): void {
    if (a.listOfTypes || b.listOfTypes) {
      if (!a.typed || !b.typed) return;
      const added = b.types.filter((t) => !a.types.includes(t));
      const removed = a.types.filter((t) => !b.types.includes(t));
      if (added.length === 0 && removed.length === 0) return;
      const narrowed = site.direction === "request" ? removed.length > 0 : added.length === 0;
      const which = narrowed ? removed : added;
      emit(
        narrowed ? "list-of-types-narrowed" : "list-of-types-widened",
        `${narrowed ? "removed" : "added"} the type(s) ${which.join(", ")} ${narrowed ? "from" : "to"} the list of types of ${subject}`,
      );
      return;
    }
    const typeChanged = !same(a.types, b.types);
    const [fa, fb] = [a.schema.format as string | undefined, b.schema.format as string | undefined];
    if (!typeChanged && fa === fb) return;
    const dimension = typeChanged && fa !== fb ? "type/format" : typeChanged ? "type" : "format";
    const message = `the ${dimension} of ${subject} changed from \`${typeText(a)}\` to \`${typeText(b)}\``;
    const strong = site.kind === "body";
    if (site.direction === "request") {
      const breaks = (typeChanged && typesBreak(a.types, b.types, strong)) || formatBreaks(fa, fb);
      emit(breaks ? "type-changed" : "type-generalized", message);
      return;
    }
    // A response breaks its reader when a value the new spec allows fails the old one.
    const breaks = (typeChanged && typesBreak(b.types, a.types, strong)) || formatBreaks(fb, fa);
    if (breaks) {
      const widened =
        (a.types.length > 0 && !typesBreak(a.types, b.types, strong)) ||
        (fa !== undefined && fb === undefined);
      emit(widened ? "type-generalized" : "type-changed", message);
    } else if (typeChanged && typesBreak(b.types, a.types, true)) {
      emit(["type-compatible", "type-specialized"], message);
    } else emit("type-specialized", message);
  }

  /** enum, const and default. */
  #values(
    site: SchemaSite,
    a: Json,
    b: Json,
    pointer: string,
    subject: string,
    emit: (s: string | string[], m: string) => void,
  ): void {
    const enumOf = (s: Json): unknown[] | undefined =>
      Array.isArray(s.enum) ? s.enum.filter((v: unknown) => v !== null) : undefined;
    const [ea, eb] = [enumOf(a), enumOf(b)];
    if (!ea && eb)
      emit("became-enum", `${subject} was restricted to the enum values ${eb.map(show).join(", ")}`);
    if (ea && !eb) emit("enum-removed", `the enum of ${subject} (${ea.map(show).join(", ")}) was removed`);
    if (ea && eb) {
      for (const value of ea.filter((v) => !eb.some((w) => same(v, w)))) {
        const message = `removed the enum value ${show(value)} of ${subject}`;
        if (site.direction === "response" && site.kind === "body" && pointer === "") {
          this.#report.add("response-mediatype-enum-value-removed", site.operation, site.at, message);
        } else emit("enum-value-removed", message);
      }
      for (const value of eb.filter((v) => !ea.some((w) => same(v, w)))) {
        emit("enum-value-added", `added the enum value ${show(value)} to ${subject}`);
      }
    }
    for (const keyword of ["const", "default"] as const) {
      const [va, vb] = [a[keyword], b[keyword]];
      if (same(va, vb)) continue;
      const kind = keyword === "const" ? "const" : "default-value";
      if (va === undefined) emit(`${kind}-added`, `added the ${keyword} value ${show(vb)} to ${subject}`);
      else if (vb === undefined)
        emit(`${kind}-removed`, `removed the ${keyword} value ${show(va)} of ${subject}`);
      else
        emit(`${kind}-changed`, `changed the ${keyword} value of ${subject} from ${show(va)} to ${show(vb)}`);
    }
  }

  /**
   * Numeric, length and item-count bounds. A bound set where there was none is `-set` where
   * oasdiff has that check, else a move from the keyword's default (0 for minLength and minItems,
   * none for the rest); a bound removed is `-unset` where that check exists, else a move to none.
   */
  #bounds(a: Json, b: Json, subject: string, emit: (s: string | string[], m: string) => void): void {
    for (const { keyword, name, upper } of BOUNDS) {
      const [x, y] = [a[keyword], b[keyword]];
      if (x === y || (typeof x !== "number" && typeof y !== "number")) continue;
      const from = typeof x === "number" ? x : undefined;
      const to = typeof y === "number" ? y : undefined;
      const raise = `${name}-increased`;
      const lower = `${name}-decreased`;
      const message = `the ${keyword} of ${subject} changed from ${from ?? "none"} to ${to ?? "none"}`;
      if (from === undefined) emit([`${name}-set`, upper ? lower : raise], message);
      else if (to === undefined) emit([`${name}-unset`, upper ? raise : lower], message);
      else emit(to > from ? raise : lower, message);
    }
  }

  #additionalProperties(
    site: SchemaSite,
    a: Json,
    b: Json,
    pointer: string,
    subject: string,
    depth: number,
    emit: (s: string | string[], m: string) => void,
  ): void {
    // true, {} and no keyword all allow any extra property; false allows none; a schema allows some.
    const kind = (s: Json): "none" | "schema" | "any" =>
      s.additionalProperties === false
        ? "none"
        : isObject(s.additionalProperties) && Object.keys(s.additionalProperties).length > 0
          ? "schema"
          : "any";
    const [ka, kb] = [kind(a), kind(b)];
    if (ka === "schema" && kb === "schema") {
      this.compare(
        site,
        a.additionalProperties,
        b.additionalProperties,
        `${pointer}/additionalProperties`,
        depth + 1,
      );
      return;
    }
    if (ka === kb) return;
    const rank = { none: 0, schema: 1, any: 2 } as const;
    const text = (k: string, s: Json) =>
      k === "schema" ? "a schema" : String(s.additionalProperties ?? "absent (any)");
    emit(
      rank[kb] > rank[ka] ? "additional-properties-relaxed" : "additional-properties-restricted",
      `additionalProperties of ${subject} changed from ${text(ka, a)} to ${text(kb, b)}`,
    );
  }

  #properties(site: SchemaSite, a: Json, b: Json, pointer: string, depth: number): void {
    const propsA: Record<string, Json> = isObject(a.properties) ? a.properties : {};
    const propsB: Record<string, Json> = isObject(b.properties) ? b.properties : {};
    const reqA = new Set<string>(Array.isArray(a.required) ? a.required : []);
    const reqB = new Set<string>(Array.isArray(b.required) ? b.required : []);
    const request = site.direction === "request";
    const add = (id: string, path: string, message: string) =>
      this.#report.add(id, site.operation, `${site.at} ${path}`, message);
    for (const key of Object.keys(propsA)) {
      const path = `${pointer}/${escapeKey(key)}`;
      const required = reqA.has(key);
      if (!(key in propsB)) {
        const message = `removed the ${required ? "required" : "optional"} property ${path} from ${site.label}`;
        if (request) add("request-property-removed", path, message);
        else
          add(
            required ? "response-required-property-removed" : "response-optional-property-removed",
            path,
            message,
          );
        continue;
      }
      const hasDefault = resolve(this.#after, propsB[key])?.default !== undefined;
      if (!required && reqB.has(key)) {
        const id = request
          ? hasDefault
            ? "request-property-became-required-with-default"
            : "request-property-became-required"
          : "response-property-became-required";
        add(id, path, `the property ${path} of ${site.label} became required`);
      }
      if (required && !reqB.has(key)) {
        add(
          request ? "request-property-became-optional" : "response-property-became-optional",
          path,
          `the property ${path} of ${site.label} became optional`,
        );
      }
      this.compare(site, propsA[key], propsB[key], path, depth + 1);
    }
    for (const key of Object.keys(propsB)) {
      if (key in propsA) continue;
      const path = `${pointer}/${escapeKey(key)}`;
      const required = reqB.has(key);
      const hasDefault = resolve(this.#after, propsB[key])?.default !== undefined;
      const id = request
        ? required
          ? hasDefault
            ? "new-required-request-property-with-default"
            : "new-required-request-property"
          : "new-optional-request-property"
        : required
          ? "response-required-property-added"
          : "response-optional-property-added";
      add(id, path, `added the ${required ? "required" : "optional"} property ${path} to ${site.label}`);
    }
  }

  /** oneOf/anyOf variants: matched by $ref, then by equal content, then inline ones in order. */
  #variants(
    site: SchemaSite,
    a: SchemaView,
    b: SchemaView,
    pointer: string,
    subject: string,
    depth: number,
    emit: (s: string | string[], m: string) => void,
  ): void {
    for (const keyword of ["oneOf", "anyOf"] as const) {
      const listA: Json[] = Array.isArray(a.schema[keyword]) ? a.schema[keyword] : [];
      const listB: Json[] = Array.isArray(b.schema[keyword]) ? b.schema[keyword] : [];
      if (listA.length === 0 && listB.length === 0) continue;
      if (a.listOfTypes || b.listOfTypes) {
        // The list of types was compared as types; what is inside each type (array items) still counts.
        for (const branchB of listB) {
          const type = singleType(this.#after, branchB);
          const branchA = listA.find((x) => type !== undefined && singleType(this.#before, x) === type);
          if (branchA) this.compare(site, branchA, branchB, `${pointer}/${keyword}[${type}]`, depth + 1);
        }
        continue;
      }
      const pairs: [number, number][] = [];
      const freeA = new Set(listA.keys());
      const freeB = new Set(listB.keys());
      const pair = (test: (x: Json, y: Json) => boolean) => {
        for (const i of freeA) {
          for (const j of freeB) {
            if (!test(listA[i], listB[j])) continue;
            pairs.push([i, j]);
            freeA.delete(i);
            freeB.delete(j);
            break;
          }
        }
      };
      pair((x, y) => typeof x?.$ref === "string" && x.$ref === y?.$ref);
      pair((x, y) => same(x, y));
      pair((x, y) => typeof x?.$ref !== "string" && typeof y?.$ref !== "string");
      const word = keyword === "oneOf" ? "one-of" : "any-of";
      if (freeB.size > 0) {
        const names = [...freeB].map((j) => branchLabel(listB[j], j));
        emit(`${word}-added`, `added ${names.join(", ")} to the ${keyword} of ${subject}`);
      }
      if (freeA.size > 0) {
        const names = [...freeA].map((i) => branchLabel(listA[i], i));
        emit(`${word}-removed`, `removed ${names.join(", ")} from the ${keyword} of ${subject}`);
      }
      for (const [i, j] of pairs) {
        this.compare(
          site,
          listA[i],
          listB[j],
          `${pointer}/${keyword}[${branchLabel(listB[j], j)}]`,
          depth + 1,
        );
      }
    }
  }
}
