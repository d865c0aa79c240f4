// One vendor's bundled OpenAPI 3.1 document, read for `sessiontrail verify`: which operation a request
// was, which response documents a status, a validator for each response schema and header (ajv,
// JSON Schema 2020-12, compiled against the whole document so `$ref`s resolve), and where in the
// spec file any schema object is written (JSON pointer and line), so a difference names what to edit.
import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";

// biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document is untyped JSON.
type Json = any;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** The id ajv knows the document by: `spec#/components/schemas/Event` is a schema in it. */
const SPEC_ID = "spec";

/** One operation of the spec: `getSessionEvents`, `GET /v1/sessions/{sessionId}/events`. */
export interface SpecOperation {
  method: string;
  template: string;
  operationId: string;
  /** JSON pointer of the operation object, e.g. `#/paths/~1v1~1sessions~1{sessionId}~1events/get`. */
  pointer: string;
  node: Json;
}

/** The response object the spec gives for a status, found by exact code, then `4XX`, then `default`. */
export interface SpecResponse {
  /** `200`, `4XX` or `default`. */
  key: string;
  /** Where the response object is written, after following its `$ref`. */
  pointer: string;
  node: Json;
}

/** `~` and `/` escaped, as in a JSON pointer segment. */
export const pointerSegment = (key: string | number) => String(key).replace(/~/g, "~0").replace(/\//g, "~1");

const unescapeSegment = (segment: string) => segment.replace(/~1/g, "/").replace(/~0/g, "~");

/** A template's path parameters match one segment each; its literal parts match themselves. */
function templatePattern(template: string): RegExp {
  const parts = template.split(/\{[^{}]+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  // Any prefix may come first: the base URL's own path (OpenReplay's `/v2`) is not in the template.
  return new RegExp(`^(?:/.*)?${parts.join("[^/]+")}/?$`);
}

export class VendorSpec {
  /** The file as a maintainer edits it in the repository: `specs/<vendor>/openapi.yaml`. */
  readonly file: string;
  readonly doc: Json;
  private readonly source: ReturnType<typeof parseDocument>;
  private readonly lines: LineCounter;
  private readonly ajv: Ajv2020;
  /** Made on first use: most responses document no header. */
  private headerAjv: Ajv2020 | undefined;
  private readonly pointers = new Map<object, string>();
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly operations: (SpecOperation & { pattern: RegExp })[] = [];

  constructor(vendor: string, path: string) {
    this.file = `specs/${vendor}/openapi.yaml`;
    this.lines = new LineCounter();
    this.source = parseDocument(readFileSync(path, "utf8"), { lineCounter: this.lines });
    this.doc = this.source.toJS({ maxAliasCount: -1 });
    this.remember(this.doc, "#");
    this.ajv = this.newAjv(false);
    for (const [template, item] of Object.entries<Json>(this.doc.paths ?? {})) {
      for (const method of METHODS) {
        const node = item?.[method];
        if (node === undefined) continue;
        this.operations.push({
          method: method.toUpperCase(),
          template,
          operationId: node.operationId ?? `${method.toUpperCase()} ${template}`,
          pointer: `#/paths/${pointerSegment(template)}/${method}`,
          node,
          pattern: templatePattern(template),
        });
      }
    }
  }

  /**
   * An ajv that knows the whole document. Not strict: OpenAPI's own keywords (`example`,
   * `discriminator`, `xml`, `externalDocs`) and vendor extensions (`x-*`) annotate and never validate,
   * and strict mode refuses unknown keywords. `verbose` keeps each error's schema object and value,
   * which name the spec location and what came back. The document is not checked against the JSON
   * Schema meta-schema (Redocly and the spec tests do that in the repository; here it cost ~100 ms a run).
   */
  private newAjv(coerceTypes: boolean): Ajv2020 {
    const ajv = new Ajv2020({
      strict: false,
      allErrors: true,
      verbose: true,
      logger: false,
      validateSchema: false,
      coerceTypes,
    });
    addFormats.default(ajv);
    ajv.addSchema(this.doc, SPEC_ID);
    return ajv;
  }

  /** Every object of the document by identity, so a schema object ajv reports names its place. */
  private remember(node: Json, pointer: string): void {
    if (node === null || typeof node !== "object" || this.pointers.has(node)) return;
    this.pointers.set(node, pointer);
    for (const [key, child] of Object.entries(node))
      this.remember(child, `${pointer}/${pointerSegment(key)}`);
  }

  /** The JSON pointer (`#/components/schemas/Event`) of an object of this document. */
  pointerOf(node: unknown): string | undefined {
    return node !== null && typeof node === "object" ? this.pointers.get(node) : undefined;
  }

  /** The node at a JSON pointer, without following `$ref`s. */
  at(pointer: string): Json {
    return pointer
      .replace(/^#/, "")
      .split("/")
      .slice(1)
      .reduce((node: Json, segment) => node?.[unescapeSegment(segment)], this.doc);
  }

  /** Follows `$ref`s from a node written at `pointer`; the node they end at and where it is written. */
  resolve(pointer: string): { node: Json; pointer: string } {
    let where = pointer;
    let node = this.at(where);
    for (let hops = 0; typeof node?.$ref === "string" && node.$ref.startsWith("#/"); hops++) {
      if (hops > 50) break;
      where = node.$ref;
      node = this.at(where);
    }
    return { node, pointer: where };
  }

  /**
   * The operation a request was: the method, and the path matched against each template (the base
   * URL's path may come before it). Where several match, the one with the most literal text wins.
   */
  operationOf(method: string, pathname: string): SpecOperation | undefined {
    const matches = this.operations.filter((o) => o.method === method && o.pattern.test(pathname));
    const literal = (o: SpecOperation) => o.template.replace(/\{[^{}]+\}/g, "").length;
    return matches.sort((a, b) => literal(b) - literal(a))[0];
  }

  /** The statuses an operation documents, as written: `200`, `4XX`, `default`. */
  statusesOf(operation: SpecOperation): string[] {
    return Object.keys(operation.node.responses ?? {});
  }

  /** The response the spec documents for a status: the code itself, else its range (`4XX`), else `default`. */
  responseOf(operation: SpecOperation, status: number): SpecResponse | undefined {
    const responses = operation.node.responses ?? {};
    const key = [String(status), `${Math.floor(status / 100)}XX`, "default"].find(
      (k) => responses[k] !== undefined || responses[k.toLowerCase()] !== undefined,
    );
    if (key === undefined) return undefined;
    const written = responses[key] !== undefined ? key : key.toLowerCase();
    const { node, pointer } = this.resolve(`${operation.pointer}/responses/${pointerSegment(written)}`);
    return { key: written, pointer, node };
  }

  /** A validator of the schema at `pointer` (cached: a session of many pages compiles each once). */
  validator(pointer: string, header = false): ValidateFunction {
    const id = `${header ? "header " : ""}${pointer}`;
    let validate = this.validators.get(id);
    if (validate === undefined) {
      const ref = { $ref: `${SPEC_ID}${pointer}` };
      // A header is validated as the property of an object, so ajv can coerce the text in place.
      if (header) {
        // Header values are text on the wire: `Retry-After: 5` is the integer a header schema says.
        this.headerAjv ??= this.newAjv(true);
        validate = this.headerAjv.compile({ type: "object", properties: { value: ref } });
      } else validate = this.ajv.compile(ref);
      this.validators.set(id, validate);
    }
    return validate;
  }

  /** The 1-based line of the spec file where the node at `pointer` is written (its key, in a map). */
  lineOf(pointer: string): number | undefined {
    let node: unknown = this.source.contents;
    let offset: number | undefined = (node as Node | null)?.range?.[0];
    for (const segment of pointer.replace(/^#/, "").split("/").slice(1).map(unescapeSegment)) {
      if (isMap(node)) {
        const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === segment);
        if (pair === undefined) return undefined;
        offset = (pair.key as Node | null)?.range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node)) {
        node = node.items[Number(segment)];
        offset = (node as Node | null)?.range?.[0] ?? offset;
      } else return undefined;
    }
    return offset === undefined ? undefined : this.lines.linePos(offset).line;
  }
}
