// Classifies the changes between two versions of an OpenAPI 3.1 spec by what they do to a client:
// BREAKING when code written against the old spec (its generated types, its normalizer) can fail
// against the new one, non-breaking otherwise. Each change is one line, e.g.
//   fullstory: BREAKING removed operation GET /v2/sessions/{session_id}/events
//
// Why not a registry tool: api-smart-diff 1.0.6 installs here and reads OpenAPI 3.1, but it classes a
// changed response field type as non-breaking, a changed security requirement as unclassified, a
// removed server as an annotation, and gives no description for changes under components. oasdiff
// and openapi-changes are Go binaries (their npm packages download them); openapi-diff reads 3.0 only.
//
// The two directions differ. What the client sends (parameters, request bodies) breaks when the new
// spec accepts less: a removed or newly required field, a narrowed enum or type, a tighter limit.
// What the client reads (responses) breaks when the new spec may send more or other: a removed or
// no-longer-required field, a changed type, an enum with new values, a new anyOf/oneOf variant.

import { resolvePointer } from "./spec-examples.ts";

// biome-ignore lint/suspicious/noExplicitAny: parsed OpenAPI documents are untyped JSON.
type Json = any;

export type Severity = "breaking" | "non-breaking";

export interface SpecChange {
  severity: Severity;
  /** One line without the vendor, e.g. `removed operation GET /v1/x`. */
  message: string;
}

type Direction = "request" | "response";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** `fullstory: BREAKING removed operation GET /v2/...` */
export function formatChange(vendor: string, change: SpecChange): string {
  return `${vendor}: ${change.severity === "breaking" ? "BREAKING" : "non-breaking"} ${change.message}`;
}

class Differ {
  readonly changes: SpecChange[] = [];
  readonly #seen = new Set<string>();

  readonly before: Json;
  readonly after: Json;

  constructor(before: Json, after: Json) {
    this.before = before;
    this.after = after;
  }

