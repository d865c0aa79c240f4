// The spec change classifier: one small spec, one edit per test, the exact line it must report.
import { describe, expect, it } from "vitest";
import { diffSpecs, formatChange } from "../spec-diff.ts";
import { loadSpec } from "../spec-examples.ts";
import { vendorSpecs } from "../specs.ts";

// biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document is untyped JSON.
type Json = any;

const OP = "GET /v1/sessions/{id}/events";

function base(): Json {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    servers: [{ url: "https://api.example.com" }, { url: "https://eu.example.com" }],
    security: [{ Key: [] }],
    paths: {
      "/v1/sessions/{id}/events": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        get: {
          parameters: [
            { $ref: "#/components/parameters/Limit" },
            { name: "Program-Id", in: "header", required: false, schema: { type: "string" } },
          ],
          responses: {
            "200": {
              description: "ok",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Page" } } },
            },
            "429": { $ref: "#/components/responses/Limited" },
          },
        },
      },
      "/v1/search": {
        post: {
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/Search" } } },
          },
          responses: { "200": { description: "ok" } },
        },
      },
    },
    components: {
      securitySchemes: { Key: { type: "apiKey", in: "header", name: "X-Key" } },
      parameters: {
        Limit: { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200 } },
      },
      responses: { Limited: { description: "slow down" } },
      schemas: {
        Page: {
          type: "object",
          required: ["events"],
          properties: { events: { type: "array", items: { $ref: "#/components/schemas/Event" } } },
        },
        Event: {
          type: "object",
          required: ["id", "time"],
          properties: {
            id: { type: "string" },
            time: { type: "string", format: "date-time" },
            kind: { type: "string", enum: ["click", "view"] },
            parent: { $ref: "#/components/schemas/Event" },
          },
        },
        Search: {
          type: "object",
          required: ["query"],
          properties: {
            query: { type: "string" },
            order: { type: "string", enum: ["asc", "desc"] },
          },
        },
      },
    },
  };
}

/** The formatted lines of one edit of the base spec. */
function lines(edit: (doc: Json) => void): string[] {
  const after = base();
  edit(after);
  return diffSpecs(base(), after).map((c) => formatChange("acme", c));
}

const schemas = (doc: Json) => doc.components.schemas;
const eventsPath = (doc: Json) => doc.paths["/v1/sessions/{id}/events"];

