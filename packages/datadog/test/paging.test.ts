// Datadog pages by cursor (`meta.page.after`), which the shared resilienceSuite (page numbers,
// fetch-ahead, a numeric paging field) does not model: these are its cases for a cursor, against
// the same fault server on 127.0.0.1.
import type { EventStreamOptions, SessionEvent } from "@sessiontrail/core";
import { type Fault, type FaultRequest, type FaultServer, startFaultServer } from "@sessiontrail/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { createDatadogClient } from "../src/index.ts";

const sessionId = "eabb14f7-9c85-4ef4-a456-674988dd69b1";
const window = { since: Date.parse("2026-11-01T00:00:00Z"), until: Date.parse("2026-11-02T00:00:00Z") };
const fast = { retry: { baseDelayMs: 5, maxDelayMs: 20 } } satisfies EventStreamOptions;

/** Datadog's raw event number `i`: a click, one second after the one before. */
const rawEvent = (i: number) => ({
  id: `AQAAAZ${String(i).padStart(6, "0")}`,
  type: "rum",
  attributes: {
    timestamp: new Date(window.since + i * 1_000).toISOString(),
    attributes: { type: "action", action: { type: "click", name: `click ${i}` }, session: { id: sessionId } },
  },
});
const all = Array.from({ length: 25 }, (_, i) => rawEvent(i));
const allIds = all.map((e) => e.id);
/** The session in pages of 10, 3 (short, with a cursor), and 12 (the last). */
const pages = [all.slice(0, 10), all.slice(10, 13), all.slice(13)];
const cursorOf = (page: number) => `cur-${page}`;
const bodyOf = (page: number, events = pages[page - 1] ?? [], last = page >= pages.length) => ({
  data: events,
  meta: { status: "done", elapsed: 3, ...(last ? {} : { page: { after: cursorOf(page + 1) } }) },
  // The link Datadog sends beside the cursor: a GET without the filter, never to be followed.
  ...(last ? {} : { links: { next: `/api/v2/rum/events?page%5Bcursor%5D=${cursorOf(page + 1)}` } }),
});

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Asked {
  page: number;
  body: { filter: unknown; sort: string; page: { limit: number; cursor?: string } };
}
const asked = (request: FaultRequest): Asked => {
  const body = JSON.parse(request.body || "{}");
  const cursor: string | undefined = body.page?.cursor;
  return { page: cursor ? Number(cursor.slice(4)) : 1, body };
};

/** Serves the session; `fault(page, attempt)` may replace a page's answer. */
async function serve(fault: (page: number, attempt: number) => Fault | undefined = () => undefined) {
  const attempts = new Map<number, number>();
  server = await startFaultServer((request) => {
    if (!request.url.endsWith("/api/v2/rum/events/search"))
      return { status: 404, json: { errors: ["Not Found"] } };
    const { page } = asked(request);
    const attempt = (attempts.get(page) ?? 0) + 1;
    attempts.set(page, attempt);
    return fault(page, attempt) ?? { json: bodyOf(page) };
  });
  return server;
}

const stream = (baseUrl: string, options: EventStreamOptions = fast) =>
  createDatadogClient({ apiKey: "dd_fault_key", applicationKey: "dd_fault_app_key", baseUrl }).events(
    { sessionId, ...window },
    options,
  );
const rawIds = (events: SessionEvent[]) => events.map((e) => e.id);
const pagesAsked = (s: FaultServer) => s.requests.map((r) => asked(r).page);
const failure = (events: AsyncIterable<SessionEvent>, got: SessionEvent[] = []) =>
  (async () => {
    for await (const event of events) got.push(event);
  })().then(
    () => {
      throw new Error("expected the stream to fail");
    },
    (error: unknown) => error as Record<string, unknown>,
  );

