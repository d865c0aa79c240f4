// The logger of clients with events(), and the vendor's request id on errors, against a node:http
// fault server on 127.0.0.1: one record per request, response, retry, wait and page, in order, with
// the numbers on-call reads, and never a key, in a record or an error.
import { type Fault, type FaultServer, startFaultServer } from "@sessiontrail/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import {
  createVendorClient,
  type LogRecord,
  newEvent,
  normalizeEvents,
  type RateLimit,
  readJson,
  type SessionSource,
  SessionTrailError,
  sessionReads,
  sessionRuntime,
} from "../src/index.ts";

/** A one-operation API, as openapi-typescript would write it. */
interface TestPaths {
  "/sessions/{id}/events": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { query?: { page?: number }; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: { "application/json": { items: { t: number; name: string }[]; total: number } };
        };
      };
    };
  };
}

const KEY = "sk_live_logger_9f8e7d6c5b4a";

/** A paged test vendor built the way vendor packages build theirs, logging into `records`. */
function testClient(server: FaultServer, records: LogRecord[], rateLimit: RateLimit | false = false) {
  const options = {
    apiKey: KEY,
    baseUrl: server.url,
    rateLimit,
    logger: (record: LogRecord) => records.push(record),
  };
  const client = createVendorClient<TestPaths>(
    {
      vendor: "test",
      baseUrl: "https://api.test.example",
      authHeader: (key) => ["Authorization", `Bearer ${key}`],
    },
    options,
    sessionRuntime,
  );
  const source = (query: { id: string }): SessionSource => ({
    vendor: "test",
    paged: true,
    pageSize: 2,
    request: (page, request) =>
      client.GET("/sessions/{id}/events", {
        params: { path: { id: query.id }, query: { page } },
        parseAs: "stream",
        ...request,
      }),
    read(body, normalize) {
      const { items, total } = body as { items: { t: number; name: string }[]; total: number };
      const events = normalizeEvents("test", items, normalize, {
        event: (item) => newEvent("test", "", "custom", item.name, item.t, {}),
        identity(_item, event, hash) {
          hash.number(event.timestamp);
        },
      });
      return { events, count: items.length, total };
    },
  });
  return Object.assign(client, sessionReads("test", source, options));
}

const page = (n: number, total = 3): Fault => ({
  json: {
    items:
      n === 1
        ? [
            { t: 1, name: "a" },
            { t: 2, name: "b" },
          ]
        : [{ t: 3, name: "c" }],
    total,
  },
  headers: { "x-request-id": `req-${n}` },
});

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The records without their durations, which vary. */
const shapes = (records: LogRecord[]) =>
  records.map((record) => {
    const { durationMs, ...rest } = record as LogRecord & { durationMs?: number };
    if (durationMs !== undefined) expect(durationMs).toBeGreaterThanOrEqual(0);
    return rest;
  });

