// The fault-injection suite every paginating vendor runs: a real node:http server on 127.0.0.1
// serves a session page by page and misbehaves on cue. The stream must yield exactly the whole
// session, in order, once, or fail with the right error kind; never half a session silently.
import {
  type EventStream,
  type EventStreamOptions,
  mergeTimelines,
  type RateLimit,
  type SessionEvent,
} from "@sessiontrail/core";
import { afterEach, describe, expect, it } from "vitest";
import { type Fault, type FaultRequest, type FaultServer, startFaultServer } from "./fault-server.ts";

export interface PagingAdapter {
  vendor: string;
  /** The session stream of a client whose base URL is the fault server. */
  stream(baseUrl: string, options: EventStreamOptions, rateLimit?: RateLimit | false): EventStream;
  /** The page and page size a request asks for. */
  pageOf(request: FaultRequest): { page: number; limit: number };
  /**
   * The vendor's 200 body for page `page` holding `events`, with paging fields saying the session
   * has `total` events and pages of `limit` (so more follow while `page * limit < total`).
   */
  bodyOf(events: unknown[], page: number, limit: number, total: number): unknown;
  /** The body with its paging field (OpenReplay `data.total`, Hardal `hasMore`) set; `undefined` removes it. */
  withPaging(body: unknown, value: unknown): unknown;
  /** The raw event without its vendor id, as a vendor without ids would send it. */
  withoutId(raw: unknown): unknown;
  /** The vendor's raw event number `i` (unique id, ascending time). */
  event(i: number): unknown;
  /** The vendor's own id of a normalized event. */
  rawId(event: SessionEvent): string;
  /** The vendor's own id of a raw event. */
  idOf(raw: unknown): string;
}

const PAGE = 10;
const TOTAL = 35; // four pages, the last one short
// Fast retries keep the suite short; the waits they schedule are still real timers. Timeouts are
// 500 ms against stalls of 3 s: a loaded 2-core machine must not time out the healthy pages.
const fast = { retry: { baseDelayMs: 5, maxDelayMs: 20 }, pageSize: PAGE } satisfies EventStreamOptions;