describe("datadog stream: cursor paging (fault server on 127.0.0.1)", () => {
  it("resends the same search with each meta.page.after, past a short page, and never follows links.next", async () => {
    const s = await serve();
    const events = await stream(s.url).toArray();
    expect(rawIds(events)).toEqual(allIds);
    expect(pagesAsked(s)).toEqual([1, 2, 3]);
    expect(s.maxInFlight).toBe(1);
    const [first, ...rest] = s.requests.map((r) => asked(r).body);
    expect(first?.page).toEqual({ limit: 1000 });
    expect(rest.map((b) => b.page)).toEqual([
      { limit: 1000, cursor: "cur-2" },
      { limit: 1000, cursor: "cur-3" },
    ]);
    for (const body of rest) {
      expect(body.filter).toEqual(first?.filter);
      expect(body.sort).toBe("timestamp");
    }
    expect(s.requests.every((r) => r.method === "POST" && r.url === "/api/v2/rum/events/search")).toBe(true);
  });

  it("ends at an empty page even when it carries a cursor, as Datadog's own clients do", async () => {
    const s = await serve((page) =>
      page === 2 ? { json: { data: [], meta: { status: "done", page: { after: "cur-3" } } } } : undefined,
    );
    const events = await stream(s.url).toArray();
    expect(rawIds(events)).toEqual(allIds.slice(0, 10));
    expect(pagesAsked(s)).toEqual([1, 2]);
  });

  it('ends at a page without meta at all ({"data": [...]}, as 2022 answers were)', async () => {
    const s = await serve((page) => (page === 3 ? { json: { data: pages[2] } } : undefined));
    expect(rawIds(await stream(s.url).toArray())).toEqual(allIds);
  });

  it("fails with invalid_response when the cursor does not advance, after yielding page 1 once", async () => {
    // Page 2 answers with the cursor that asked for it: following it would serve page 2 forever.
    const s = await serve((page) =>
      page === 2
        ? { json: { data: pages[1], meta: { status: "done", page: { after: cursorOf(2) } } } }
        : undefined,
    );
    const got: SessionEvent[] = [];
    const error = await failure(stream(s.url), got);
    expect(error).toMatchObject({ kind: "invalid_response", vendor: "datadog" });
    expect(String(error.message)).toMatch(/page 2: the cursor did not advance/);
    expect(rawIds(got)).toEqual(allIds.slice(0, 10));
    expect(pagesAsked(s)).toEqual([1, 2]);
  });

  it.each([
    ["a number", 42],
    ["an empty string", ""],
    ["an object", { next: "cur-2" }],
  ])("fails with invalid_response when meta.page.after is %s", async (_label, after) => {
    const s = await serve((page) =>
      page === 1 ? { json: { data: pages[0], meta: { page: { after } } } } : undefined,
    );
    const error = await failure(stream(s.url));
    expect(error).toMatchObject({ kind: "invalid_response" });
    expect(pagesAsked(s)).toEqual([1]);
  });

  it("stops at maxPages when Datadog keeps sending cursors", async () => {
    const s = await serve((page) => ({
      json: { data: [rawEvent(page)], meta: { page: { after: cursorOf(page + 1) } } },
    }));
    const error = await failure(stream(s.url, { ...fast, maxPages: 3 }));
    expect(error).toMatchObject({ kind: "invalid_response" });
    expect(String(error.message)).toContain("maxPages");
    expect(pagesAsked(s)).toEqual([1, 2, 3]);
  });

  it("resumes a failed stream with the cursor of the page it stopped at: nothing lost, nothing twice", async () => {
    let broken = true;
    const s = await serve((page) =>
      page === 3 && broken ? { status: 500, json: { errors: ["boom"] } } : undefined,
    );
    const first = stream(s.url, { ...fast, retry: false });
    const got: SessionEvent[] = [];
    const error = await failure(first, got);
    expect(error).toMatchObject({ kind: "server", status: 500 });
    expect(rawIds(got)).toEqual(allIds.slice(0, 13));
    broken = false;
    const rest = await first.resume().toArray();
    expect(rawIds([...got, ...rest])).toEqual(allIds);
    expect(asked(s.requests.at(-1) as FaultRequest).body.page.cursor).toBe("cur-3");
  });
});