describe("logger", () => {
  it("records each request, response and page of a read, in order, with the request ids", async () => {
    server = await startFaultServer((r) => page(r.url.includes("page=2") ? 2 : 1));
    const records: LogRecord[] = [];
    const events = await testClient(server, records).events({ id: "s1" }).toArray();
    expect(events.map((e) => e.name)).toEqual(["a", "b", "c"]);
    const base = { vendor: "test", method: "GET", path: "/sessions/s1/events", attempt: 1 };
    expect(shapes(records)).toEqual([
      { type: "request", ...base },
      { type: "response", ...base, status: 200, requestId: "req-1" },
      { type: "page", vendor: "test", page: 1, events: 2, total: 3, more: true },
      { type: "request", ...base },
      { type: "response", ...base, status: 200, requestId: "req-2" },
      { type: "page", vendor: "test", page: 2, events: 1, total: 3, more: false },
    ]);
  });

  it("records a retry, its Retry-After wait and the second attempt", async () => {
    server = await startFaultServer((r) =>
      r.n === 0
        ? { json: { message: "slow down" }, status: 429, headers: { "retry-after": "0" } }
        : page(1, 2),
    );
    const records: LogRecord[] = [];
    await testClient(server, records).events({ id: "s1" }).toArray();
    expect(shapes(records).map((r) => `${r.type}${"attempt" in r ? ` ${r.attempt}` : ""}`)).toEqual([
      "request 1",
      "response 1",
      "retry 1",
      "wait",
      "request 2",
      "response 2",
      "page",
    ]);
    expect(records.find((r) => r.type === "retry")).toMatchObject({
      kind: "rate_limited",
      status: 429,
      waitMs: 0,
    });
    expect(records.find((r) => r.type === "wait")).toMatchObject({ reason: "retry_after", waitMs: 0 });
  });

  it("records a client-side rate-limit wait, and a timeout as an error record", async () => {
    server = await startFaultServer((r) => (r.n === 2 ? { delayMs: 500, after: page(1, 2) } : page(1, 2)));
    const records: LogRecord[] = [];
    const client = testClient(server, records, { requests: 1, perMs: 600 });
    await client.events({ id: "s1" }).toArray();
    await client.events({ id: "s1" }).toArray();
    const wait = records.find((r) => r.type === "wait");
    expect(wait).toMatchObject({ reason: "rate_limit", method: "GET", path: "/sessions/s1/events" });
    expect((wait as { waitMs: number }).waitMs).toBeGreaterThan(200);
    const failed = await client
      .events({ id: "s1" }, { timeoutMs: 100, retry: false })
      .toArray()
      .catch((e: unknown) => e as SessionTrailError);
    expect(failed).toMatchObject({ kind: "timeout" });
    expect(records.at(-1)).toMatchObject({ type: "error", kind: "timeout", attempt: 1 });
  });

  it("never records a key, not even in a path that holds one, and survives a logger that throws", async () => {
    server = await startFaultServer(() => page(1, 2));
    const records: LogRecord[] = [];
    await testClient(server, records).events({ id: KEY }).toArray();
    expect(records.length).toBeGreaterThan(0);
    expect(JSON.stringify(records)).not.toContain(KEY);
    expect(records[0]).toMatchObject({ path: "/sessions/[REDACTED]/events" });
    const client = createVendorClient<TestPaths>(
      { vendor: "test", baseUrl: server.url, authHeader: (key) => ["Authorization", `Bearer ${key}`] },
      {
        apiKey: KEY,
        baseUrl: server.url,
        logger: () => {
          throw new Error("a broken logger");
        },
      },
      sessionRuntime,
    );
    const { data } = await client.GET("/sessions/{id}/events", { params: { path: { id: "s1" } } });
    expect(data?.items).toHaveLength(2);
  });
});

describe("request ids", () => {
  it("puts the vendor's request id on the error of a response, after retries too", async () => {
    server = await startFaultServer(() => ({
      json: { message: "boom" },
      status: 503,
      headers: { "x-request-id": "req-503" },
    }));
    const client = testClient(server, []);
    const error = await client
      .events({ id: "s1" }, { retry: { maxAttempts: 2, baseDelayMs: 1 } })
      .toArray()
      .catch((e: unknown) => e as SessionTrailError);
    expect(error).toBeInstanceOf(SessionTrailError);
    expect(error).toMatchObject({ kind: "server", status: 503, attempts: 2, requestId: "req-503" });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ requestId: "req-503" });
  });

  it("reads cf-ray when the vendor sends no x-request-id, and masks a key in it", async () => {
    server = await startFaultServer((r) => ({
      json: { message: "nope" },
      status: 404,
      headers: { "cf-ray": r.n === 0 ? "8a1b2c3d4e5f-AMS" : `echo-${KEY}` },
    }));
    const client = testClient(server, []);
    const first = await client.page({ id: "s1" }).catch((e: unknown) => e as SessionTrailError);
    expect(first).toMatchObject({ kind: "not_found", requestId: "8a1b2c3d4e5f-AMS" });
    const second = await client.page({ id: "s1" }).catch((e: unknown) => e as SessionTrailError);
    expect((second as SessionTrailError).requestId).toBe("echo-[REDACTED]");
  });

  it("has none for an error that came from no response", async () => {
    const error = await readJson("test", () => Promise.reject(new TypeError("bad header"))).catch(
      (e: unknown) => e as SessionTrailError,
    );
    expect(error).toMatchObject({ kind: "validation" });
    expect((error as SessionTrailError).requestId).toBeUndefined();
  });
});
