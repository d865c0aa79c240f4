// The one way a vendor client's requests reach the network: every raw call (`client.GET`) and every
// page of `events()` goes through `createTransport`, so limits hold for both. In order: the request's
// URL is checked (a per-call `baseUrl` gets the same check as the client's), the client-side rate
// limit is waited for (with the caller's signal only: the wait is not part of the timeout), then the
// timeout starts and covers headers and body, redirects stay manual, and every body, any status, is
// read within a byte cap, decoded chunk by chunk (a gzip bomb stops at the cap).

import type { TransportBase } from "./client.ts";
import { abortedError, SessionTrailError } from "./errors.ts";
import type { Logger } from "./log.ts";
import type { RateLimiter } from "./rate-limit.ts";
import { redactSecrets } from "./redact.ts";
import { DEFAULT_MAX_RESPONSE_BYTES, errorFromThrown, RECEIVED, type Received } from "./response.ts";

/** Limits of one request. Set per client (`createXClient({ timeoutMs })`) or per call (`client.GET(path, { timeoutMs })`). */
export interface RequestLimits {
  /** Time limit of the request, headers and body, from the moment it is sent (default 30 s). */
  timeoutMs?: number | undefined;
  /** The largest 2xx body read (default 64 MiB); a larger one fails with `invalid_response`. */
  maxResponseBytes?: number | undefined;
}

/** Raw clients read this one default alone, so that their bundles do not carry the table below. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The defaults of every request: written once, where a reader looks for them. */
export const requestDefaults = {
  /** Time limit of a request when neither the client nor the call sets `timeoutMs`: 30 s. */
  timeoutMs: DEFAULT_TIMEOUT_MS,
  /** The largest 2xx body read when neither the client nor the call sets `maxResponseBytes`: 64 MiB. */
  maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
  /** Error bodies are read only this far: an excerpt and the vendor's message fit, a bomb does not. */
  errorBodyBytes: 64 * 1024,
} as const;

/**
 * Where vendors put the id of a request, in the order looked at. None of the vendors' docs names
 * one; these are the names their hosting (AWS, Cloudflare) and most APIs use.
 */
export const requestIdHeaders: readonly string[] = /* @__PURE__ */ Object.freeze([
  "x-request-id",
  "request-id",
  "x-amzn-requestid",
  "x-amz-request-id",
  "cf-ray",
]);

/** What `events()` and `page()` ask of the transport per request, besides the limits. */
export interface ReadOptions {
  /** The attempt this request is (1 for the first), for log records. */
  attempt?: number | undefined;
  /**
   * Keep the read body as bytes on the response (`receivedOf`) rather than in a new Response
   * around them: building that Response cost a fifth of a one-page read. Only for callers that read
   * the body through `receivedOf`; the response's own body is spent.
   */
  holdBody?: boolean | undefined;
}

/**
 * What `createTransport` is built from: the client's `TransportBase`, and the rate limiter, byte cap,
 * request-id headers and logger of clients with `events()`.
 */
export interface TransportOptions extends TransportBase {
  /** Whether `fetch` is the platform's own (no `fetch` in the client options), which honours its signal. */
  platformFetch?: boolean | undefined;
  /** The key's shared rate limiter, waited on before each request; none when throttling is off. */
  limiter?: RateLimiter | undefined;
  /** The largest 2xx body read when the call sets no `maxResponseBytes`: the client's, else 64 MiB. */
  maxResponseBytes: number;
  /** Response headers that carry the vendor's request id (default `requestIdHeaders`). */
  requestIdHeaders?: readonly string[] | undefined;
  /** The client's logger, told of each request, response, failure and rate-limit wait. */
  log?: Logger | undefined;
}

type SentRequest = Request & RequestLimits & ReadOptions;