describe("datadog stream: partial pages (meta.status timeout, warnings)", () => {
  const timeout = (page: number) => ({
    json: {
      ...bodyOf(page, (pages[page - 1] ?? []).slice(0, 1)),
      meta: { status: "timeout", page: { after: "cur-x" } },
    },
  });
  const warned = (page: number) => ({
    json: {
      ...bodyOf(page),
      meta: {
        status: "done",
        warnings: [
          { code: "unknown_index", title: "One or several indexes are missing or invalid", detail: "" },
        ],
      },
    },
  });

  it("asks again for a page that timed out, with the same cursor, and yields the whole session", async () => {
    const s = await serve((page, attempt) => (page === 2 && attempt === 1 ? timeout(page) : undefined));
    const events = await stream(s.url).toArray();
    expect(rawIds(events)).toEqual(allIds);
    expect(pagesAsked(s)).toEqual([1, 2, 2, 3]);
  });

  it("fails with kind timeout when the page keeps timing out: never ends as if complete", async () => {
    const s = await serve((page) => (page === 2 ? timeout(page) : undefined));
    const got: SessionEvent[] = [];
    const error = await failure(stream(s.url, { ...fast, retry: { ...fast.retry, maxAttempts: 3 } }), got);
    expect(error).toMatchObject({ kind: "timeout", vendor: "datadog", status: 200 });
    expect(String(error.message)).toContain('meta.status "timeout"');
    expect(rawIds(got)).toEqual(allIds.slice(0, 10));
    expect(pagesAsked(s)).toEqual([1, 2, 2, 2]);
  });

  it("asks again for a page with warnings, then fails with kind server naming the warning", async () => {
    const once = await serve((page, attempt) => (page === 1 && attempt === 1 ? warned(page) : undefined));
    expect(rawIds(await stream(once.url).toArray())).toEqual(allIds);
    await server?.close();
    const always = await serve((page) => (page === 3 ? warned(page) : undefined));
    const error = await failure(stream(always.url, { ...fast, retry: { ...fast.retry, maxAttempts: 2 } }));
    expect(error).toMatchObject({ kind: "server", code: "unknown_index", status: 200 });
    expect(pagesAsked(always)).toEqual([1, 2, 3, 3]);
  });

  it("fails a partial page at once with retry: false", async () => {
    const s = await serve((page) => (page === 1 ? timeout(page) : undefined));
    const error = await failure(stream(s.url, { retry: false }));
    expect(error).toMatchObject({ kind: "timeout" });
    expect(pagesAsked(s)).toEqual([1]);
  });
});

describe("datadog stream: rate limits (X-RateLimit-Reset, no Retry-After)", () => {
  const limited = (reset: string): Fault => ({
    status: 429,
    json: { errors: ["Too many requests"] },
    headers: {
      "x-ratelimit-limit": "300",
      "x-ratelimit-period": "3600",
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": reset,
      "x-ratelimit-name": "rum_search",
    },
  });

  it("waits X-RateLimit-Reset seconds on a 429 and goes on", async () => {
    const s = await serve((page, attempt) => (page === 2 && attempt === 1 ? limited("1") : undefined));
    const events = await stream(s.url).toArray();
    expect(rawIds(events)).toEqual(allIds);
    expect(pagesAsked(s)).toEqual([1, 2, 2, 3]);
    const [, second, third] = s.requests;
    // Waited about a second (the header), not the millisecond backoff of this test's options.
    expect((third?.at ?? 0) - (second?.at ?? 0)).toBeGreaterThanOrEqual(900);
  });

  it("fails at once with rate_limited when the reset is beyond the cap", async () => {
    const s = await serve((page) => (page === 1 ? limited("3600") : undefined));
    const error = await failure(stream(s.url));
    expect(error).toMatchObject({ kind: "rate_limited", status: 429, retryAfterMs: 3_600_000 });
    expect(pagesAsked(s)).toEqual([1]);
  });
});
