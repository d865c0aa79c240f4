// The one way a vendor client's requests reach the network: every raw call (`client.GET`) and every
// page of `events()` goes through `createTransport`, so limits hold for both. In order: the request's
// URL is checked (a per-call `baseUrl` gets the same check as the client's), the client-side rate
// limit is waited for (with the caller's signal only: the wait is not part of the timeout), then the
// timeout starts and covers headers and body, redirects stay manual, and every body, any status, is
// read within a byte cap, decoded chunk by chunk (a gzip bomb stops at the cap).
import { abortedError, SessionTrailError } from "./errors.ts";
import type { RateLimiter } from "./rate-limit.ts";
import { errorFromThrown } from "./response.ts";

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
  maxResponseBytes: 64 * 1024 * 1024,
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
    const timeoutMs = request.timeoutMs ?? options.timeoutMs;
    const maxBytes = request.maxResponseBytes ?? options.maxResponseBytes;
    const timer = new AbortController();
    const timeout = setTimeout(
      () => timer.abort(new DOMException(`no answer within ${timeoutMs} ms`, "TimeoutError")),
      timeoutMs,
    );
    const signal = AbortSignal.any([caller, timer.signal]);
    // The caller's abort wins over a timeout that fires at the same moment.
    const failure = (thrown: unknown) =>
      caller.aborted
        ? abortedError(vendor, caller)
        : errorFromThrown(vendor, timer.signal.aborted ? timer.signal.reason : thrown);
    let response: Response;
    try {
      // A per-call `redirect: "follow"` would carry the key to wherever the vendor points.
      const sent = request.redirect === "manual" ? request : new Request(request, { redirect: "manual" });
      response = await untilAbort(options.fetch(sent, { signal }), signal, () => failure(signal.reason));
    } catch (thrown) {
      clearTimeout(timeout);
      throw failure(thrown);
    }
    if (response.body === null || NULL_BODY_STATUSES.has(response.status)) {
      clearTimeout(timeout);
      return response;
    }
    if (!response.ok) return readErrorBody(response, signal, failure, () => clearTimeout(timeout));
    const declared = Number(response.headers.get("content-length") ?? Number.NaN);
    if (declared > maxBytes) {
      clearTimeout(timeout);
      await response.body.cancel().catch(() => {});
      throw tooLarge(vendor, response.status, maxBytes);
    }
    return withBody(
      response,
      limitedBody(response.body, signal, maxBytes, {
        failure,
        tooLarge: () => tooLarge(vendor, response.status, maxBytes),
        done: () => clearTimeout(timeout),
      }),
    );
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

/** A response like `response` but with another body; its URL is kept for callers that read it. */
function withBody(response: Response, body: BodyInit): Response {
  const copy = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  Object.defineProperty(copy, "url", { value: response.url });
  return copy;
}

interface BodyHooks {
  failure: (thrown: unknown) => SessionTrailError;
  tooLarge: () => SessionTrailError;
  done: () => void;
}

/**
 * The body as a stream that fails with a typed error once it passes `maxBytes` (decoded bytes, so a
 * compressed bomb stops at the cap), when `signal` aborts (the caller or the timeout), or when the
 * connection drops. `done` runs once, however the body ends.
 */
function limitedBody(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  maxBytes: number,
  hooks: BodyHooks,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let size = 0;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    signal.removeEventListener("abort", onAbort);
    hooks.done();
  };
  let fail: ((error: unknown) => void) | undefined;
  const onAbort = () => {
    reader.cancel().catch(() => {});
    fail?.(hooks.failure(signal.reason));
  };
  signal.addEventListener("abort", onAbort, { once: true });
  return new ReadableStream<Uint8Array>({
    start(controller) {
      fail = (error) => {
        finish();
        controller.error(error);
      };
      if (signal.aborted) onAbort();
    },
    async pull(controller) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (thrown) {
        if (!finished) fail?.(hooks.failure(thrown));
        return;
      }
      if (finished) return;
      if (chunk.done) {
        finish();
        controller.close();
        return;
      }
      size += chunk.value.byteLength;
      if (size > maxBytes) {
        reader.cancel().catch(() => {});
        fail?.(hooks.tooLarge());
        return;
      }
      controller.enqueue(chunk.value);
    },
    cancel(reason) {
      finish();
      return reader.cancel(reason);
    },
  });
}

/**
 * An error response with its body cut to `errorBodyBytes`: enough for the vendor's message and an
 * excerpt. A body that stalls or drops is read as far as it came.
 */
async function readErrorBody(
  response: Response,
  signal: AbortSignal,
  failure: (thrown: unknown) => SessionTrailError,
  done: () => void,
): Promise<Response> {
  const limit = requestDefaults.errorBodyBytes;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const body = limitedBody(response.body as ReadableStream<Uint8Array>, signal, Number.POSITIVE_INFINITY, {
    failure,
    tooLarge: () => failure(undefined),
    done,
  });
  const reader = body.getReader();
  try {
    while (size < limit) {
      const { done: end, value } = await reader.read();
      if (end) break;
      chunks.push(value.byteLength > limit - size ? value.subarray(0, limit - size) : value);
      size += value.byteLength;
    }
  } catch (thrown) {
    // The caller's abort is the caller's; any other failure still leaves the status to report.
    if (thrown instanceof SessionTrailError && thrown.kind === "aborted") throw thrown;
  } finally {
    reader.cancel().catch(() => {});
    done();
  }
  const bytes = new Uint8Array(Math.min(size, limit));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return withBody(response, bytes);
}