/** The fetch every vendor client is built with; see the top of this file. */
export function createTransport(options: TransportOptions): (request: Request) => Promise<Response> {
  const { vendor, limiter, log } = options;
  const prefix = `${options.baseUrl}/`;
  const idHeaders = options.requestIdHeaders ?? requestIdHeaders;
  return async (input: Request) => {
    const request = input as SentRequest;
    const { url, method, signal: caller, attempt = 1 } = request;
    if (!url.startsWith(prefix)) options.checkUrl(url);
    // The path alone: a query can hold user ids, and no record needs them.
    const path = log ? redactSecrets(new URL(url).pathname) : "";
    if (limiter) {
      const waitMs = await limiter.acquire(vendor, caller);
      if (waitMs > 0) log?.({ type: "wait", vendor, reason: "rate_limit", waitMs, method, path });
    }
    if (caller.aborted) throw abortedError(vendor, caller);
    const timeoutMs = request.timeoutMs ?? options.timeoutMs;
    const maxBytes = request.maxResponseBytes ?? options.maxResponseBytes;
    log?.({ type: "request", vendor, method, path, attempt });
    const started = Date.now();
    // One controller ends the request, for the caller's abort or the timeout: a listener costs less
    // per request than AbortSignal.any, and the timer is cleared as soon as the body is read.
    const ended = new AbortController();
    const { signal } = ended;
    const onCallerAbort = () => ended.abort(caller.reason);
    caller.addEventListener("abort", onCallerAbort, { once: true });
    const timer = setTimeout(
      () => ended.abort(new DOMException(`no answer within ${timeoutMs} ms`, "TimeoutError")),
      timeoutMs,
    );
    // The caller's abort wins over a timeout that fires at the same moment.
    const failure = (thrown: unknown) =>
      caller.aborted
        ? abortedError(vendor, caller)
        : errorFromThrown(vendor, signal.aborted ? signal.reason : thrown);
    // The platform's fetch ends the request and its body when the signal aborts (the Fetch standard);
    // a fetch given in the options may not, so its promises are raced against the end. The race
    // costs a third of this function's own time, so the platform's fetch goes without it.
    let untilStopped = <T>(promise: Promise<T>) => promise;
    if (!options.platformFetch) {
      const stopped = new Promise<never>((_, reject) =>
        signal.addEventListener("abort", () => reject(failure(signal.reason)), { once: true }),
      );
      stopped.catch(() => {});
      untilStopped = (promise) => Promise.race([promise, stopped]);
    }
    // The response as the caller gets it, tagged with what was learned, and its log record.
    const done = (response: Response, received: Received) => {
      const { status } = response;
      const { requestId } = received;
      log?.({
        type: "response",
        vendor,
        method,
        path,
        attempt,
        status,
        durationMs: Date.now() - started,
        requestId,
      });
      return Object.assign(response, { [RECEIVED]: received });
    };
    try {
      // A per-call `redirect: "follow"` would carry the key to wherever the vendor points.
      const sent = request.redirect === "manual" ? request : new Request(request, { redirect: "manual" });
      const response = await untilStopped(options.fetch(sent, { signal }));
      const { status, headers, body, ok } = response;
      // Read for what may need it, an error or a log record: five header lookups cost a success
      // path without a logger more than the rest of this function.
      const received: Received = ok && !log ? {} : { requestId: requestIdOf(headers, idHeaders) };
      // Statuses whose response has no body: a Response cannot even be built with one.
      if (body === null || [101, 103, 204, 205, 304].includes(status)) return done(response, received);
      const declared = Number(headers.get("content-length") ?? Number.NaN);
      const overCap = () =>
        ok ? tooLarge(vendor, status, maxBytes, requestIdOf(headers, idHeaders)) : undefined;
      if (declared > maxBytes && ok) {
        body.cancel().catch(() => {});
        throw overCap();
      }
      // A body of a declared length, not compressed, cannot grow past that length: read it whole,
      // the common case and the cheapest. Any other body is read chunk by chunk against the cap;
      // an error body is cut there (an excerpt is enough).
      const bytes =
        ok && declared >= 0 && !headers.has("content-encoding")
          ? new Uint8Array(await untilStopped(response.arrayBuffer()))
          : await untilStopped(
              readCapped(body, ok ? maxBytes : requestDefaults.errorBodyBytes, signal, overCap),
            );
      if (ok && request.holdBody) return done(response, { ...received, bytes });
      return done(new Response(bytes, { status, statusText: response.statusText, headers }), received);
    } catch (thrown) {
      const error = thrown instanceof SessionTrailError ? thrown : failure(thrown);
      log?.({
        type: "error",
        vendor,
        method,
        path,
        attempt,
        kind: error.kind,
        durationMs: Date.now() - started,
      });
      throw error;
    } finally {
      clearTimeout(timer);
      caller.removeEventListener("abort", onCallerAbort);
    }
  };
}

/** The vendor's id of a response, from the first of `names` it has. */
function requestIdOf(headers: Headers, names: readonly string[]): string | undefined {
  return names.map((name) => headers.get(name)).find(Boolean) ?? undefined;
}

function tooLarge(vendor: string, status: number, maxBytes: number, requestId?: string): SessionTrailError {
  return new SessionTrailError({
    kind: "invalid_response",
    vendor,
    status,
    message: `response body is larger than ${maxBytes} bytes (maxResponseBytes)`,
    requestId,
  });
}

/**
 * Reads a body within `limit` decoded bytes (a compressed bomb stops at the cap). Past the limit it
 * throws what `overLimit()` returns, or, when that is undefined, keeps what fits. When `signal`
 * aborts, the reader is cancelled here, not left to the fetch: a fetch from the options may not
 * honour its signal once it has returned (the transport also races those against the end).
 */
async function readCapped(
  body: ReadableStream<Uint8Array<ArrayBuffer>>,
  limit: number,
  signal: AbortSignal,
  overLimit: () => SessionTrailError | undefined,
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  signal.addEventListener("abort", () => reader.cancel().catch(() => {}), { once: true });
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (size + value.byteLength > limit) {
        const error = overLimit();
        if (error) throw error;
        chunks.push(value.subarray(0, limit - size));
        size = limit;
        break;
      }
      chunks.push(value);
      size += value.byteLength;
    }
  } catch (thrown) {
    // An error body that breaks off still has a status to report.
    if (thrown instanceof SessionTrailError || overLimit() !== undefined) throw thrown;
  } finally {
    reader.cancel().catch(() => {});
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
