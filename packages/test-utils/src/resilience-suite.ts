// The fault-injection suite every paginating vendor runs: a real node:http server on 127.0.0.1
// serves a session page by page and misbehaves on cue. The stream must yield exactly the whole
// session, in order, once, or fail with the right error kind; never half a session silently.
import type { EventStream, EventStreamOptions, RateLimit, SessionEvent } from "@sessiontrail/core";
import { afterEach, describe, expect, it } from "vitest";
import { type Fault, type FaultRequest, type FaultServer, startFaultServer } from "./fault-server.ts";

export interface PagingAdapter {
  vendor: string;
  /** The session stream of a client whose base URL is the fault server. */
  stream(baseUrl: string, options: EventStreamOptions, rateLimit?: RateLimit | false): EventStream;
  /** The page and page size a request asks for. */
  pageOf(request: FaultRequest): { page: number; limit: number };
  /** The vendor's 200 body for one page of `all`. */
  body(all: unknown[], page: number, limit: number): unknown;
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
      const answer = fault(request, page, attempt) ?? { json: adapter.body(all, page, limit) };
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
        page === 2 ? { slowBody: adapter.body(all, 2, PAGE), sentBytes: 20, stallMs: 3_000 } : undefined,
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
        if (page === 3 && attempt === 1) return { cutOff: adapter.body(all, 3, PAGE), keepBytes: 30 };
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
        page === 2 ? { truncated: adapter.body(all, 2, PAGE), keepBytes: 40 } : undefined,
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
        json: adapter.body(
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
        // Request i and the one `requests` before it are never in the same window (+5 ms clock slack).
        expect((times[i] as number) - (times[i - limit.requests] as number)).toBeGreaterThanOrEqual(
          limit.perMs - 5,
        );
      }
    });
  });
}
