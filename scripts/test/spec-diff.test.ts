// The spec-change classifier: one pair of specs per check (a base spec built here, an edit that
// makes the old spec where needed, an edit that makes the new one), the id and level each must
// yield and nothing else; then the behaviours around them (nullability forms, $ref cycles, bounds
// set and unset), the real specs, and the command line.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  CHECKS,
  checksTable,
  diffSpecs,
  formatChange,
  type Level,
  main,
  type SpecChange,
} from "../spec-diff.ts";
import { loadSpec } from "../spec-examples.ts";
import { repoRoot, vendorSpecs } from "../specs.ts";

// biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document is untyped JSON.
type Json = any;
type Edit = (doc: Json) => void;

const E = "/v1/sessions/{id}/events";
const OP = `GET ${E}`;
const SEARCH = "POST /v1/search";
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function base(): Json {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    servers: [
      { url: "https://api.example.com" },
      { url: "https://{region}.example.com", variables: { region: { default: "eu", enum: ["eu", "us"] } } },
    ],
    security: [{ Key: [] }],
    paths: {
      [E]: {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        get: {
          operationId: "listEvents",
          tags: ["sessions"],
          parameters: [
            { $ref: "#/components/parameters/Limit" },
            { name: "Program-Id", in: "header", required: false, schema: { type: "string" } },
          ],
          responses: {
            "200": {
              description: "ok",
              headers: {
                "X-Rate-Limit": { required: true, schema: { type: "integer" } },
                "X-Trace": { schema: { type: "string" } },
              },
              content: { "application/json": { schema: ref("Page") } },
            },
            "429": { $ref: "#/components/responses/Limited" },
          },
        },
      },
      "/v1/search": {
        post: {
          requestBody: { required: true, content: { "application/json": { schema: ref("Search") } } },
          responses: {
            "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } },
          },
        },
      },
      "/v1/misc": {
        get: { responses: { "200": { description: "ok" } } },
        put: { responses: { "204": { description: "done" } } },
        delete: { deprecated: true, responses: { "204": { description: "done" } } },
      },
      "/v1/legacy": { get: { deprecated: true, responses: { "200": { description: "ok" } } } },
      "/v1/report": { get: { security: [{ OAuth: ["read"] }], responses: { "200": { description: "ok" } } } },
    },
    components: {
      securitySchemes: {
        Key: { type: "apiKey", in: "header", name: "X-Key" },
        Basic: { type: "http", scheme: "basic" },
        OAuth: {
          type: "oauth2",
          flows: {
            clientCredentials: {
              tokenUrl: "https://auth.example.com/token",
              scopes: { read: "", write: "" },
            },
          },
        },
      },
      parameters: {
        Limit: { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200 } },
      },
      responses: { Limited: { description: "slow down" } },
      schemas: {
        Page: {
          type: "object",
          required: ["events"],
          properties: { events: { type: "array", items: ref("Event") } },
        },
        Event: {
          type: "object",
          required: ["id", "time"],
          properties: {
            id: { type: "string" },
            time: { type: "string", format: "date-time" },
            kind: { type: "string", enum: ["click", "view"] },
            parent: ref("Event"),
          },
        },
        Search: {
          type: "object",
          required: ["query"],
          properties: { query: { type: "string" }, order: { type: "string", enum: ["asc", "desc"] } },
        },
        A: { type: "object", properties: { a: { type: "string" } } },
        B: { type: "object", properties: { b: { type: "string" } } },
        C: { type: "object", properties: { c: { type: "string" } } },
      },
    },
  };
}

/** The changes between the base spec with `before` applied and the same with `after` applied on top. */
function diff(after: Edit, before: Edit = () => {}): SpecChange[] {
  const old = base();
  before(old);
  const now = structuredClone(old);
  after(now);
  return diffSpecs(old, now);
}

const events = (d: Json) => d.paths[E];
const search = (d: Json) => d.paths["/v1/search"].post;
const schemas = (d: Json) => d.components.schemas;
const ok200 = { description: "ok" };

// Where a schema case puts its schema, and where the change must then be reported.
type Place =
  | "request-body"
  | "request-property"
  | "request-parameter"
  | "response-body"
  | "response-property"
  | "response-header";

const PLACES: Record<Place, { put: (d: Json, s: Json) => void; operation: string; path: string }> = {
  "request-body": {
    put: (d, s) => (search(d).requestBody.content["application/json"].schema = s),
    operation: SEARCH,
    path: "body",
  },
  "request-property": {
    put: (d, s) => (schemas(d).Search.properties.x = s),
    operation: SEARCH,
    path: "body /x",
  },
  "request-parameter": {
    put: (d, s) => {
      const params: Json[] = events(d).get.parameters;
      const at = params.findIndex((p) => p.name === "x");
      params.splice(at < 0 ? params.length : at, at < 0 ? 0 : 1, { name: "x", in: "query", schema: s });
    },
    operation: OP,
    path: "query x",
  },
  "response-body": {
    put: (d, s) => (search(d).responses["200"].content["application/json"].schema = s),
    operation: SEARCH,
    path: "200",
  },
  "response-property": {
    put: (d, s) => (schemas(d).Event.properties.x = s),
    operation: OP,
    path: "200 /events/items/x",
  },
  "response-header": {
    put: (d, s) => (events(d).get.responses["200"].headers["X-Value"] = { schema: s }),
    operation: OP,
    path: "200 header X-Value",
  },
};

interface Case {
  id: string;
  level: Level;
  after: Edit;
  before?: Edit;
  /** Other checks the same edit rightly sets off. */
  also?: string[];
  operation?: string | undefined;
  path?: string;
}

/** A case whose old and new spec differ only in the schema at one place. */
function at(place: Place, id: string, level: Level, from: Json, to: Json): Case {
  const { put, operation, path } = PLACES[place];
  return { id, level, before: (d) => put(d, from), after: (d) => put(d, to), operation, path };
}