describe("spec-diff: breaking changes", () => {
  it("no change, no line (also for a recursive schema)", () => {
    expect(lines(() => {})).toEqual([]);
  });

  it("a renamed path is a removed and an added operation", () => {
    expect(
      lines((d) => {
        d.paths["/v1/sessions/{id}/activity"] = eventsPath(d);
        delete d.paths["/v1/sessions/{id}/events"];
      }),
    ).toEqual([
      `acme: BREAKING removed operation ${OP}`,
      "acme: non-breaking added operation GET /v1/sessions/{id}/activity",
    ]);
  });

  it("a removed response field, also through $refs and array items", () => {
    expect(lines((d) => delete schemas(d).Event.properties.kind)).toEqual([
      `acme: BREAKING removed response field events[].kind (${OP}, response 200)`,
    ]);
  });

  it("a removed parameter, and one defined through a $ref", () => {
    expect(lines((d) => eventsPath(d).get.parameters.splice(0, 1))).toEqual([
      `acme: BREAKING removed query parameter limit (${OP})`,
    ]);
  });

  it("a new required parameter; a parameter that became required", () => {
    expect(
      lines((d) =>
        eventsPath(d).get.parameters.push({
          name: "tz",
          in: "query",
          required: true,
          schema: { type: "string" },
        }),
      ),
    ).toEqual([`acme: BREAKING new required query parameter tz (${OP})`]);
    expect(lines((d) => (eventsPath(d).get.parameters[1].required = true))).toEqual([
      `acme: BREAKING header parameter program-id became required (${OP})`,
    ]);
  });

  it("a new required request field", () => {
    expect(
      lines((d) => {
        schemas(d).Search.properties.since = { type: "integer" };
        schemas(d).Search.required.push("since");
      }),
    ).toEqual(["acme: BREAKING added required request field since (POST /v1/search, request body)"]);
  });

  it("a changed type, in a response and in a parameter", () => {
    expect(lines((d) => (schemas(d).Event.properties.id = { type: "integer" }))).toEqual([
      `acme: BREAKING changed type (string → integer) of response field events[].id (${OP}, response 200)`,
    ]);
    expect(lines((d) => (d.components.parameters.Limit.schema = { type: "string" }))).toEqual([
      `acme: BREAKING changed type (integer → string) of query parameter limit (${OP})`,
    ]);
  });

  it("a narrowed request enum; a widened response enum", () => {
    expect(lines((d) => (schemas(d).Search.properties.order.enum = ["asc"]))).toEqual([
      'acme: BREAKING narrowed enum (removed "desc") of request field order (POST /v1/search, request body)',
    ]);
    expect(lines((d) => schemas(d).Event.properties.kind.enum.push("scroll"))).toEqual([
      `acme: BREAKING widened enum (added "scroll") of response field events[].kind (${OP}, response 200)`,
    ]);
  });

  it("a tighter request limit", () => {
    expect(lines((d) => (d.components.parameters.Limit.schema.maximum = 100))).toEqual([
      `acme: BREAKING tightened maximum (200 → 100) of query parameter limit (${OP})`,
    ]);
  });

  it("a response field that is no longer required", () => {
    expect(lines((d) => (schemas(d).Event.required = ["id"]))).toEqual([
      `acme: BREAKING response field events[].time (${OP}, response 200) became optional`,
    ]);
  });

  it("changed auth: another scheme, or the same scheme name with another header", () => {
    expect(
      lines((d) => {
        d.components.securitySchemes.Bearer = { type: "http", scheme: "bearer" };
        d.security = [{ Bearer: [] }];
      }),
    ).toContain(`acme: BREAKING changed auth of ${OP}: Key (apiKey header X-Key) → Bearer (http bearer)`);
    expect(lines((d) => (d.components.securitySchemes.Key.name = "Authorization"))).toContain(
      `acme: BREAKING changed auth of ${OP}: Key (apiKey header X-Key) → Key (apiKey header Authorization)`,
    );
  });

  it("a removed server and a removed success response", () => {
    expect(lines((d) => d.servers.pop())).toEqual(["acme: BREAKING removed server https://eu.example.com"]);
    expect(lines((d) => delete d.paths["/v1/search"].post.responses["200"])).toEqual([
      "acme: BREAKING removed response 200 (POST /v1/search)",
    ]);
  });
});

describe("spec-diff: non-breaking changes", () => {
  it("an added optional response field", () => {
    expect(lines((d) => (schemas(d).Event.properties.url = { type: "string" }))).toEqual([
      `acme: non-breaking added optional response field events[].url (${OP}, response 200)`,
    ]);
  });

  it("an added optional parameter and request field, a relaxed limit, a widened request enum", () => {
    expect(
      lines((d) => {
        eventsPath(d).get.parameters.push({ name: "tz", in: "query", schema: { type: "string" } });
        schemas(d).Search.properties.limit = { type: "integer" };
        d.components.parameters.Limit.schema.maximum = 500;
        schemas(d).Search.properties.order.enum.push("random");
      }),
    ).toEqual([
      `acme: non-breaking relaxed maximum (200 → 500) of query parameter limit (${OP})`,
      `acme: non-breaking added optional query parameter tz (${OP})`,
      'acme: non-breaking widened enum (added "random") of request field order (POST /v1/search, request body)',
      "acme: non-breaking added optional request field limit (POST /v1/search, request body)",
    ]);
  });

  it("a removed error response, an added server", () => {
    expect(
      lines((d) => {
        delete eventsPath(d).get.responses["429"];
        d.servers.push({ url: "https://us.example.com" });
      }),
    ).toEqual([
      "acme: non-breaking added server https://us.example.com",
      `acme: non-breaking removed response 429 (${OP})`,
    ]);
  });

  it("an allOf wrapper around a $ref equals the bare $ref", () => {
    expect(
      lines((d) => {
        schemas(d).Page.properties.events.items = { allOf: [{ $ref: "#/components/schemas/Event" }] };
      }),
    ).toEqual([]);
  });
});

it("every spec in the repo compares equal to itself", () => {
  for (const { vendor } of vendorSpecs()) {
    expect(diffSpecs(loadSpec(vendor), loadSpec(vendor)), vendor).toEqual([]);
  }
});