  add(severity: Severity, message: string): void {
    const key = `${severity}\u0000${message}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.changes.push({ severity, message });
  }

  run(): SpecChange[] {
    this.servers();
    this.operations();
    return this.changes;
  }

  servers(): void {
    const urls = (doc: Json) => new Set<string>((doc.servers ?? []).map((s: { url: string }) => s.url));
    const [a, b] = [urls(this.before), urls(this.after)];
    for (const url of a) if (!b.has(url)) this.add("breaking", `removed server ${url}`);
    for (const url of b) if (!a.has(url)) this.add("non-breaking", `added server ${url}`);
  }

  operations(): void {
    const ops = (doc: Json) => {
      const out = new Map<string, { path: string; method: string; op: Json; item: Json }>();
      for (const [path, rawItem] of Object.entries<Json>(doc.paths ?? {})) {
        const item = resolve(doc, rawItem).node;
        for (const method of METHODS) {
          if (item?.[method])
            out.set(`${method.toUpperCase()} ${path}`, { path, method, op: item[method], item });
        }
      }
      return out;
    };
    const [a, b] = [ops(this.before), ops(this.after)];
    for (const name of a.keys()) if (!b.has(name)) this.add("breaking", `removed operation ${name}`);
    for (const name of b.keys()) if (!a.has(name)) this.add("non-breaking", `added operation ${name}`);
    for (const [name, old] of a) {
      const now = b.get(name);
      if (!now) continue;
      this.security(name, old.op, now.op);
      this.parameters(name, old, now);
      this.requestBody(name, old.op, now.op);
      this.responses(name, old.op, now.op);
    }
  }

  security(name: string, oldOp: Json, newOp: Json): void {
    const describe = (doc: Json, op: Json) => {
      const requirements: Record<string, string[]>[] = op.security ?? doc.security ?? [];
      return requirements
        .map((req) =>
          Object.keys(req)
            .sort()
            .map((scheme) => {
              const s = resolve(doc, doc.components?.securitySchemes?.[scheme]).node;
              if (!s) return `${scheme} (undefined)`;
              const how = [s.type, s.scheme, s.bearerFormat, s.in, s.name].filter(Boolean).join(" ");
              return `${scheme} (${how})`;
            })
            .join(" + "),
        )
        .sort()
        .join(" or ");
    };
    const [a, b] = [describe(this.before, oldOp), describe(this.after, newOp)];
    if (a === b) return;
    if (b === "") this.add("non-breaking", `removed auth of ${name} (was ${a})`);
    else this.add("breaking", `changed auth of ${name}: ${a || "none"} → ${b}`);
  }

  parameters(name: string, old: { op: Json; item: Json }, now: { op: Json; item: Json }): void {
    const params = (doc: Json, item: Json, op: Json) => {
      const out = new Map<string, Json>();
      for (const raw of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
        const p = resolve(doc, raw).node;
        if (!p?.name) continue;
        out.set(`${p.in} parameter ${p.in === "header" ? String(p.name).toLowerCase() : p.name}`, p);
      }
      return out;
    };
    const a = params(this.before, old.item, old.op);
    const b = params(this.after, now.item, now.op);
    for (const [key, p] of a) {
      if (!b.has(key)) this.add("breaking", `removed ${key} (${name})`);
      else {
        const q = b.get(key);
        if (!p.required && q.required) this.add("breaking", `${key} became required (${name})`);
        if (p.required && !q.required) this.add("non-breaking", `${key} became optional (${name})`);
        this.schema(p.schema, q.schema, "request", key, "", name, new Set());
      }
    }
    for (const [key, q] of b) {
      if (a.has(key)) continue;
      if (q.required) this.add("breaking", `new required ${key} (${name})`);
      else this.add("non-breaking", `added optional ${key} (${name})`);
    }
  }

  requestBody(name: string, oldOp: Json, newOp: Json): void {
    const a = resolve(this.before, oldOp.requestBody).node;
    const b = resolve(this.after, newOp.requestBody).node;
    if (!a && !b) return;
    if (a && !b) {
      this.add("breaking", `removed request body (${name})`);
      return;
    }
    if (!a && b) {
      this.add(
        b.required ? "breaking" : "non-breaking",
        `added ${b.required ? "required" : "optional"} request body (${name})`,
      );
      return;
    }
    if (!a.required && b.required) this.add("breaking", `request body became required (${name})`);
    this.content(a.content, b.content, "request", "request body", name);
  }

  responses(name: string, oldOp: Json, newOp: Json): void {
    const a = oldOp.responses ?? {};
    const b = newOp.responses ?? {};
    const success = (status: string) => /^2/.test(status);
    for (const status of Object.keys(a)) {
      if (!(status in b)) {
        this.add(success(status) ? "breaking" : "non-breaking", `removed response ${status} (${name})`);
        continue;
      }
      const ra = resolve(this.before, a[status]).node;
      const rb = resolve(this.after, b[status]).node;
      this.content(ra?.content, rb?.content, "response", `response ${status}`, name);
    }
    for (const status of Object.keys(b)) {
      if (!(status in a)) this.add("non-breaking", `added response ${status} (${name})`);
    }
  }

  content(a: Json, b: Json, dir: Direction, label: string, name: string): void {
    const ta = Object.keys(a ?? {});
    const tb = Object.keys(b ?? {});
    for (const type of ta) {
      if (!tb.includes(type)) {
        // A client may send the types it knows; it must read whatever comes.
        this.add(
          dir === "request" ? "breaking" : "non-breaking",
          `removed media type ${type} from ${label} (${name})`,
        );
      }
    }
    for (const type of tb) {
      if (!ta.includes(type)) {
        this.add(
          dir === "response" ? "breaking" : "non-breaking",
          `added media type ${type} to ${label} (${name})`,
        );
      }
    }
    for (const type of ta) {
      if (tb.includes(type)) this.schema(a[type]?.schema, b[type]?.schema, dir, label, "", name, new Set());
    }
  }

  /**
   * Compares two schemas. `label` names the part of the operation (`response 200`, `request body`,
   * `query parameter limit`), `path` the field inside it (`events[].device_id`, "" for the whole).
   * `seen` holds the pairs of $refs already compared on this branch, so recursive schemas end.
   */
  schema(
    rawA: Json,
    rawB: Json,
    dir: Direction,
    label: string,
    path: string,
    name: string,
    seen: Set<string>,
  ): void {
    if (rawA === undefined || rawB === undefined) return;
    const ra = resolve(this.before, rawA);
    const rb = resolve(this.after, rawB);
    if (ra.pointer && rb.pointer) {
      const pair = `${ra.pointer}|${rb.pointer}`;
      if (seen.has(pair)) return;
      seen = new Set(seen).add(pair);
    }
    const a = flattenAllOf(this.before, ra.node ?? {});
    const b = flattenAllOf(this.after, rb.node ?? {});
    const subject = (p: string) =>
      p === "" ? `${label} (${name})` : `${dir} field ${p} (${name}, ${label})`;
    const at = subject(path);
    const reads = dir === "response";
    // What the client must accept (response) or what the server accepts (request) grew or shrank.
    const grew = (what: string) => this.add(reads ? "breaking" : "non-breaking", `${what} ${at}`);
    const shrank = (what: string) => this.add(reads ? "non-breaking" : "breaking", `${what} ${at}`);

    const typesA = typesOf(a);
    const typesB = typesOf(b);
    if (typesA.size > 0 || typesB.size > 0) {
      const within = (t: string, set: Set<string>) => set.has(t) || (t === "integer" && set.has("number"));
      const removed = [...typesA].filter((t) => !within(t, typesB));
      const added = [...typesB].filter((t) => !within(t, typesA));
      const show = (set: Set<string>) => (set.size === 0 ? "any" : [...set].sort().join("|"));
      const change = `${show(typesA)} → ${show(typesB)}`;
      if (typesB.size === 0) grew(`removed the type (${change}) of`);
      else if (typesA.size === 0) shrank(`restricted the type (${change}) of`);
      else if (removed.length > 0 && added.length > 0) {
        this.add("breaking", `changed type (${change}) of ${at}`);
        return;
      } else if (added.length > 0) grew(`widened type (${change}) of`);
      else if (removed.length > 0) shrank(`narrowed type (${change}) of`);
    }

    const enumOf = (x: Json): unknown[] | undefined =>
      Array.isArray(x.enum) ? x.enum : x.const !== undefined ? [x.const] : undefined;
    const [enumA, enumB] = [enumOf(a), enumOf(b)];
    const show = (vs: unknown[]) =>
      vs
        .slice(0, 6)
        .map((v) => JSON.stringify(v))
        .join(", ") + (vs.length > 6 ? `, … (${vs.length} values)` : "");
    if (enumA && enumB) {
      const has = (vs: unknown[], v: unknown) => vs.some((w) => JSON.stringify(w) === JSON.stringify(v));
      const gone = enumA.filter((v) => !has(enumB, v));
      const fresh = enumB.filter((v) => !has(enumA, v));
      if (gone.length > 0) shrank(`narrowed enum (removed ${show(gone)}) of`);
      if (fresh.length > 0) grew(`widened enum (added ${show(fresh)}) of`);
    } else if (enumA && !enumB) grew(`removed the enum (${show(enumA)}) of`);
    else if (!enumA && enumB) shrank(`restricted to enum ${show(enumB)}:`);

    this.limits(a, b, at, grew, shrank);

    const propsA = a.properties ?? {};
    const propsB = b.properties ?? {};
    const reqA = new Set<string>(a.required ?? []);
    const reqB = new Set<string>(b.required ?? []);
    const child = (key: string) => (path === "" ? key : `${path}.${key}`);
    for (const key of Object.keys(propsA)) {
      if (!(key in propsB)) {
        this.add("breaking", `removed ${subject(child(key))}`);
        continue;
      }
      if (!reqA.has(key) && reqB.has(key)) {
        this.add(reads ? "non-breaking" : "breaking", `${subject(child(key))} became required`);
      }
      if (reqA.has(key) && !reqB.has(key)) {
        this.add(reads ? "breaking" : "non-breaking", `${subject(child(key))} became optional`);
      }
      this.schema(propsA[key], propsB[key], dir, label, child(key), name, seen);
    }
    for (const key of Object.keys(propsB)) {
      if (key in propsA) continue;
      const required = reqB.has(key);
      this.add(
        !reads && required ? "breaking" : "non-breaking",
        `added ${required ? "required" : "optional"} ${subject(child(key))}`,
      );
    }

    if (a.items !== undefined && b.items !== undefined) {
      this.schema(a.items, b.items, dir, label, `${path}[]`, name, seen);
    }

    for (const keyword of ["anyOf", "oneOf"] as const) {
      const va: Json[] = a[keyword] ?? [];
      const vb: Json[] = b[keyword] ?? [];
      if (va.length === 0 && vb.length === 0) continue;
      for (let i = 0; i < Math.min(va.length, vb.length); i++) {
        this.schema(va[i], vb[i], dir, label, `${path}<${keyword}[${i}]>`, name, seen);
      }
      if (vb.length > va.length) grew(`added ${vb.length - va.length} ${keyword} variant(s) to`);
      if (va.length > vb.length) shrank(`removed ${va.length - vb.length} ${keyword} variant(s) from`);
    }
  }

  /** Numeric and length limits and patterns: tighter narrows what is valid, looser widens it. */
  limits(a: Json, b: Json, at: string, grew: (what: string) => void, shrank: (what: string) => void): void {
    const lower = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"];
    const upper = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"];
    for (const k of [...lower, ...upper]) {
      const [x, y] = [a[k], b[k]];
      if (x === y || (typeof x !== "number" && typeof y !== "number")) continue;
      const tighter = x === undefined ? true : y === undefined ? false : lower.includes(k) ? y > x : y < x;
      const what = `${k} (${x ?? "none"} → ${y ?? "none"}) of`;
      if (tighter) shrank(`tightened ${what}`);
      else grew(`relaxed ${what}`);
    }
    if (a.pattern !== b.pattern) {
      if (b.pattern === undefined) grew(`removed pattern ${a.pattern} of`);
      else if (a.pattern === undefined) shrank(`added pattern ${b.pattern} to`);
      else this.add("breaking", `changed pattern (${a.pattern} → ${b.pattern}) of ${at}`);
    }
  }
}

/**
 * Merges `allOf` members into the schema (properties and required lists united, other keywords
 * taken from the first that sets them), so that `allOf: [$ref]` and the bare `$ref` compare equal.
 */
function flattenAllOf(doc: Json, schema: Json, depth = 0): Json {
  if (!Array.isArray(schema?.allOf) || depth > 20) return schema;
  const { allOf, ...rest } = schema;
  const out: Json = { ...rest };
  for (const raw of allOf as Json[]) {
    const member = flattenAllOf(doc, resolve(doc, raw).node ?? {}, depth + 1);
    for (const [key, value] of Object.entries<Json>(member)) {
      if (key === "properties") out.properties = { ...value, ...(out.properties ?? {}) };
      else if (key === "required") out.required = [...new Set([...(out.required ?? []), ...value])];
      else if (!(key in out)) out[key] = value;
    }
  }
  return out;
}

function typesOf(schema: Json): Set<string> {
  const out = new Set<string>();
  const t = schema?.type;
  if (typeof t === "string") out.add(t);
  else if (Array.isArray(t)) for (const x of t) out.add(String(x));
  if (schema?.nullable === true) out.add("null");
  if (out.size === 0 && schema?.properties) out.add("object");
  return out;
}

/** Follows local `$ref`s; returns the node and the pointer of the last ref followed ("" if none). */
export function resolve(doc: Json, node: Json): { node: Json; pointer: string } {
  return typeof node?.$ref === "string" ? resolvePointer(doc, node.$ref.slice(1)) : { node, pointer: "" };
}

/** Every change from `before` to `after`, breaking ones first. */
export function diffSpecs(before: Json, after: Json): SpecChange[] {
  const changes = new Differ(before ?? {}, after ?? {}).run();
  return [
    ...changes.filter((c) => c.severity === "breaking"),
    ...changes.filter((c) => c.severity === "non-breaking"),
  ];
}