// Bounds: [kind of change, level, keyword, old value, new value, places it applies to].
const REQUEST_BOUNDS: [string, Level, string, number | undefined, number | undefined, string[]][] = [
  ["max-set", "WARN", "maximum", undefined, 10, ["body", "property", "parameter"]],
  ["max-increased", "INFO", "maximum", 10, 20, ["body", "property", "parameter"]],
  ["max-decreased", "ERR", "maximum", 20, 10, ["body", "property", "parameter"]],
  ["exclusive-max-set", "WARN", "exclusiveMaximum", undefined, 10, ["body", "property", "parameter"]],
  ["exclusive-max-increased", "INFO", "exclusiveMaximum", 10, 20, ["body", "property", "parameter"]],
  ["exclusive-max-decreased", "ERR", "exclusiveMaximum", 20, 10, ["body", "property", "parameter"]],
  ["min-set", "WARN", "minimum", undefined, 1, ["body", "property", "parameter"]],
  ["min-increased", "ERR", "minimum", 1, 5, ["body", "property", "parameter"]],
  ["min-decreased", "INFO", "minimum", 5, 1, ["body", "property", "parameter"]],
  ["exclusive-min-set", "WARN", "exclusiveMinimum", undefined, 1, ["body", "property", "parameter"]],
  ["exclusive-min-increased", "ERR", "exclusiveMinimum", 1, 5, ["body", "property", "parameter"]],
  ["exclusive-min-decreased", "INFO", "exclusiveMinimum", 5, 1, ["body", "property", "parameter"]],
  ["max-length-set", "WARN", "maxLength", undefined, 10, ["body", "property", "parameter"]],
  ["max-length-increased", "INFO", "maxLength", 10, 20, ["body", "property", "parameter"]],
  ["max-length-decreased", "ERR", "maxLength", 20, 10, ["body", "property", "parameter"]],
  ["min-length-increased", "ERR", "minLength", 1, 5, ["body", "property", "parameter"]],
  ["min-length-decreased", "INFO", "minLength", 5, 1, ["body", "property", "parameter"]],
  ["min-items-set", "WARN", "minItems", undefined, 1, ["body", "property", "parameter"]],
  ["min-items-increased", "ERR", "minItems", 1, 5, ["body", "property", "parameter"]],
  ["min-items-decreased", "INFO", "minItems", 5, 1, ["parameter"]],
  ["max-items-increased", "INFO", "maxItems", 5, 10, ["parameter"]],
  ["max-items-decreased", "ERR", "maxItems", 10, 5, ["property", "parameter"]],
];

const RESPONSE_BOUNDS: [string, Level, string, number | undefined, number | undefined, string[]][] = [
  ["max-increased", "ERR", "maximum", 10, 20, ["body", "property"]],
  ["exclusive-max-increased", "ERR", "exclusiveMaximum", 10, 20, ["body", "property"]],
  ["min-decreased", "ERR", "minimum", 5, 1, ["body", "property"]],
  ["exclusive-min-decreased", "ERR", "exclusiveMinimum", 5, 1, ["body", "property"]],
  ["max-length-increased", "ERR", "maxLength", 10, 20, ["body", "property"]],
  ["max-length-unset", "ERR", "maxLength", 10, undefined, ["body", "property"]],
  ["min-length-decreased", "ERR", "minLength", 5, 1, ["body", "property"]],
  ["min-items-decreased", "ERR", "minItems", 5, 1, ["body", "property"]],
  ["min-items-unset", "ERR", "minItems", 5, undefined, ["body", "property"]],
  ["max-items-increased", "ERR", "maxItems", 5, 10, ["property"]],
];

const typeFor = (keyword: string) =>
  /Length/.test(keyword) ? "string" : /Items/.test(keyword) ? "array" : "integer";

function boundCases(side: "request" | "response", rows: typeof REQUEST_BOUNDS): Case[] {
  return rows.flatMap(([change, level, keyword, from, to, places]) =>
    places.map((where) => {
      const place = `${side}-${where}` as Place;
      const type = typeFor(keyword);
      const items = type === "array" ? { items: { type: "string" } } : {};
      const schema = (v: number | undefined) => ({
        type,
        ...items,
        ...(v === undefined ? {} : { [keyword]: v }),
      });
      return at(place, `${side}-${where}-${change}`, level, schema(from), schema(to));
    }),
  );
}

/** Checks that read alike at the root of a body and on a property inside it. */
function schemaCases(side: "request" | "response", where: "body" | "property"): Case[] {
  const place = `${side}-${where}` as Place;
  const id = (change: string) => `${side}-${where}-${change}`;
  const request = side === "request";
  const S = { type: "string" };
  const obj = (extra: Json) => ({ type: "object", properties: { a: S }, ...extra });
  return [
    at(place, id("type-changed"), "ERR", S, { type: "integer" }),
    request
      ? at(place, id("type-generalized"), "INFO", { type: "integer" }, { type: "number" })
      : at(place, id("type-generalized"), "ERR", { type: "integer" }, { type: "number" }),
    ...(request ? [] : [at(place, id("type-specialized"), "INFO", { type: "number" }, { type: "integer" })]),
    at(place, id("list-of-types-widened"), request ? "INFO" : "ERR", S, { anyOf: [S, { type: "integer" }] }),
    at(place, id("list-of-types-narrowed"), request ? "ERR" : "INFO", { oneOf: [S, { type: "integer" }] }, S),
    at(place, id("became-nullable"), request ? "INFO" : "ERR", S, { type: ["string", "null"] }),
    at(place, id("became-not-nullable"), request ? "ERR" : "INFO", { type: "string", nullable: true }, S),
    ...(request ? [at(place, id("became-enum"), "ERR", S, { type: "string", enum: ["a", "b"] })] : []),
    at(place, id("const-added"), request ? "ERR" : "INFO", S, { type: "string", const: "a" }),
    at(place, id("const-removed"), request ? "INFO" : "ERR", { type: "string", const: "a" }, S),
    at(place, id("const-changed"), "ERR", { type: "string", const: "a" }, { type: "string", const: "b" }),
    at(place, id("default-value-added"), "INFO", S, { type: "string", default: "a" }),
    at(place, id("default-value-removed"), "INFO", { type: "string", default: "a" }, S),
    at(
      place,
      id("default-value-changed"),
      "INFO",
      { type: "string", default: "a" },
      { type: "string", default: "b" },
    ),
    at(
      place,
      id("one-of-added"),
      request ? "INFO" : "ERR",
      { oneOf: [ref("A"), ref("B")] },
      { oneOf: [ref("A"), ref("B"), ref("C")] },
    ),
    at(
      place,
      id("one-of-removed"),
      request ? "ERR" : "INFO",
      { oneOf: [ref("A"), ref("B"), ref("C")] },
      { oneOf: [ref("A"), ref("B")] },
    ),
    at(
      place,
      id("any-of-added"),
      request ? "INFO" : "ERR",
      { anyOf: [ref("A"), ref("B")] },
      { anyOf: [ref("A"), ref("B"), ref("C")] },
    ),
    at(
      place,
      id("any-of-removed"),
      request ? "ERR" : "INFO",
      { anyOf: [ref("A"), ref("B"), ref("C")] },
      { anyOf: [ref("A"), ref("B")] },
    ),
    request
      ? at(
          place,
          id("additional-properties-restricted"),
          "ERR",
          obj({ additionalProperties: true }),
          obj({ additionalProperties: false }),
        )
      : at(
          place,
          id("additional-properties-restricted"),
          "INFO",
          obj({}),
          obj({ additionalProperties: { type: "string" } }),
        ),
    request
      ? at(place, id("additional-properties-relaxed"), "INFO", obj({ additionalProperties: false }), obj({}))
      : at(
          place,
          id("additional-properties-relaxed"),
          "WARN",
          obj({ additionalProperties: false }),
          obj({ additionalProperties: true }),
        ),
  ];
}