export function resilienceSuite(adapter: PagingAdapter): void {
  const body = (events: unknown[], page: number, limit: number) =>
    adapter.bodyOf(events.slice((page - 1) * limit, page * limit), page, limit, events.length);
  const all = Array.from({ length: TOTAL }, (_, i) => adapter.event(i));
  const allIds = all.map((raw) => adapter.idOf(raw));
  let server: FaultServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** Serves the session; `fault(request, page, attempt)` may replace the page with a misbehaviour. */
  async function serve(
    fault: (request: FaultRequest, page: number, attempt: number) => Fault | undefined = () => undefined,
    delayMs = 0,
  ): Promise<FaultServer> {
    const attempts = new Map<number, number>();
    server = await startFaultServer((request) => {
      const { page, limit } = adapter.pageOf(request);
      const attempt = (attempts.get(page) ?? 0) + 1;
      attempts.set(page, attempt);
      const answer = fault(request, page, attempt) ?? { json: body(all, page, limit) };
      return delayMs > 0 ? { delayMs, after: answer } : answer;
    });
    return server;
  }

  const pagesAsked = (s: FaultServer) => s.requests.map((r) => adapter.pageOf(r).page);
  const failure = (stream: EventStream) =>
    stream.toArray().then(
      () => {
        throw new Error("expected the stream to fail");
      },
      (error: unknown) => error as Record<string, unknown>,
    );

  describe(`${adapter.vendor} stream under faults (fault server on 127.0.0.1)`, () => {
    it("reads every page once, in order, sequentially by default", async () => {
      const s = await serve();
      const events = await adapter.stream(s.url, fast).toArray();
      expect(events.map(adapter.rawId)).toEqual(allIds);
      expect(pagesAsked(s)).toEqual([1, 2, 3, 4]);
      expect(s.maxInFlight).toBe(1);
    });

    it("fetches pages ahead with concurrency, never more than asked, and keeps the order", async () => {
      const s = await serve(undefined, 40);
      const events = await adapter.stream(s.url, { ...fast, concurrency: 3 }).toArray();
      expect(events.map(adapter.rawId)).toEqual(allIds);
      expect(pagesAsked(s).sort()).toEqual([1, 2, 3, 4]);
      expect(s.maxInFlight).toBe(3);
    });

    it("stops at maxEvents and cancels the pages fetched ahead", async () => {
      const s = await serve(undefined, 20);
      const events = await adapter.stream(s.url, { ...fast, concurrency: 4, maxEvents: 12 }).toArray();
      expect(events.map(adapter.rawId)).toEqual(allIds.slice(0, 12));
    });

    it("waits out a 429's Retry-After: 0 and goes on", async () => {
      const s = await serve((_r, page, attempt) =>
        page === 2 && attempt === 1
          ? { status: 429, json: { error: "slow down" }, headers: { "retry-after": "0" } }
          : undefined,
      );
      const events = await adapter.stream(s.url, fast).toArray();
      expect(events.map(adapter.rawId)).toEqual(allIds);
      expect(pagesAsked(s)).toEqual([1, 2, 2, 3, 4]);
    });

    it("fails at once with rate_limited when Retry-After is beyond the cap", async () => {
      const s = await serve((_r, page) =>
        page === 2 ? { status: 429, json: {}, headers: { "retry-after": "3600" } } : undefined,
      );
      const started = Date.now();
      const error = await failure(adapter.stream(s.url, fast));
      expect(error).toMatchObject({ kind: "rate_limited", status: 429, retryAfterMs: 3_600_000 });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(pagesAsked(s)).toEqual([1, 2]);
    });

    it("retries a burst of 503s with backoff and yields the whole session", async () => {
      const s = await serve((_r, page, attempt) =>
        page === 3 && attempt <= 2 ? { status: 503, text: "upstream busy", headers: {} } : undefined,
      );
      const events = await adapter.stream(s.url, fast).toArray();
      expect(events.map(adapter.rawId)).toEqual(allIds);
      expect(pagesAsked(s)).toEqual([1, 2, 3, 3, 3, 4]);
    });

    it("gives up on a lasting 5xx after maxAttempts with kind server and the body's excerpt", async () => {
      const s = await serve((_r, page) =>
        page === 2 ? { status: 502, text: "<html>bad gateway</html>" } : undefined,
      );
      const error = await failure(
        adapter.stream(s.url, { ...fast, retry: { ...fast.retry, maxAttempts: 3 } }),
      );
      expect(error).toMatchObject({ kind: "server", status: 502 });
      expect(String(error.bodyExcerpt)).toContain("bad gateway");
      expect(pagesAsked(s)).toEqual([1, 2, 2, 2]);
    });

    it("times out slow headers, retries, and succeeds when the server recovers", async () => {
      const s = await serve((_r, page, attempt) =>
        page === 2 && attempt === 1 ? { delayMs: 3_000, after: { json: {} } } : undefined,
      );
      const events = await adapter.stream(s.url, { ...fast, timeoutMs: 500 }).toArray();
      expect(events.map(adapter.rawId)).toEqual(allIds);
    });

    it("fails with kind timeout when a body stalls past the timeout on every attempt", async () => {
      const s = await serve((_r, page, _a) =>
        page === 2 ? { slowBody: body(all, 2, PAGE), sentBytes: 20, stallMs: 3_000 } : undefined,
      );
      const error = await failure(
        adapter.stream(s.url, { ...fast, timeoutMs: 500, retry: { ...fast.retry, maxAttempts: 2 } }),
      );
      expect(error).toMatchObject({ kind: "timeout" });
      expect(pagesAsked(s)).toEqual([1, 2, 2]);
    });

    it("retries a connection reset and a connection cut mid-body", async () => {
      const s = await serve((_r, page, attempt) => {
        if (page === 2 && attempt === 1) return { reset: true };
        if (page === 3 && attempt === 1) return { cutOff: body(all, 3, PAGE), keepBytes: 30 };
        return undefined;
      });
      const events = await adapter.stream(s.url, fast).toArray();
      expect(events.map(adapter.rawId)).toEqual(allIds);
      expect(pagesAsked(s)).toEqual([1, 2, 2, 3, 3, 4]);
    });

    it("fails with kind network when the connection keeps dropping", async () => {
      const s = await serve((_r, page) => (page === 2 ? { reset: true } : undefined));
      const error = await failure(
        adapter.stream(s.url, { ...fast, retry: { ...fast.retry, maxAttempts: 2 } }),
      );
      expect(error).toMatchObject({ kind: "network" });
    });

    it("reports truncated JSON as invalid_response with an excerpt (not retried)", async () => {
      const s = await serve((_r, page) =>
        page === 2 ? { truncated: body(all, 2, PAGE), keepBytes: 40 } : undefined,
      );
      const error = await failure(adapter.stream(s.url, fast));
      expect(error).toMatchObject({ kind: "invalid_response", status: 200 });
      expect(String(error.message)).toMatch(/not valid JSON/);
      expect(String(error.bodyExcerpt).length).toBeGreaterThan(0);
      expect(pagesAsked(s)).toEqual([1, 2]);
    });

    it("reports a 200 that is not JSON (an HTML login page) as invalid_response", async () => {
      const s = await serve((_r, page) =>
        page === 1
          ? { status: 200, text: "<html>Sign in</html>", headers: { "content-type": "text/html" } }
          : undefined,
      );
      const error = await failure(adapter.stream(s.url, fast));
      expect(error).toMatchObject({ kind: "invalid_response", status: 200 });
      expect(String(error.message)).toContain("text/html");
      expect(error.bodyExcerpt).toBe("<html>Sign in</html>");
    });

    it("refuses a body larger than maxResponseBytes, declared or streamed", async () => {
      const huge = {
        json: body(
          Array.from({ length: 2_000 }, (_, i) => adapter.event(i)),
          1,
          2_000,
        ),
      };
      const s = await serve((_r, page) => (page === 1 ? huge : undefined));
      const declared = await failure(adapter.stream(s.url, { ...fast, maxResponseBytes: 50_000 }));
      expect(declared).toMatchObject({ kind: "invalid_response" });
      expect(String(declared.message)).toContain("larger than 50000 bytes");
      await server?.close();
      const t = await serve((_r, page) =>
        page === 1 ? { truncated: huge.json, keepBytes: 10_000_000 } : undefined,
      );
      const streamed = await failure(adapter.stream(t.url, { ...fast, maxResponseBytes: 50_000 }));
      expect(streamed).toMatchObject({ kind: "invalid_response" });
    });

    it("cancels at once when aborted during a Retry-After wait", async () => {
      const s = await serve((_r, page) =>
        page === 2 ? { status: 429, json: {}, headers: { "retry-after": "30" } } : undefined,
      );
      const controller = new AbortController();
      const started = Date.now();
      const pending = failure(adapter.stream(s.url, { ...fast, signal: controller.signal }));
      setTimeout(() => controller.abort(), 100);
      const error = await pending;
      expect(error).toMatchObject({ kind: "aborted" });
      expect(Date.now() - started).toBeLessThan(1_500);
    });

    it("resumes a failed stream from where it stopped: nothing lost, nothing twice", async () => {
      let broken = true;
      const s = await serve((_r, page) => (page === 3 && broken ? { status: 500, json: {} } : undefined));
      const stream = adapter.stream(s.url, { ...fast, retry: false });
      const got: SessionEvent[] = [];
      const error = await (async () => {
        for await (const event of stream) got.push(event);
      })().catch((e: Record<string, unknown>) => e);
      expect(error).toMatchObject({ kind: "server", status: 500 });
      expect(got.map(adapter.rawId)).toEqual(allIds.slice(0, 20));
      expect(stream.position).toEqual({ page: 3, offset: 0 });
      broken = false;
      const rest = await stream.resume().toArray();
      expect([...got, ...rest].map(adapter.rawId)).toEqual(allIds);
    });

    it("resumes mid-page after the reader stopped early", async () => {
      const s = await serve();
      const stream = adapter.stream(s.url, fast);
      const got: SessionEvent[] = [];
      for await (const event of stream) {
        got.push(event);
        if (got.length === 14) break;
      }
      expect(stream.position).toEqual({ page: 2, offset: 4 });
      const rest = await stream.resume().toArray();
      expect([...got, ...rest].map(adapter.rawId)).toEqual(allIds);
    });

    it("keeps every window under the client-side rate limit, even fetching ahead", async () => {
      const s = await serve();
      const limit = { requests: 2, perMs: 300 };
      const events = await adapter.stream(s.url, { ...fast, concurrency: 4 }, limit).toArray();
      expect(events.map(adapter.rawId)).toEqual(allIds);
      const times = s.requests.map((r) => r.at);
      for (let i = limit.requests; i < times.length; i++) {
        // Request i and the one `requests` before it are never in the same window. Times are taken
        // where the server sees them: a first request that opens a connection arrives later than one
        // sent on a warm connection, by up to tens of ms on a loaded machine, hence the slack. A
        // limiter that let a burst through would put them ~0 ms apart.
        expect((times[i] as number) - (times[i - limit.requests] as number)).toBeGreaterThanOrEqual(
          limit.perMs - 80,
        );
      }
    });
  });

  describe(`${adapter.vendor} stream against a vendor that breaks its paging (fault server on 127.0.0.1)`, () => {
    const ids = (events: SessionEvent[]) => events.map(adapter.rawId);

    it("reads every event once when the vendor serves shorter pages than asked", async () => {
      // The vendor pages by 5 whatever the client asks: page numbers still count its own pages.
      const s = await serve((_r, page) => ({ json: body(all, page, 5) }));
      const events = await adapter.stream(s.url, fast).toArray();
      expect(ids(events)).toEqual(allIds);
      expect(pagesAsked(s)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    });

    it("fails, never ends quietly, when short pages leave events out", async () => {
      // Each page holds only the first half of what it should: events 5-9, 15-19, ... never come.
      const s = await serve((_r, page, _a) => {
        const start = (page - 1) * PAGE;
        return { json: adapter.bodyOf(all.slice(start, start + PAGE / 2), page, PAGE, all.length) };
      });
      const error = await failure(adapter.stream(s.url, fast));
      expect(error).toMatchObject({ kind: "invalid_response", vendor: adapter.vendor });
      expect(String(error.message)).toMatch(/of the session's 35 events|empty page/);
    });

    for (const [name, value] of [
      ["missing", undefined],
      ["negative", -1],
      ["a string", "true"],
      ["fractional", 2.5],
    ] as const) {
      it(`fails with invalid_response when the paging field is ${name}`, async () => {
        const s = await serve((_r, page) => ({ json: adapter.withPaging(body(all, page, PAGE), value) }));
        const error = await failure(adapter.stream(s.url, fast));
        expect(error).toMatchObject({ kind: "invalid_response", vendor: adapter.vendor });
        expect(pagesAsked(s)).toEqual([1]);
      });
    }

    it("fails when page 2 repeats page 1, after yielding page 1 once", async () => {
      const s = await serve((_r, page) => ({ json: body(all, page === 2 ? 1 : page, PAGE) }));
      const got: SessionEvent[] = [];
      const error = await (async () => {
        for await (const event of adapter.stream(s.url, fast)) got.push(event);
      })().then(
        () => undefined,
        (e: Record<string, unknown>) => e,
      );
      expect(error).toMatchObject({ kind: "invalid_response" });
      expect(String(error?.message)).toMatch(/page 2: repeats/);
      expect(ids(got)).toEqual(allIds.slice(0, PAGE));
    });

    it("ends a vendor that serves the same page forever with a huge total, in a few requests", async () => {
      const s = await serve(() => ({ json: adapter.bodyOf(all.slice(0, PAGE), 1, PAGE, 1_000_000_000) }));
      const error = await failure(adapter.stream(s.url, { ...fast, concurrency: 4 }));
      expect(error).toMatchObject({ kind: "invalid_response" });
      expect(s.requests.length).toBeLessThanOrEqual(6);
    });

    it("stops at maxPages when the vendor keeps saying more follow", async () => {
      const endless = Array.from({ length: 1_000 }, (_, i) => adapter.event(i));
      const s = await serve((_r, page) => ({ json: body(endless, page, PAGE) }));
      const error = await failure(adapter.stream(s.url, { ...fast, maxPages: 3 }));
      expect(error).toMatchObject({ kind: "invalid_response" });
      expect(String(error.message)).toContain("maxPages");
      expect(pagesAsked(s)).toEqual([1, 2, 3]);
    });

    it("yields a page the vendor sent newest first in time order", async () => {
      const s = await serve((_r, page) => {
        const slice = all.slice((page - 1) * PAGE, page * PAGE).reverse();
        return { json: adapter.bodyOf(slice, page, PAGE, all.length) };
      });
      const events = await adapter.stream(s.url, fast).toArray();
      expect(ids(events)).toEqual(allIds);
    });

    it("fails, naming the page, when a page starts before the one before it ended", async () => {
      // Newest first across pages: page 1 holds the last events, page 2 earlier ones.
      const reversed = [...all].reverse();
      const s = await serve((_r, page) => ({ json: body(reversed, page, PAGE) }));
      const error = await failure(adapter.stream(s.url, fast));
      expect(error).toMatchObject({ kind: "invalid_response" });
      expect(String(error.message)).toMatch(/page 2: starts at .* before page 1 ended/);
    });

    it("gives twins on either side of a page boundary distinct ids, the same on every read", async () => {
      // No vendor ids, and events 9 and 10 are the same action in the same millisecond.
      const twins = all.map((raw, i) => adapter.withoutId(i === 10 ? all[9] : raw));
      const s = await serve((_r, page, _a) => ({ json: body(twins, page, PAGE) }));
      const first = await adapter.stream(s.url, fast).toArray();
      const again = await adapter.stream(s.url, fast).toArray();
      const onePage = await adapter.stream(s.url, { ...fast, pageSize: TOTAL }).toArray();
      expect(first).toHaveLength(TOTAL);
      expect(new Set(first.map((e) => e.id)).size).toBe(TOTAL);
      expect(again.map((e) => e.id)).toEqual(first.map((e) => e.id));
      expect(onePage.map((e) => e.id)).toEqual(first.map((e) => e.id));
      const merged: SessionEvent[] = [];
      for await (const event of mergeTimelines(first)) merged.push(event);
      expect(merged).toHaveLength(TOTAL);
    });

    it("waits for rate-limit slots longer than the timeout without timing out or aborting", async () => {
      const s = await serve();
      const events = await adapter
        .stream(s.url, { ...fast, timeoutMs: 150 }, { requests: 1, perMs: 250 })
        .toArray();
      expect(ids(events)).toEqual(allIds);
      expect(pagesAsked(s)).toEqual([1, 2, 3, 4]);
    });

    it("stops within one event when aborted while a fetched page is being read", async () => {
      const s = await serve();
      const controller = new AbortController();
      const got: SessionEvent[] = [];
      const error = await (async () => {
        for await (const event of adapter.stream(s.url, { ...fast, signal: controller.signal })) {
          got.push(event);
          if (got.length === 3) controller.abort();
        }
      })().then(
        () => undefined,
        (e: Record<string, unknown>) => e,
      );
      expect(error).toMatchObject({ kind: "aborted" });
      expect(got).toHaveLength(3);
    });
  });
}
