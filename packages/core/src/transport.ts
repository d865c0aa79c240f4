// The one way a vendor client's requests reach the network: every raw call (`client.GET`) and every
// page of `events()` goes through `createTransport`, so limits hold for both. In order: the request's
// URL is checked (a per-call `baseUrl` gets the same check as the client's), the client-side rate
// limit is waited for (with the caller's signal only: the wait is not part of the timeout), then the
// timeout starts and covers headers and body, redirects stay manual, and every body, any status, is
// read within a byte cap, decoded chunk by chunk (a gzip bomb stops at the cap).
import { abortedError, SessionTrailError } from "./errors.ts";
import type { RateLimiter } from "./rate-limit.ts";
import { DEFAULT_MAX_RESPONSE_BYTES, errorFromThrown } from "./response.ts";

/** Limits of one request. Set per client (`createXClient({ timeoutMs })`) or per call (`client.GET(path, { timeoutMs })`). */
export interface RequestLimits {
  /** Time limit of the request, headers and body, from the moment it is sent (default 30 s). */
  timeoutMs?: number | undefined;
  /** The largest 2xx body read (default 64 MiB); a larger one fails with `invalid_response`. */
  maxResponseBytes?: number | undefined;
}

/** The defaults of every request: written once, where a reader looks for them. */
export const requestDefaults = {
  timeoutMs: 30_000,
  maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
  /** Error bodies are read only this far: an excerpt and the vendor's message fit, a bomb does not. */
  errorBodyBytes: 64 * 1024,
} as const;

export interface TransportOptions {
  vendor: string;
  fetch: (request: Request, init?: RequestInit) => Promise<Response>;
  /** Checks a URL the client did not build from its own base (a per-call `baseUrl`). */
  checkUrl: (url: string) => void;
  /** The checked base URL: requests under it skip the URL check. */
  baseUrl: string;
  limiter?: RateLimiter | undefined;
  timeoutMs: number;
  maxResponseBytes: number;
}

type LimitedRequest = Request & RequestLimits;

// Statuses whose response has no body: a Response cannot even be built with one.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** Rejects with `error()` as soon as `signal` aborts; otherwise settles as `promise` does. */
function untilAbort<T>(promise: Promise<T>, signal: AbortSignal, error: () => unknown): Promise<T> {
  if (signal.aborted) return Promise.reject(error());
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(error());
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (thrown) => {
        signal.removeEventListener("abort", onAbort);
        reject(thrown);
      },
    );
  });
}

/** The fetch every vendor client is built with; see the top of this file. */
export function createTransport(options: TransportOptions): (request: Request) => Promise<Response> {
  const { vendor, limiter } = options;
  const prefix = `${options.baseUrl}/`;
  return async (input: Request) => {
    const request = input as LimitedRequest;
    if (!request.url.startsWith(prefix)) options.checkUrl(request.url);
    const caller = request.signal;
    if (limiter) await limiter.acquire(vendor, caller);
    if (caller.aborted) throw abortedError(vendor, caller);
    const timeoutMs = request.timeoutMs ?? options.timeoutMs;
    const maxBytes = request.maxResponseBytes ?? options.maxResponseBytes;
    // One controller ends the request, for the caller's abort or the timeout: a listener costs less
    // per request than AbortSignal.any, and the timer is cleared as soon as the body is read.
    const ended = new AbortController();
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
        : errorFromThrown(vendor, ended.signal.aborted ? ended.signal.reason : thrown);
    try {
      // A per-call `redirect: "follow"` would carry the key to wherever the vendor points.
      const sent = request.redirect === "manual" ? request : new Request(request, { redirect: "manual" });
      const { signal } = ended;
      const response = await untilAbort(options.fetch(sent, { signal }), signal, () =>
        failure(signal.reason),
      );
      if (response.body === null || NULL_BODY_STATUSES.has(response.status)) return response;
      if (!response.ok) {
        const bytes = await readBody(response.body, requestDefaults.errorBodyBytes, signal, failure, "cut");
        return withBody(response, bytes);
      }
      const declared = Number(response.headers.get("content-length") ?? Number.NaN);
      if (declared > maxBytes) {
        await response.body.cancel().catch(() => {});
        throw tooLarge(vendor, response.status, maxBytes);
      }
      // A body of a declared length, not compressed, cannot grow past that length: read it whole,
      // the common case and the cheapest. Any other body is read chunk by chunk against the cap.
      const bytes =
        declared >= 0 && !response.headers.has("content-encoding")
          ? new Uint8Array(await untilAbort(response.arrayBuffer(), signal, () => failure(signal.reason)))
          : await readBody(response.body, maxBytes, signal, failure, () =>
              tooLarge(vendor, response.status, maxBytes),
            );
      return withBody(response, bytes);
    } catch (thrown) {
      throw thrown instanceof SessionTrailError ? thrown : failure(thrown);
    } finally {
      clearTimeout(timer);
      caller.removeEventListener("abort", onCallerAbort);
    }
  };
}

function tooLarge(vendor: string, status: number, maxBytes: number): SessionTrailError {
  return new SessionTrailError({
    kind: "invalid_response",
    vendor,
    status,
    message: `response body is larger than ${maxBytes} bytes (maxResponseBytes)`,
  });
}

/**
 * A response like `response` with its body already read into memory. Its `url` is empty, as for any
 * constructed Response: copying it measured a quarter of the transport's cost per call.
 */
function withBody(response: Response, body: Uint8Array<ArrayBuffer>): Response {
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/**
 * Reads a body within `limit` decoded bytes (a compressed bomb stops at the cap). Past the limit it
 * fails with `overLimit()`, or with `"cut"` keeps what fits (error bodies: an excerpt is enough).
 * Reading stops at once when `signal` aborts (the caller or the timeout): the reader is cancelled
 * here, not left to fetch, which can lose the link to its signal once it has returned.
 */
async function readBody(
  body: ReadableStream<Uint8Array<ArrayBuffer>>,
  limit: number,
  signal: AbortSignal,
  failure: (thrown: unknown) => SessionTrailError,
  overLimit: (() => SessionTrailError) | "cut",
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  const onAbort = () => reader.cancel().catch(() => {});
  signal.addEventListener("abort", onAbort, { once: true });
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  try {
    for (;;) {
      if (signal.aborted) throw failure(signal.reason);
      let chunk: ReadableStreamReadResult<Uint8Array<ArrayBuffer>>;
      try {
        chunk = await reader.read();
      } catch (thrown) {
        // An error body that breaks off still has a status to report.
        if (overLimit === "cut" && !signal.aborted) break;
        throw failure(thrown);
      }
      if (signal.aborted) throw failure(signal.reason);
      if (chunk.done) break;
      const { value } = chunk;
      if (size + value.byteLength > limit) {
        reader.cancel().catch(() => {});
        if (overLimit !== "cut") throw overLimit();
        chunks.push(value.subarray(0, limit - size));
        size = limit;
        break;
      }
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array<ArrayBuffer>;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
