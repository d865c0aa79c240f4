import type { VendorClientOptions } from "@sessiontrail/core";
import { jsonResponse, printedError, recordingFetch, vendorClientSuite } from "@sessiontrail/test-utils";
import { describe, expect, it } from "vitest";
import {
  createDatadogClient,
  type DatadogClient,
  type DatadogClientOptions,
  datadogSites,
  SessionTrailError,
  sessionQuery,
} from "../src/index.ts";
import { createDatadogRawClient } from "../src/raw-client.ts";

const sessionId = "eabb14f7-9c85-4ef4-a456-674988dd69b1";
const applicationKey = "app_test_9d8c7b6a5f4e";
const window = { since: Date.parse("2022-03-01T15:00:00Z"), until: Date.parse("2022-03-01T16:00:00Z") };
const query = { sessionId, ...window };

const call = (client: DatadogClient) =>
  client.POST("/api/v2/rum/events/search", {
    body: {
      filter: {
        query: sessionQuery(sessionId),
        from: "2022-03-01T15:00:00.000Z",
        to: "2022-03-01T16:00:00.000Z",
      },
      sort: "timestamp",
      page: { limit: 1000 },
    },
  });

/** The shared suite knows one key; Datadog reads need the application key too. */
const create = (options: VendorClientOptions) => createDatadogClient({ ...options, applicationKey });

vendorClientSuite({
  vendor: "datadog",
  create,
  createRaw: (options) => createDatadogRawClient({ ...options, applicationKey }),
  servers: datadogSites,
  call,
  events: (client, options) => client.events(query, options),
  page: (client, options) => client.page(query, options),
});

const apiKey = "dd_api_secret_1f2e3d";
const client = (options: Partial<DatadogClientOptions> = {}) =>
  createDatadogClient({ apiKey, applicationKey, ...options });
const requestBody = (request: { body: string } | undefined) => JSON.parse(request?.body ?? "null");
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error as SessionTrailError,
  );

describe("datadog client: the request it sends", () => {
  it("POSTs the session's search with both keys, oldest first, 1000 a page, the window in ISO UTC", async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, { data: [] }));
    await client({ fetch }).events(query).toArray();
    expect(requests).toEqual([
      {
        url: "https://api.datadoghq.com/api/v2/rum/events/search",
        method: "POST",
        headers: {
          "content-type": "application/json",
          "dd-api-key": apiKey,
          "dd-application-key": applicationKey,
        },
        body: JSON.stringify({
          filter: {
            query: '@session.id:"eabb14f7-9c85-4ef4-a456-674988dd69b1"',
            from: "2022-03-01T15:00:00.000Z",
            to: "2022-03-01T16:00:00.000Z",
          },
          sort: "timestamp",
          page: { limit: 1000 },
        }),
      },
    ]);
  });

  it("quotes and escapes the id: a hostile id stays one phrase and adds no search terms", async () => {
    const hostile = 'x" OR @type:* OR @session.id:"y\\';
    expect(sessionQuery(hostile)).toBe('@session.id:"x\\" OR @type:* OR @session.id:\\"y\\\\"');
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, { data: [] }));
    await client({ fetch })
      .events({ sessionId: hostile, ...window })
      .toArray();
    const sent: string = requestBody(requests[0]).filter.query;
    // Unescaped, the sent phrase is the id again: nothing of it was read as search syntax.
    const phrase = sent.slice('@session.id:"'.length, -1);
    expect(phrase.replace(/\\(.)/g, "$1")).toBe(hostile);
    expect(phrase).not.toMatch(/(^|[^\\])(\\\\)*"/);
  });

  it("searches the 30 days before until when no since is given (the API's default is 15 minutes)", async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, { data: [] }));
    await client({ fetch }).events({ sessionId, until: window.until }).toArray();
    expect(requestBody(requests[0]).filter).toMatchObject({
      from: "2022-01-30T16:00:00.000Z",
      to: "2022-03-01T16:00:00.000Z",
    });
    const before = Date.now();
    await client({ fetch }).events({ sessionId }).toArray();
    const { from, to } = requestBody(requests[1]).filter;
    expect(Date.parse(to)).toBeGreaterThanOrEqual(before - 1);
    expect(Date.parse(to) - Date.parse(from)).toBe(30 * 24 * 60 * 60 * 1000);
  });

  it("takes Date windows and a pageSize of 1-1000, refusing the rest before sending", () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, { data: [] }));
    const c = client({ fetch });
    expect(() =>
      c.events({ sessionId, since: new Date(window.since), until: new Date(window.until) }),
    ).not.toThrow();
    for (const [input, options, path] of [
      [{ sessionId: "" }, {}, "sessionId"],
      [{ sessionId, since: window.until, until: window.since }, {}, "until"],
      [{ sessionId, since: Number.NaN }, {}, "since"],
      [query, { pageSize: 1001 }, "pageSize"],
      [query, { pageSize: 0 }, "pageSize"],
    ] as const) {
      const error = (() => {
        try {
          c.events(input as never, options);
        } catch (e) {
          return e as SessionTrailError;
        }
      })();
      expect(error).toBeInstanceOf(SessionTrailError);
      expect(error?.kind).toBe("validation");
      expect(error?.issues.map((i) => i.path)).toContain(path);
    }
    expect(requests).toEqual([]);
  });

  it("sends to the site's API host; refuses an unknown site, and a site with a baseUrl", async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, { data: [] }));
    await client({ fetch, site: "datadoghq.eu" }).events(query).toArray();
    await client({ fetch, site: "us2.ddog-gov.com" }).events(query).toArray();
    expect(requests.map((r) => new URL(r.url).host)).toEqual(["api.datadoghq.eu", "api.us2.ddog-gov.com"]);
    expect(() => client({ site: "evil.example" as never })).toThrow(/site: must be a Datadog site/);
    expect(() => client({ site: "__proto__" as never })).toThrow(/site: must be a Datadog site/);
    expect(() => client({ site: "datadoghq.eu", baseUrl: "https://proxy.example" })).toThrow(/not both/);
  });
});

describe("datadog client: the application key is a secret like the API key", () => {
  it("is required, and refused with control characters", () => {
    for (const bad of [undefined, "", "  ", "app\nkey"]) {
      expect(() => createDatadogClient({ apiKey, applicationKey: bad as string })).toThrow(/applicationKey/);
    }
  });

  it("never appears in an error, a log or the client object", async () => {
    const echo = { errors: [`bad keys ${apiKey} ${applicationKey}`, `${applicationKey}`] };
    for (const status of [400, 403, 429, 500]) {
      const c = client({ fetch: async () => jsonResponse(status, echo) });
      const error = await failure(c.events(query, { retry: false }).toArray());
      expect(error).toBeInstanceOf(SessionTrailError);
      expect(printedError(error)).not.toContain(applicationKey);
      expect(printedError(error)).not.toContain(apiKey);
    }
    expect(JSON.stringify(client())).not.toContain(applicationKey);
  });
});

describe("datadog client: the kinds of Datadog's errors", () => {
  it.each([
    [400, "validation"],
    [403, "forbidden"],
    [429, "rate_limited"],
  ] as const)("%i is a %s error with Datadog's message", async (status, kind) => {
    const c = client({ fetch: async () => jsonResponse(status, { errors: ["Forbidden"] }) });
    const error = await failure(c.events(query, { retry: false }).toArray());
    expect(error).toMatchObject({ kind, status, vendor: "datadog" });
  });
});
