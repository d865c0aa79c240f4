// The document half of the classifier: servers, security, paths and operations, parameters, request
// bodies, responses with their media types and headers. Schemas are handed to schema.ts.
import type { SpecChange } from "./report.ts";
import { Report } from "./report.ts";
import { resolve, SchemaDiffer, type SchemaSite } from "./schema.ts";

// biome-ignore lint/suspicious/noExplicitAny: parsed OpenAPI documents are untyped JSON.
type Json = any;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

interface Operation {
  /** `GET /v2/sessions/{session_id}/events` */
  name: string;
  path: string;
  op: Json;
  item: Json;
}

const entries = (x: Json): [string, Json][] =>
  x && typeof x === "object" && !Array.isArray(x) ? Object.entries<Json>(x) : [];

/** A path with its parameter names blanked: `/v1/sessions/{id}` and `/v1/sessions/{sid}` are one path. */
const pathShape = (path: string) => path.replace(/\{[^}]*\}/g, "{}");

const isSuccess = (status: string) => /^2/.test(status);

/** Which media type a place has, in paths and messages, when it has more than one. */
function mediaLabel(types: string[], type: string): string {
  return types.length > 1 ? ` ${type}` : "";
}

class DocumentDiffer {
  readonly #before: Json;
  readonly #after: Json;
  readonly #report = new Report();
  readonly #schemas: SchemaDiffer;

  constructor(before: Json, after: Json) {
    this.#before = before;
    this.#after = after;
    this.#schemas = new SchemaDiffer(before, after, this.#report);
  }