const requestParameter =
  (p: Json): Edit =>
  (d) =>
    events(d).get.parameters.push(p);
const programId = (d: Json) => events(d).get.parameters[1];
const header = (d: Json, name: string) => events(d).get.responses["200"].headers[name];
const P = "request-parameter";

const CASES: Case[] = [
  // Paths and operations.
  {
    id: "api-path-removed-without-deprecation",
    level: "ERR",
    after: (d) => delete d.paths["/v1/search"],
    operation: SEARCH,
    path: "",
  },
  {
    id: "api-path-removed-with-deprecation",
    level: "INFO",
    after: (d) => delete d.paths["/v1/legacy"],
    operation: "GET /v1/legacy",
  },
  {
    id: "api-removed-without-deprecation",
    level: "ERR",
    after: (d) => delete d.paths["/v1/misc"].put,
    operation: "PUT /v1/misc",
  },
  {
    id: "api-removed-with-deprecation",
    level: "INFO",
    after: (d) => delete d.paths["/v1/misc"].delete,
    operation: "DELETE /v1/misc",
  },
  {
    id: "endpoint-added",
    level: "INFO",
    after: (d) => (d.paths["/v1/misc"].patch = { responses: { "200": ok200 } }),
    operation: "PATCH /v1/misc",
  },
  { id: "endpoint-deprecated", level: "INFO", after: (d) => (d.paths["/v1/misc"].get.deprecated = true) },
  { id: "endpoint-reactivated", level: "INFO", after: (d) => delete d.paths["/v1/legacy"].get.deprecated },
  {
    id: "api-operation-id-removed",
    level: "INFO",
    after: (d) => (events(d).get.operationId = "getEvents"),
    operation: OP,
  },
  {
    id: "api-operation-id-added",
    level: "INFO",
    after: (d) => (d.paths["/v1/misc"].get.operationId = "getMisc"),
  },
  { id: "api-tag-removed", level: "INFO", after: (d) => (events(d).get.tags = []) },
  { id: "api-tag-added", level: "INFO", after: (d) => events(d).get.tags.push("events") },
  {
    id: "api-schema-removed",
    level: "INFO",
    before: (d) => (schemas(d).Unused = { type: "string" }),
    after: (d) => delete schemas(d).Unused,
    operation: undefined,
  },

  // Security.
  {
    id: "api-security-removed",
    level: "ERR",
    before: (d) => (events(d).get.security = [{ Key: [] }, { Basic: [] }]),
    after: (d) => (events(d).get.security = [{ Key: [] }]),
    operation: OP,
  },
  {
    id: "api-security-removed",
    level: "INFO",
    before: (d) => (events(d).get.security = [{ Key: [] }]),
    after: (d) => (events(d).get.security = []),
  },
  {
    id: "api-security-added",
    level: "INFO",
    after: (d) => (events(d).get.security = [{ Key: [] }, { Basic: [] }]),
  },
  {
    id: "api-security-added",
    level: "ERR",
    before: (d) => (events(d).get.security = []),
    after: (d) => (events(d).get.security = [{ Basic: [] }]),
  },
  {
    id: "api-security-scope-added",
    level: "INFO",
    after: (d) => d.paths["/v1/report"].get.security[0].OAuth.push("write"),
  },
  {
    id: "api-security-scope-removed",
    level: "INFO",
    after: (d) => (d.paths["/v1/report"].get.security[0].OAuth = []),
  },
  {
    id: "api-global-security-removed",
    level: "ERR",
    before: (d) => d.security.push({ Basic: [] }),
    after: (d) => d.security.pop(),
    operation: undefined,
    path: "security",
  },
  { id: "api-global-security-removed", level: "INFO", after: (d) => delete d.security },
  { id: "api-global-security-added", level: "INFO", after: (d) => d.security.push({ Basic: [] }) },
  {
    id: "api-global-security-added",
    level: "ERR",
    before: (d) => delete d.security,
    after: (d) => (d.security = [{ Key: [] }]),
  },
  {
    id: "api-global-security-scope-added",
    level: "INFO",
    before: (d) => (d.security = [{ OAuth: ["read"] }]),
    after: (d) => d.security[0].OAuth.push("write"),
  },
  {
    id: "api-global-security-scope-removed",
    level: "INFO",
    before: (d) => (d.security = [{ OAuth: ["read"] }]),
    after: (d) => (d.security[0].OAuth = []),
  },
  {
    id: "api-security-component-added",
    level: "INFO",
    after: (d) => (d.components.securitySchemes.Bearer = { type: "http", scheme: "bearer" }),
  },
  {
    id: "api-security-component-removed",
    level: "INFO",
    before: (d) => (d.components.securitySchemes.Bearer = { type: "http", scheme: "bearer" }),
    after: (d) => delete d.components.securitySchemes.Bearer,
    path: "components securitySchemes Bearer",
  },
  {
    id: "api-security-component-type-changed",
    level: "ERR",
    after: (d) =>
      (d.components.securitySchemes.Basic = { type: "apiKey", in: "header", name: "Authorization" }),
  },
  {
    id: "api-security-component-name-changed",
    level: "ERR",
    after: (d) => (d.components.securitySchemes.Key.name = "Authorization"),
  },
  {
    id: "api-security-component-in-changed",
    level: "ERR",
    after: (d) => (d.components.securitySchemes.Key.in = "query"),
  },
  {
    id: "api-security-component-scheme-changed",
    level: "ERR",
    after: (d) => (d.components.securitySchemes.Basic.scheme = "bearer"),
  },

  // Servers.
  {
    id: "api-server-removed",
    level: "ERR",
    after: (d) => d.servers.shift(),
    operation: undefined,
    path: "server https://api.example.com",
  },
  { id: "api-server-added", level: "INFO", after: (d) => d.servers.push({ url: "https://us.example.com" }) },
  {
    id: "api-server-variable-default-changed",
    level: "WARN",
    after: (d) => (d.servers[1].variables.region.default = "us"),
  },
  {
    id: "api-server-variable-enum-value-removed",
    level: "ERR",
    after: (d) => (d.servers[1].variables.region.enum = ["eu"]),
  },

  // Parameters.
  {
    id: "new-required-request-parameter",
    level: "ERR",
    after: requestParameter({ name: "tz", in: "query", required: true, schema: { type: "string" } }),
    operation: OP,
    path: "query tz",
  },
  {
    id: "new-optional-request-parameter",
    level: "INFO",
    after: requestParameter({ name: "tz", in: "cookie", schema: { type: "string" } }),
    path: "cookie tz",
  },
  {
    id: "new-request-path-parameter",
    level: "ERR",
    // A path whose template names a parameter the old spec forgot to declare.
    before: (d) => (d.paths["/v1/things/{a}"] = { get: { responses: { "200": ok200 } } }),
    after: (d) =>
      (d.paths["/v1/things/{a}"].parameters = [
        { name: "a", in: "path", required: true, schema: { type: "string" } },
      ]),
    operation: "GET /v1/things/{a}",
    path: "path a",
  },
  {
    id: "request-parameter-removed",
    level: "ERR",
    after: (d) => events(d).get.parameters.splice(1, 1),
    path: "header program-id",
  },
  { id: "request-parameter-became-required", level: "ERR", after: (d) => (programId(d).required = true) },
  {
    id: "request-parameter-became-optional",
    level: "INFO",
    before: (d) => (programId(d).required = true),
    after: (d) => (programId(d).required = false),
  },
  { id: "request-parameter-deprecated", level: "INFO", after: (d) => (programId(d).deprecated = true) },
  {
    id: "request-parameter-reactivated",
    level: "INFO",
    before: (d) => (programId(d).deprecated = true),
    after: (d) => delete programId(d).deprecated,
  },
  at("request-parameter", `${P}-type-changed`, "ERR", { type: "integer" }, { type: "boolean" }),
  at("request-parameter", `${P}-type-generalized`, "INFO", { type: "integer" }, { type: "string" }),
  at(
    "request-parameter",
    `${P}-list-of-types-widened`,
    "INFO",
    { type: "string" },
    { anyOf: [{ type: "string" }, { type: "integer" }] },
  ),
  at(
    "request-parameter",
    `${P}-list-of-types-narrowed`,
    "ERR",
    { anyOf: [{ type: "string" }, { type: "integer" }] },
    { type: "string" },
  ),
  at("request-parameter", `${P}-became-nullable`, "INFO", { type: "string" }, { type: ["string", "null"] }),
  at(
    "request-parameter",
    `${P}-became-not-nullable`,
    "ERR",
    { type: ["string", "null"] },
    { type: "string" },
  ),
  at(
    "request-parameter",
    `${P}-became-enum`,
    "ERR",
    { type: "string" },
    { type: "string", enum: ["a", "b"] },
  ),
  at(
    "request-parameter",
    `${P}-enum-value-added`,
    "INFO",
    { type: "string", enum: ["a"] },
    { type: "string", enum: ["a", "b"] },
  ),
  at(
    "request-parameter",
    `${P}-enum-value-removed`,
    "ERR",
    { type: "string", enum: ["a", "b"] },
    { type: "string", enum: ["a"] },
  ),
  at(
    "request-parameter",
    `${P}-enum-removed`,
    "INFO",
    { type: "string", enum: ["a", "b"] },
    { type: "string" },
  ),
  at(
    "request-parameter",
    `${P}-pattern-added`,
    "ERR",
    { type: "string" },
    { type: "string", pattern: "^[a-z]+$" },
  ),
  at(
    "request-parameter",
    `${P}-pattern-removed`,
    "INFO",
    { type: "string", pattern: "^[a-z]+$" },
    { type: "string" },
  ),
  at(
    "request-parameter",
    `${P}-pattern-changed`,
    "WARN",
    { type: "string", pattern: "^[a-z]+$" },
    { type: "string", pattern: "^[a-f]+$" },
  ),
  at(
    "request-parameter",
    `${P}-pattern-generalized`,
    "INFO",
    { type: "string", pattern: "^[a-z]+$" },
    { type: "string", pattern: ".*" },
  ),
  at(
    "request-parameter",
    `${P}-default-value-added`,
    "ERR",
    { type: "integer" },
    { type: "integer", default: 50 },
  ),
  at(
    "request-parameter",
    `${P}-default-value-removed`,
    "ERR",
    { type: "integer", default: 50 },
    { type: "integer" },
  ),
  at(
    "request-parameter",
    `${P}-default-value-changed`,
    "ERR",
    { type: "integer", default: 50 },
    { type: "integer", default: 100 },
  ),
  ...boundCases("request", REQUEST_BOUNDS),

  // Request bodies.
  {
    id: "request-body-added-required",
    level: "ERR",
    after: (d) =>
      (d.paths["/v1/misc"].put.requestBody = {
        required: true,
        content: { "application/json": { schema: ref("Search") } },
      }),
    operation: "PUT /v1/misc",
    path: "body",
  },
  {
    id: "request-body-added-optional",
    level: "INFO",
    after: (d) =>
      (d.paths["/v1/misc"].put.requestBody = { content: { "application/json": { schema: ref("Search") } } }),
  },
  {
    id: "request-body-removed",
    level: "ERR",
    after: (d) => delete search(d).requestBody,
    operation: SEARCH,
    path: "body",
  },
  {
    id: "request-body-became-required",
    level: "ERR",
    before: (d) => (search(d).requestBody.required = false),
    after: (d) => (search(d).requestBody.required = true),
  },
  {
    id: "request-body-became-optional",
    level: "INFO",
    after: (d) => (search(d).requestBody.required = false),
  },
  {
    id: "request-body-media-type-added",
    level: "INFO",
    after: (d) =>
      (search(d).requestBody.content["application/x-www-form-urlencoded"] = { schema: ref("Search") }),
    path: "body application/x-www-form-urlencoded",
  },
  {
    id: "request-body-media-type-removed",
    level: "ERR",
    before: (d) =>
      (search(d).requestBody.content["application/x-www-form-urlencoded"] = { schema: ref("Search") }),
    after: (d) => delete search(d).requestBody.content["application/x-www-form-urlencoded"],
  },
  {
    id: "request-body-media-type-schema-added",
    level: "ERR",
    before: (d) => (search(d).requestBody.content = { "text/plain": {} }),
    after: (d) => (search(d).requestBody.content["text/plain"].schema = { type: "string" }),
    path: "body",
  },
  {
    id: "request-body-media-type-schema-removed",
    level: "INFO",
    before: (d) => (search(d).requestBody.content = { "text/plain": { schema: { type: "string" } } }),
    after: (d) => delete search(d).requestBody.content["text/plain"].schema,
  },
  at("request-body", "request-body-wrapped-in-one-of", "ERR", ref("Search"), {
    oneOf: [ref("Search"), ref("A")],
  }),
  at(
    "request-body",
    "request-body-enum-value-removed",
    "ERR",
    { type: "string", enum: ["a", "b"] },
    { type: "string", enum: ["a"] },
  ),
  ...schemaCases("request", "body"),

  // Request properties.
  {
    id: "request-property-removed",
    level: "ERR",
    after: (d) => delete schemas(d).Search.properties.order,
    operation: SEARCH,
    path: "body /order",
  },
  {
    id: "new-required-request-property",
    level: "ERR",
    after: (d) => {
      schemas(d).Search.properties.since = { type: "integer" };
      schemas(d).Search.required.push("since");
    },
    path: "body /since",
  },
  {
    id: "new-required-request-property-with-default",
    level: "ERR",
    after: (d) => {
      schemas(d).Search.properties.since = { type: "integer", default: 0 };
      schemas(d).Search.required.push("since");
    },
  },
  {
    id: "new-optional-request-property",
    level: "INFO",
    after: (d) => (schemas(d).Search.properties.since = { type: "integer" }),
  },
  {
    id: "request-property-became-required",
    level: "ERR",
    after: (d) => schemas(d).Search.required.push("order"),
  },
  {
    id: "request-property-became-required-with-default",
    level: "ERR",
    before: (d) => (schemas(d).Search.properties.order.default = "asc"),
    after: (d) => schemas(d).Search.required.push("order"),
  },
  {
    id: "request-property-became-optional",
    level: "INFO",
    after: (d) => (schemas(d).Search.required = []),
    path: "body /query",
  },
  {
    id: "request-property-deprecated",
    level: "INFO",
    after: (d) => (schemas(d).Search.properties.order.deprecated = true),
    path: "body /order",
  },
  {
    id: "request-property-reactivated",
    level: "INFO",
    before: (d) => (schemas(d).Search.properties.order.deprecated = true),
    after: (d) => delete schemas(d).Search.properties.order.deprecated,
  },
  {
    id: "request-property-enum-value-added",
    level: "INFO",
    after: (d) => schemas(d).Search.properties.order.enum.push("random"),
    path: "body /order",
  },
  {
    id: "request-property-enum-value-removed",
    level: "ERR",
    after: (d) => (schemas(d).Search.properties.order.enum = ["asc"]),
  },
  at(
    "request-property",
    "request-property-enum-removed",
    "INFO",
    { type: "string", enum: ["a", "b"] },
    { type: "string" },
  ),
  at(
    "request-property",
    "request-property-pattern-added",
    "ERR",
    { type: "string" },
    { type: "string", pattern: "^[a-z]+$" },
  ),
  at(
    "request-property",
    "request-property-pattern-removed",
    "INFO",
    { type: "string", pattern: "^[a-z]+$" },
    { type: "string" },
  ),
  at(
    "request-property",
    "request-property-pattern-changed",
    "WARN",
    { type: "string", pattern: "^[a-z]+$" },
    { type: "string", pattern: "^[0-9]+$" },
  ),
  at(
    "request-property",
    "request-property-pattern-generalized",
    "INFO",
    { type: "string", pattern: "^[a-z]+$" },
    { type: "string", pattern: ".*" },
  ),
  at(
    "request-property",
    "request-property-became-enum",
    "ERR",
    { type: "string" },
    { type: "string", enum: ["a"] },
  ),
  ...schemaCases("request", "property"),

  // Responses, media types, headers.
  {
    id: "response-success-status-removed",
    level: "ERR",
    after: (d) => delete d.paths["/v1/misc"].get.responses["200"],
    path: "200",
  },
  {
    id: "response-success-status-added",
    level: "INFO",
    after: (d) => (d.paths["/v1/misc"].get.responses["201"] = ok200),
  },
  {
    id: "response-non-success-status-removed",
    level: "INFO",
    after: (d) => delete events(d).get.responses["429"],
    operation: OP,
    path: "429",
  },
  {
    id: "response-non-success-status-added",
    level: "INFO",
    after: (d) => (events(d).get.responses["404"] = { description: "gone" }),
  },
  {
    id: "response-media-type-removed",
    level: "ERR",
    before: (d) => (events(d).get.responses["200"].content["text/csv"] = { schema: { type: "string" } }),
    after: (d) => delete events(d).get.responses["200"].content["text/csv"],
    path: "200 text/csv",
  },
  {
    id: "response-media-type-added",
    level: "INFO",
    after: (d) => (events(d).get.responses["200"].content["text/csv"] = { schema: { type: "string" } }),
  },
  {
    id: "response-body-media-type-schema-added",
    level: "INFO",
    before: (d) => delete search(d).responses["200"].content["application/json"].schema,
    after: (d) => (search(d).responses["200"].content["application/json"].schema = { type: "object" }),
    path: "200",
  },
  {
    id: "response-body-media-type-schema-removed",
    level: "WARN",
    after: (d) => delete search(d).responses["200"].content["application/json"].schema,
  },
  {
    id: "response-body-wrapped-in-one-of",
    level: "ERR",
    after: (d) =>
      (events(d).get.responses["200"].content["application/json"].schema = {
        oneOf: [ref("Page"), ref("A")],
      }),
    operation: OP,
    path: "200",
  },
  at(
    "response-body",
    "response-mediatype-enum-value-removed",
    "INFO",
    { type: "string", enum: ["a", "b"] },
    { type: "string", enum: ["a"] },
  ),
  {
    id: "response-header-added",
    level: "INFO",
    after: (d) => (events(d).get.responses["200"].headers["X-New"] = { schema: { type: "string" } }),
    path: "200 header X-New",
  },
  {
    id: "required-response-header-removed",
    level: "ERR",
    after: (d) => delete events(d).get.responses["200"].headers["X-Rate-Limit"],
  },
  {
    id: "optional-response-header-removed",
    level: "WARN",
    after: (d) => delete events(d).get.responses["200"].headers["X-Trace"],
  },
  {
    id: "response-header-became-optional",
    level: "ERR",
    after: (d) => (header(d, "X-Rate-Limit").required = false),
    path: "200 header X-Rate-Limit",
  },
  at("response-header", "response-header-type-changed", "ERR", { type: "integer" }, { type: "boolean" }),
  at("response-header", "response-header-type-generalized", "ERR", { type: "integer" }, { type: "number" }),
  at("response-header", "response-header-type-specialized", "INFO", { type: "number" }, { type: "integer" }),
  at("response-header", "response-header-type-compatible", "INFO", { type: "string" }, { type: "integer" }),
  at(
    "response-header",
    "response-header-became-nullable",
    "ERR",
    { type: "string" },
    { type: ["string", "null"] },
  ),
  at(
    "response-header",
    "response-header-became-not-nullable",
    "INFO",
    { type: ["string", "null"] },
    { type: "string" },
  ),
  ...schemaCases("response", "body"),
  ...boundCases("response", RESPONSE_BOUNDS),

  // Response properties.
  {
    id: "response-required-property-removed",
    level: "ERR",
    after: (d) => {
      delete schemas(d).Event.properties.time;
      schemas(d).Event.required = ["id"];
    },
    operation: OP,
    path: "200 /events/items/time",
  },
  {
    id: "response-optional-property-removed",
    level: "ERR",
    after: (d) => delete schemas(d).Event.properties.kind,
    path: "200 /events/items/kind",
  },
  {
    id: "response-required-property-added",
    level: "INFO",
    after: (d) => {
      schemas(d).Event.properties.url = { type: "string" };
      schemas(d).Event.required.push("url");
    },
  },
  {
    id: "response-optional-property-added",
    level: "INFO",
    after: (d) => (schemas(d).Event.properties.url = { type: "string" }),
    path: "200 /events/items/url",
  },
  {
    id: "response-property-became-optional",
    level: "ERR",
    after: (d) => (schemas(d).Event.required = ["id"]),
    path: "200 /events/items/time",
  },
  {
    id: "response-property-became-required",
    level: "INFO",
    after: (d) => schemas(d).Event.required.push("kind"),
  },
  {
    id: "response-property-deprecated",
    level: "INFO",
    after: (d) => (schemas(d).Event.properties.kind.deprecated = true),
  },
  {
    id: "response-property-reactivated",
    level: "INFO",
    before: (d) => (schemas(d).Event.properties.kind.deprecated = true),
    after: (d) => delete schemas(d).Event.properties.kind.deprecated,
  },
  {
    id: "response-property-enum-value-added",
    level: "WARN",
    after: (d) => schemas(d).Event.properties.kind.enum.push("scroll"),
    path: "200 /events/items/kind",
  },
  {
    id: "response-property-enum-value-removed",
    level: "INFO",
    after: (d) => (schemas(d).Event.properties.kind.enum = ["click"]),
  },
  {
    id: "response-property-enum-removed",
    level: "WARN",
    after: (d) => delete schemas(d).Event.properties.kind.enum,
  },
  at(
    "response-property",
    "response-property-pattern-added",
    "INFO",
    { type: "string" },
    { type: "string", pattern: "^a" },
  ),
  at(
    "response-property",
    "response-property-pattern-changed",
    "INFO",
    { type: "string", pattern: "^a" },
    { type: "string", pattern: "^b" },
  ),
  at(
    "response-property",
    "response-property-pattern-removed",
    "INFO",
    { type: "string", pattern: "^a" },
    { type: "string" },
  ),
  ...schemaCases("response", "property"),
];

describe("spec-diff: one spec pair per check", () => {
  it("the base spec, and every old spec of a case, compares equal to itself", () => {
    expect(diffSpecs(base(), base())).toEqual([]);
    for (const c of CASES)
      expect(
        diff(() => {}, c.before),
        c.id,
      ).toEqual([]);
  });

  it.each(CASES.map((c, i) => [`${c.id} ${c.level} #${i}`, c] as const))("%s", (_, c) => {
    const changes = diff(c.after, c.before);
    const found = changes.find((x) => x.id === c.id);
    expect(found, JSON.stringify(changes, null, 2)).toBeDefined();
    expect(found?.level).toBe(c.level);
    if ("operation" in c) expect(found?.operation).toBe(c.operation);
    if (c.path !== undefined) expect(found?.path).toBe(c.path);
    expect(found?.message).not.toBe("");
    // Nothing but the check under test (and what the case says the same edit also is).
    expect(new Set(changes.map((x) => x.id))).toEqual(new Set([c.id, ...(c.also ?? [])]));
  });

  it("every check has a case, and every case names a check", () => {
    const tested = new Set(CASES.map((c) => c.id));
    expect([...tested].filter((id) => !CHECKS.some((check) => check.id === id))).toEqual([]);
    expect(CHECKS.map((check) => check.id).filter((id) => !tested.has(id))).toEqual([]);
    // A check with a second level is tested at both.
    for (const check of CHECKS.filter((c) => c.otherwise)) {
      const levels = new Set(CASES.filter((c) => c.id === check.id).map((c) => c.level));
      expect(levels, check.id).toEqual(new Set([check.level, check.otherwise?.level]));
    }
  });

  it("CONTRIBUTING.md's table lists every check with its level, and only those", () => {
    const text = readFileSync(join(repoRoot, "CONTRIBUTING.md"), "utf8");
    const table = /<!-- spec-diff checks: begin -->\n([\s\S]*?)\n<!-- spec-diff checks: end -->/.exec(
      text,
    )?.[1];
    // Cells compared without their padding: Biome aligns the table's columns when it formats the file.
    const cells = (markdown: string | undefined) =>
      (markdown ?? "")
        .split("\n")
        .map((line) => line.split("|").map((cell) => cell.trim().replace(/^-+$/, "-")));
    expect(cells(table), "run `pnpm spec:diff --checks` and paste its table between the markers").toEqual(
      cells(checksTable()),
    );
    const rows = [...(table ?? "").matchAll(/^\| `([a-z-]+)` +\| (ERR|WARN|INFO)/gm)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(rows).toEqual(CHECKS.map((c) => `${c.id} ${c.level}`));
    expect(new Set(CASES.map((c) => c.id))).toEqual(new Set(rows.map((r) => r.split(" ")[0])));
  });

  it("every case's level is the catalogue's", () => {
    for (const c of CASES) {
      const check = CHECKS.find((x) => x.id === c.id);
      expect([check?.level, check?.otherwise?.level], c.id).toContain(c.level);
    }
  });
});

describe("spec-diff: what the checks see through", () => {
  it("null allowed three ways reads the same; wrapping a $ref in a null oneOf is only became-nullable", () => {
    const forms = [
      { type: ["string", "null"] },
      { type: "string", nullable: true },
      { oneOf: [{ type: "string" }, { type: "null" }] },
      { anyOf: [{ type: "null" }, { type: "string" }] },
    ];
    for (const from of forms) {
      for (const to of forms) {
        expect(
          diff(
            (d) => PLACES["response-property"].put(d, to),
            (d) => PLACES["response-property"].put(d, from),
          ),
        ).toEqual([]);
      }
    }
    const changes = diff(
      (d) => (schemas(d).Page.properties.events.items = { oneOf: [ref("Event"), { type: "null" }] }),
    );
    expect(changes.map((c) => `${c.id} ${c.path}`)).toEqual([
      "response-property-became-nullable 200 /events/items",
    ]);
  });

  it("an allOf around a $ref equals the bare $ref; properties of allOf members are compared as one object", () => {
    expect(diff((d) => (schemas(d).Page.properties.events.items = { allOf: [ref("Event")] }))).toEqual([]);
    const changes = diff((d) => {
      schemas(d).Page.properties.events.items = { allOf: [ref("Event"), ref("A")] };
    });
    expect(changes.map((c) => `${c.id} ${c.path}`)).toEqual([
      "response-optional-property-added 200 /events/items/a",
    ]);
  });

  it("$ref cycles end: a self-recursive schema, two schemas that name each other, an allOf that names itself", () => {
    expect(diff((d) => delete schemas(d).Event.properties.kind).map((c) => c.path)).toEqual([
      "200 /events/items/kind",
    ]);
    const mutual: Edit = (d) => {
      schemas(d).Node = { type: "object", properties: { name: { type: "string" }, edge: ref("Edge") } };
      schemas(d).Edge = { type: "object", properties: { to: ref("Node"), weight: { type: "number" } } };
      schemas(d).Event.properties.node = ref("Node");
      schemas(d).Loop = { allOf: [ref("Loop"), { type: "object", properties: { x: { type: "string" } } }] };
      schemas(d).Event.properties.loop = ref("Loop");
      // Two ways back into Tree, each a $ref with a sibling keyword (a merged copy, not the node itself).
      schemas(d).Tree = {
        type: "object",
        properties: {
          left: { ...ref("Tree"), deprecated: false },
          right: { ...ref("Tree"), deprecated: false },
        },
      };
      schemas(d).Event.properties.tree = ref("Tree");
    };
    const changes = diff((d) => (schemas(d).Edge.properties.weight = { type: "string" }), mutual);
    expect(changes.map((c) => `${c.id} ${c.path}`)).toEqual([
      "response-property-type-changed 200 /events/items/node/edge/weight",
    ]);
  });

  it("bounds: set and unset where oasdiff has no -set or -unset check read as moves from or to none", () => {
    const ids = (place: Place, from: Json, to: Json) =>
      diff(
        (d) => PLACES[place].put(d, to),
        (d) => PLACES[place].put(d, from),
      ).map((c) => `${c.id} ${c.level}`);
    expect(ids("request-property", { type: "string" }, { type: "string", minLength: 1 })).toEqual([
      "request-property-min-length-increased ERR",
    ]);
    expect(ids("request-property", { type: "integer", maximum: 5 }, { type: "integer" })).toEqual([
      "request-property-max-increased INFO",
    ]);
    expect(ids("response-property", { type: "integer", maximum: 5 }, { type: "integer" })).toEqual([
      "response-property-max-increased ERR",
    ]);
    expect(ids("response-property", { type: "integer", minimum: 5 }, { type: "integer" })).toEqual([
      "response-property-min-decreased ERR",
    ]);
    // A tighter response is what the client already handled: not reported, as in oasdiff.
    expect(
      ids("response-property", { type: "integer", maximum: 20 }, { type: "integer", maximum: 10 }),
    ).toEqual([]);
    expect(ids("response-property", { type: "string" }, { type: "string", maxLength: 10 })).toEqual([]);
  });

  it("formats: a wider integer or number format is generalized, any other format change is a type change", () => {
    const id = (place: Place, from: Json, to: Json) =>
      diff(
        (d) => PLACES[place].put(d, to),
        (d) => PLACES[place].put(d, from),
      ).map((c) => c.id);
    expect(
      id("request-property", { type: "integer", format: "int32" }, { type: "integer", format: "int64" }),
    ).toEqual(["request-property-type-generalized"]);
    expect(
      id("request-property", { type: "string", format: "date-time" }, { type: "string", format: "date" }),
    ).toEqual(["request-property-type-changed"]);
    expect(id("request-property", { type: "string", format: "uuid" }, { type: "string" })).toEqual([
      "request-property-type-generalized",
    ]);
    expect(id("response-property", { type: "string" }, { type: "string", format: "uuid" })).toEqual([
      "response-property-type-specialized",
    ]);
    expect(id("response-property", { type: "string", format: "uuid" }, { type: "string" })).toEqual([
      "response-property-type-generalized",
    ]);
  });

  it("a renamed path parameter keeps the operation: the old parameter is removed, the new one added", () => {
    const changes = diff((d) => {
      const item = d.paths[E];
      delete d.paths[E];
      item.parameters[0].name = "session_id";
      d.paths["/v1/sessions/{session_id}/events"] = item;
    });
    expect(changes.map((c) => `${c.level} ${c.id} ${c.operation} ${c.path}`)).toEqual([
      `ERR request-parameter-removed ${OP} path id`,
      `ERR new-request-path-parameter ${OP} path session_id`,
    ]);
  });

  it("header parameter and response header names are compared without case", () => {
    expect(diff((d) => (programId(d).name = "program-id"))).toEqual([]);
    expect(
      diff((d) => {
        const headers = events(d).get.responses["200"].headers;
        headers["x-trace"] = headers["X-Trace"];
        delete headers["X-Trace"];
      }),
    ).toEqual([]);
  });

  it("a body wrapped in a oneOf, or taken out of one, is one change, then compared with its branch", () => {
    const page = (d: Json) => events(d).get.responses["200"].content["application/json"];
    const wrapped = diff((d) => {
      page(d).schema = { oneOf: [ref("A"), ref("Page")] };
      delete schemas(d).Event.properties.kind;
    });
    expect(wrapped.map((c) => `${c.level} ${c.id} ${c.path}`)).toEqual([
      "ERR response-body-wrapped-in-one-of 200",
      "ERR response-optional-property-removed 200 /oneOf[Page]/events/items/kind",
    ]);
    const unwrapped = diff(
      (d) => (page(d).schema = ref("Page")),
      (d) => (page(d).schema = { anyOf: [ref("Page"), ref("A")] }),
    );
    expect(unwrapped.map((c) => `${c.level} ${c.id} ${c.path}`)).toEqual([
      "INFO response-body-any-of-removed 200",
    ]);
  });

  it("a oneOf variant matched by $ref is compared inside, under its name", () => {
    const changes = diff(
      (d) => (schemas(d).B.properties.b = { type: "integer" }),
      (d) => (schemas(d).Event.properties.x = { oneOf: [ref("A"), ref("B")] }),
    );
    expect(changes.map((c) => `${c.id} ${c.path}`)).toEqual([
      "response-property-type-changed 200 /events/items/x/oneOf[B]/b",
    ]);
  });

  it("a spec new since the base (compared with an empty document) is every operation added", () => {
    const ids = diffSpecs({}, base()).map((c) => c.id);
    expect(ids.filter((id) => id === "endpoint-added")).toHaveLength(7);
    expect(
      ids.filter(
        (id) =>
          ![
            "endpoint-added",
            "api-server-added",
            "api-security-component-added",
            "api-global-security-added",
          ].includes(id),
      ),
    ).toEqual([]);
  });

  it("changes are listed ERR first, then WARN, then INFO", () => {
    const changes = diff((d) => {
      schemas(d).Event.properties.url = { type: "string" };
      schemas(d).Event.properties.kind.enum.push("scroll");
      delete schemas(d).Event.properties.time;
      delete schemas(d).Event.properties.id;
    });
    expect(changes.map((c) => `${c.level} ${c.path}`)).toEqual([
      "ERR 200 /events/items/id",
      "ERR 200 /events/items/time",
      "WARN 200 /events/items/kind",
      "INFO 200 /events/items/url",
    ]);
  });
});

describe("spec-diff: the real specs", () => {
  it("every spec in the repo compares equal to itself", () => {
    for (const { vendor } of vendorSpecs()) {
      expect(diffSpecs(loadSpec(vendor), loadSpec(vendor)), vendor).toEqual([]);
    }
  });

  const fullstory = () => readFileSync(join(repoRoot, "specs/fullstory/openapi.yaml"), "utf8");
  const edited = (text: string, edits: [string, string][]) =>
    edits.reduce((t, [from, to]) => {
      expect(t, from).toContain(from);
      return t.replace(from, to);
    }, text);

  it("FullStory drops event_time: the line maintainers will read", () => {
    const now = edited(fullstory(), [
      ["        - event_time\n", ""],
      [
        "        event_time:\n          type: string\n          format: date-time\n",
        "        event_time_unused:\n          type: string\n",
      ],
    ]);
    const lines = diffSpecs(parse(fullstory()), parse(now)).map(formatChange);
    expect(lines).toEqual([
      "ERR response-required-property-removed GET /v2/sessions/{session_id}/events 200 /events/items/event_time: removed the required property /events/items/event_time from the 200 response",
      "INFO response-optional-property-added GET /v2/sessions/{session_id}/events 200 /events/items/event_time_unused: added the optional property /events/items/event_time_unused to the 200 response",
    ]);
  });

  it("FullStory tightens session_id and moves its key: a request bound and a security scheme", () => {
    const now = edited(fullstory(), [
      ["            maxLength: 41\n", "            maxLength: 30\n"],
      ["      in: header\n      name: Authorization\n", "      in: header\n      name: X-Api-Key\n"],
    ]);
    expect(diffSpecs(parse(fullstory()), parse(now)).map((c) => `${c.level} ${c.id} ${c.path}`)).toEqual([
      "ERR api-security-component-name-changed components securitySchemes ApiKeyAuth",
      "ERR request-parameter-max-length-decreased path session_id",
    ]);
  });

  it("PostHog renames its query kind and Datadog adds a sort order: a request const, a request enum value", () => {
    const posthog = loadSpec("posthog");
    const changed = structuredClone(posthog);
    changed.components.schemas.HogQLQuery.properties.kind.const = "HogQLQueryV2";
    expect(diffSpecs(posthog, changed).map((c) => `${c.level} ${c.id} ${c.path}`)).toEqual([
      "ERR request-property-const-changed body /query/kind",
    ]);
    const datadog = loadSpec("datadog");
    const sorted = structuredClone(datadog);
    const sort = Object.values<Json>(sorted.components.schemas).find((s) => s.enum?.includes("-timestamp"));
    sort.enum.push("random");
    const changes = diffSpecs(datadog, sorted);
    expect(changes.length).toBeGreaterThan(0);
    expect(
      changes.every((c) => c.id.endsWith("enum-value-added") && c.level === "INFO"),
      JSON.stringify(changes),
    ).toBe(true);
  });
});

describe("pnpm spec:diff", () => {
  const dir = mkdtempSync(join(tmpdir(), "sessiontrail-spec-diff-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const run = (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = main(
      argv,
      (l) => out.push(l),
      (l) => err.push(l),
    );
    return { code, out, err };
  };
  const old = write("old.yaml", JSON.stringify(base()));
  const now = (() => {
    const d = base();
    delete d.paths["/v1/misc"].put;
    d.servers.push({ url: "https://us.example.com" });
    return write("new.json", JSON.stringify(d));
  })();

  it("prints one line per change and exits 0", () => {
    expect(run(old, now)).toEqual({
      code: 0,
      out: [
        "ERR api-removed-without-deprecation PUT /v1/misc: removed the operation",
        "INFO api-server-added server https://us.example.com: added the server https://us.example.com",
      ],
      err: [],
    });
    expect(run(old, old)).toEqual({ code: 0, out: [], err: [] });
  });

  it("--json prints the changes as an array of { id, level, operation, path, message }", () => {
    const { code, out } = run(old, now, "--json");
    expect(code).toBe(0);
    expect(JSON.parse(out.join("\n"))).toEqual([
      {
        id: "api-removed-without-deprecation",
        level: "ERR",
        operation: "PUT /v1/misc",
        path: "",
        message: "removed the operation",
      },
      {
        id: "api-server-added",
        level: "INFO",
        operation: null,
        path: "server https://us.example.com",
        message: "added the server https://us.example.com",
      },
    ]);
  });

  it("exits 2 when a file cannot be read or parsed, or the arguments are wrong", () => {
    const missing = run(old, join(dir, "missing.yaml"));
    expect(missing.code).toBe(2);
    expect(missing.err.join("\n")).toMatch(/cannot read .*missing\.yaml/);
    const broken = run(write("broken.yaml", "openapi: [3.1\n  : :"), old);
    expect(broken.code).toBe(2);
    expect(broken.err.join("\n")).toMatch(/cannot parse .*broken\.yaml/);
    expect(run(write("scalar.yaml", "just text"), old).code).toBe(2);
    expect(
      run(
        write("external.yaml", JSON.stringify({ ...base(), paths: { "/x": { $ref: "other.yaml#/x" } } })),
        old,
      ).code,
    ).toBe(2);
    expect(run(old).code).toBe(2);
    expect(run(old, now, "--yaml").code).toBe(2);
    expect(run("--help").code).toBe(0);
  });
});