  run(): SpecChange[] {
    this.#servers();
    this.#securitySchemes();
    this.#security(undefined, this.#before.security ?? [], this.#after.security ?? [], true);
    this.#paths();
    for (const [name] of entries(this.#before.components?.schemas)) {
      if (!(name in (this.#after.components?.schemas ?? {}))) {
        this.#report.add(
          "api-schema-removed",
          undefined,
          `components schemas ${name}`,
          `removed the schema ${name}`,
        );
      }
    }
    return this.#report.sorted();
  }

  #servers(): void {
    const servers = (doc: Json) => {
      const out = new Map<string, Json>();
      for (const server of Array.isArray(doc.servers) ? doc.servers : []) {
        if (typeof server?.url === "string") out.set(server.url.replace(/\/+$/, ""), server);
      }
      return out;
    };
    const [a, b] = [servers(this.#before), servers(this.#after)];
    for (const [url, old] of a) {
      const now = b.get(url);
      if (!now) {
        this.#report.add("api-server-removed", undefined, `server ${url}`, `removed the server ${old.url}`);
        continue;
      }
      for (const [name, va] of entries(old.variables)) {
        const vb = now.variables?.[name];
        const where = `server ${url} variable ${name}`;
        if (vb && vb.default !== va.default) {
          this.#report.add(
            "api-server-variable-default-changed",
            undefined,
            where,
            `the default of the server variable ${name} changed from \`${va.default}\` to \`${vb.default}\``,
          );
        }
        if (Array.isArray(va.enum) && vb && Array.isArray(vb.enum)) {
          for (const value of va.enum.filter((v: unknown) => !vb.enum.includes(v))) {
            this.#report.add(
              "api-server-variable-enum-value-removed",
              undefined,
              where,
              `removed the value \`${value}\` of the server variable ${name}`,
            );
          }
        }
      }
    }
    for (const [url, now] of b) {
      if (!a.has(url))
        this.#report.add("api-server-added", undefined, `server ${url}`, `added the server ${now.url}`);
    }
  }

  #securitySchemes(): void {
    const schemes = (doc: Json) =>
      new Map(entries(doc.components?.securitySchemes).map(([name, s]) => [name, resolve(doc, s) ?? {}]));
    const [a, b] = [schemes(this.#before), schemes(this.#after)];
    const add = (id: string, name: string, message: string) =>
      this.#report.add(id, undefined, `components securitySchemes ${name}`, message);
    for (const [name, old] of a) {
      const now = b.get(name);
      if (!now) {
        add("api-security-component-removed", name, `removed the security scheme ${name}`);
        continue;
      }
      if (old.type !== now.type) {
        add(
          "api-security-component-type-changed",
          name,
          `the type of the security scheme ${name} changed from \`${old.type}\` to \`${now.type}\``,
        );
        continue;
      }
      if (old.type === "apiKey") {
        if (old.in !== now.in) {
          add(
            "api-security-component-in-changed",
            name,
            `the key of ${name} moved from the ${old.in} to the ${now.in}`,
          );
        }
        const caseless = old.in === "header" && now.in === "header";
        const [na, nb] = caseless
          ? [String(old.name).toLowerCase(), String(now.name).toLowerCase()]
          : [old.name, now.name];
        if (na !== nb) {
          add(
            "api-security-component-name-changed",
            name,
            `the key of ${name} is now named \`${now.name}\`, was \`${old.name}\``,
          );
        }
      }
      if (old.type === "http" && String(old.scheme).toLowerCase() !== String(now.scheme).toLowerCase()) {
        add(
          "api-security-component-scheme-changed",
          name,
          `the HTTP scheme of ${name} changed from \`${old.scheme}\` to \`${now.scheme}\``,
        );
      }
    }
    for (const name of b.keys()) {
      if (!a.has(name)) add("api-security-component-added", name, `added the security scheme ${name}`);
    }
  }

  /**
   * Security requirements: a list of alternatives, each naming schemes (with scopes) that must all
   * be satisfied. An empty list, or an empty alternative `{}`, means no credentials are needed.
   */
  #security(operation: string | undefined, a: Json[], b: Json[], global: boolean): void {
    const requirements = (list: Json[]) =>
      new Map<string, Record<string, string[]>>(
        (Array.isArray(list) ? list : []).map((r: Json) => [
          Object.keys(r ?? {})
            .sort()
            .join(" + "),
          r ?? {},
        ]),
      );
    const [ra, rb] = [requirements(a), requirements(b)];
    const open = (r: Map<string, unknown>) => r.size === 0 || r.has("");
    const [openBefore, openAfter] = [open(ra), open(rb)];
    const id = (what: string) => (global ? `api-global-security-${what}` : `api-security-${what}`);
    const path = global ? "security" : "";
    const name = (key: string) => (key === "" ? "{} (no credentials)" : key);
    for (const key of ra.keys()) {
      if (rb.has(key)) continue;
      this.#report.add(
        id("removed"),
        operation,
        path,
        `removed the security requirement ${name(key)}${openAfter ? "; no credentials are needed now" : ""}`,
        openAfter,
      );
    }
    for (const key of rb.keys()) {
      if (ra.has(key)) continue;
      const closes = openBefore && !openAfter;
      this.#report.add(
        id("added"),
        operation,
        path,
        `added the security requirement ${name(key)}${closes ? ", where no credentials were needed" : ""}`,
        closes,
      );
    }
    for (const [key, old] of ra) {
      const now = rb.get(key);
      if (!now) continue;
      for (const scheme of Object.keys(old)) {
        const [sa, sb] = [old[scheme] ?? [], now[scheme] ?? []];
        for (const scope of sb.filter((s) => !sa.includes(s))) {
          this.#report.add(
            id("scope-added"),
            operation,
            path,
            `added the scope ${scope} to the security scheme ${scheme}`,
          );
        }
        for (const scope of sa.filter((s) => !sb.includes(s))) {
          this.#report.add(
            id("scope-removed"),
            operation,
            path,
            `removed the scope ${scope} from the security scheme ${scheme}`,
          );
        }
      }
    }
  }

  #operations(doc: Json): Map<string, Map<string, Operation>> {
    const out = new Map<string, Map<string, Operation>>();
    for (const [path, raw] of entries(doc.paths)) {
      const item = resolve(doc, raw) ?? {};
      const ops = new Map<string, Operation>();
      for (const method of METHODS) {
        if (item[method])
          ops.set(method, { name: `${method.toUpperCase()} ${path}`, path, op: item[method], item });
      }
      out.set(pathShape(path), ops);
    }
    return out;
  }

  #paths(): void {
    const [a, b] = [this.#operations(this.#before), this.#operations(this.#after)];
    for (const [shape, opsA] of a) {
      const opsB = b.get(shape);
      for (const [method, old] of opsA) {
        const now = opsB?.get(method);
        if (now) {
          this.#operation(old, now);
          continue;
        }
        const deprecated = old.op.deprecated === true;
        const id = opsB
          ? deprecated
            ? "api-removed-with-deprecation"
            : "api-removed-without-deprecation"
          : deprecated
            ? "api-path-removed-with-deprecation"
            : "api-path-removed-without-deprecation";
        const what = opsB ? "the operation" : `the path ${old.path} and the operation`;
        this.#report.add(id, old.name, "", `removed ${what}${deprecated ? ", which was deprecated" : ""}`);
      }
      for (const [method, now] of opsB ?? []) {
        if (!opsA.has(method)) this.#report.add("endpoint-added", now.name, "", "added the operation");
      }
    }
    for (const [shape, opsB] of b) {
      if (a.has(shape)) continue;
      for (const now of opsB.values())
        this.#report.add("endpoint-added", now.name, "", "added the operation");
    }
  }

  #operation(old: Operation, now: Operation): void {
    const name = old.name;
    const add = (id: string, path: string, message: string) => this.#report.add(id, name, path, message);
    const [da, db] = [old.op.deprecated === true, now.op.deprecated === true];
    if (!da && db) add("endpoint-deprecated", "", "the operation was deprecated");
    if (da && !db) add("endpoint-reactivated", "", "the operation is no longer deprecated");
    const [ida, idb] = [old.op.operationId, now.op.operationId];
    if (ida !== undefined && ida !== idb) {
      add(
        "api-operation-id-removed",
        "",
        `the operationId \`${ida}\` was removed${idb ? `, replaced by \`${idb}\`` : ""}`,
      );
    }
    if (ida === undefined && idb !== undefined)
      add("api-operation-id-added", "", `the operationId \`${idb}\` was added`);
    const ta: string[] = old.op.tags ?? [];
    const tb: string[] = now.op.tags ?? [];
    for (const tag of ta.filter((t) => !tb.includes(t)))
      add("api-tag-removed", "", `removed the tag \`${tag}\``);
    for (const tag of tb.filter((t) => !ta.includes(t))) add("api-tag-added", "", `added the tag \`${tag}\``);
    if (old.op.security !== undefined || now.op.security !== undefined) {
      this.#security(
        name,
        old.op.security ?? this.#before.security ?? [],
        now.op.security ?? this.#after.security ?? [],
        false,
      );
    }
    this.#parameters(old, now);
    this.#requestBody(old, now);
    this.#responses(old, now);
  }

  /** Path-level and operation-level parameters, the operation's winning, keyed by place and name. */
  #parametersOf(doc: Json, o: Operation): Map<string, Json> {
    const out = new Map<string, Json>();
    for (const raw of [...(o.item.parameters ?? []), ...(o.op.parameters ?? [])]) {
      const p = resolve(doc, raw);
      if (typeof p?.name !== "string" || typeof p?.in !== "string") continue;
      out.set(`${p.in} ${p.in === "header" ? p.name.toLowerCase() : p.name}`, p);
    }
    return out;
  }

  #parameters(old: Operation, now: Operation): void {
    const [a, b] = [this.#parametersOf(this.#before, old), this.#parametersOf(this.#after, now)];
    const add = (id: string, key: string, message: string) => this.#report.add(id, old.name, key, message);
    for (const [key, p] of a) {
      const q = b.get(key);
      if (!q) {
        add("request-parameter-removed", key, `removed the ${p.in} parameter ${p.name}`);
        continue;
      }
      const [ra, rb] = [p.required === true || p.in === "path", q.required === true || q.in === "path"];
      if (!ra && rb)
        add("request-parameter-became-required", key, `the ${p.in} parameter ${p.name} became required`);
      if (ra && !rb)
        add("request-parameter-became-optional", key, `the ${p.in} parameter ${p.name} became optional`);
      if (!p.deprecated && q.deprecated)
        add("request-parameter-deprecated", key, `the ${p.in} parameter ${p.name} was deprecated`);
      if (p.deprecated && !q.deprecated) {
        add("request-parameter-reactivated", key, `the ${p.in} parameter ${p.name} is no longer deprecated`);
      }
      const site: SchemaSite = {
        operation: old.name,
        direction: "request",
        kind: "parameter",
        at: key,
        label: `the ${p.in} parameter ${p.name}`,
      };
      this.#schemas.compare(site, p.schema, q.schema);
    }
    for (const [key, q] of b) {
      if (a.has(key)) continue;
      if (q.in === "path") add("new-request-path-parameter", key, `added the path parameter ${q.name}`);
      else if (q.required)
        add("new-required-request-parameter", key, `added the required ${q.in} parameter ${q.name}`);
      else add("new-optional-request-parameter", key, `added the optional ${q.in} parameter ${q.name}`);
    }
  }

  #requestBody(old: Operation, now: Operation): void {
    const a = resolve(this.#before, old.op.requestBody);
    const b = resolve(this.#after, now.op.requestBody);
    const add = (id: string, path: string, message: string) => this.#report.add(id, old.name, path, message);
    if (!a && !b) return;
    if (!a) {
      add(
        b.required ? "request-body-added-required" : "request-body-added-optional",
        "body",
        `added ${b.required ? "a required" : "an optional"} request body`,
      );
      return;
    }
    if (!b) {
      add("request-body-removed", "body", "removed the request body");
      return;
    }
    if (!a.required && b.required)
      add("request-body-became-required", "body", "the request body became required");
    if (a.required && !b.required)
      add("request-body-became-optional", "body", "the request body became optional");
    this.#content(old.name, "request", a.content, b.content, "body", "the request body");
  }

  /** The media types of a request body or of one response, and the schema of each. */
  #content(
    operation: string,
    direction: "request" | "response",
    a: Json,
    b: Json,
    at: string,
    label: string,
  ): void {
    const [ta, tb] = [Object.keys(a ?? {}), Object.keys(b ?? {})];
    const all = [...new Set([...ta, ...tb])];
    const add = (id: string, path: string, message: string) => this.#report.add(id, operation, path, message);
    const prefix = direction === "request" ? "request-body" : "response";
    for (const type of ta.filter((t) => !tb.includes(t))) {
      add(`${prefix}-media-type-removed`, `${at} ${type}`, `removed the media type ${type} of ${label}`);
    }
    for (const type of tb.filter((t) => !ta.includes(t))) {
      add(`${prefix}-media-type-added`, `${at} ${type}`, `added the media type ${type} to ${label}`);
    }
    for (const type of ta.filter((t) => tb.includes(t))) {
      const [sa, sb] = [a[type]?.schema, b[type]?.schema];
      const where = `${at}${mediaLabel(all, type)}`;
      const schemaId =
        direction === "request" ? "request-body-media-type-schema" : "response-body-media-type-schema";
      if (sa === undefined && sb !== undefined)
        add(`${schemaId}-added`, where, `added a schema to the media type ${type} of ${label}`);
      if (sa !== undefined && sb === undefined)
        add(`${schemaId}-removed`, where, `removed the schema of the media type ${type} of ${label}`);
      const site: SchemaSite = {
        operation,
        direction,
        kind: "body",
        at: where,
        label: `${label}${mediaLabel(all, type) ? ` (${type})` : ""}`,
      };
      this.#schemas.compare(site, sa, sb);
    }
  }

  #responses(old: Operation, now: Operation): void {
    const [a, b] = [old.op.responses ?? {}, now.op.responses ?? {}];
    const add = (id: string, path: string, message: string) => this.#report.add(id, old.name, path, message);
    for (const status of Object.keys(a)) {
      if (status in b) continue;
      const success = isSuccess(status);
      add(
        success ? "response-success-status-removed" : "response-non-success-status-removed",
        status,
        `removed the ${success ? "success" : "non-success"} response ${status}`,
      );
    }
    for (const status of Object.keys(b)) {
      if (status in a) continue;
      const success = isSuccess(status);
      add(
        success ? "response-success-status-added" : "response-non-success-status-added",
        status,
        `added the ${success ? "success" : "non-success"} response ${status}`,
      );
    }
    for (const status of Object.keys(a)) {
      if (!(status in b)) continue;
      const ra = resolve(this.#before, a[status]) ?? {};
      const rb = resolve(this.#after, b[status]) ?? {};
      this.#headers(old.name, status, ra.headers, rb.headers);
      this.#content(old.name, "response", ra.content, rb.content, status, `the ${status} response`);
    }
  }

  #headers(operation: string, status: string, a: Json, b: Json): void {
    const headers = (doc: Json, map: Json) =>
      new Map(entries(map).map(([name, h]) => [name.toLowerCase(), { name, h: resolve(doc, h) ?? {} }]));
    const [ha, hb] = [headers(this.#before, a), headers(this.#after, b)];
    const add = (id: string, name: string, message: string) =>
      this.#report.add(id, operation, `${status} header ${name}`, message);
    for (const [key, { name, h }] of ha) {
      const now = hb.get(key);
      if (!now) {
        add(
          h.required ? "required-response-header-removed" : "optional-response-header-removed",
          name,
          `removed the ${h.required ? "required" : "optional"} header ${name} of the ${status} response`,
        );
        continue;
      }
      if (h.required && !now.h.required) {
        add(
          "response-header-became-optional",
          name,
          `the header ${name} of the ${status} response became optional`,
        );
      }
      const site: SchemaSite = {
        operation,
        direction: "response",
        kind: "header",
        at: `${status} header ${name}`,
        label: `the header ${name} of the ${status} response`,
      };
      this.#schemas.compare(site, h.schema, now.h.schema);
    }
    for (const [key, { name }] of hb) {
      if (!ha.has(key))
        add("response-header-added", name, `added the header ${name} to the ${status} response`);
    }
  }
}

/** Every change from `before` to `after` (two parsed OpenAPI documents), ERR first, then WARN, then INFO. */
export function diffSpecs(before: Json, after: Json): SpecChange[] {
  return new DocumentDiffer(before ?? {}, after ?? {}).run();
}
