import { type FieldIssue, SessionTrailError, type SessionTrailErrorKind } from "./errors.ts";
import { excerpt } from "./redact.ts";

/** What openapi-fetch returns for a call made with `parseAs: "stream"` (or `"text"`). */
export interface TextResult {
  /**
   * The body: a `ReadableStream` with `parseAs: "stream"`, text with `parseAs: "text"` (openapi-fetch
   * types it as the parsed body either way).
   */
  data?: unknown;
  /**
   * The body of a non-2xx response: parsed when it is JSON, else its text, or the status text when it
   * is empty (openapi-fetch's way).
   */
  error?: unknown;
  /** The response itself, status and headers; the transport's `Received` is on it (`receivedOf`). */
  response: Response;
}

/** What the transport learned of a response: its body, when held (`holdBody`), and the vendor's request id. */
export interface Received {
  /** The 2xx body as read within the byte cap, when the call asked the transport to hold it. */
  bytes?: Uint8Array<ArrayBuffer>;
  /**
   * The vendor's id of the request, from the first request-id header it sent; read for errors and
   * log records only.
   */
  requestId?: string | undefined;
}

export const RECEIVED = Symbol("sessiontrail.received");

/** What the client's transport learned of a response it returned (undefined for any other response). */
export const receivedOf = (response: Response): Received | undefined =>
  (response as Response & { [RECEIVED]?: Received })[RECEIVED];

function kindOf(status: number): SessionTrailErrorKind {
  if (status === 400 || status === 413 || status === 422) return "validation";
  if (status === 401) return "auth";
  // 402: the account's plan or quota refuses the call (PostHog's quota_limit_exceeded): like a 403,
  // nothing to retry until someone changes the account.
  if (status === 402 || status === 403) return "forbidden";
  if (status === 404) return "not_found";
  // 408: the server gave up waiting for the request; a timeout like ours, retried like one.
  if (status === 408) return "timeout";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server";
  return "invalid_response";
}

// An HTTP date as RFC 9110 writes it (IMF-fixdate), e.g. `Wed, 21 Oct 2026 07:28:00 GMT`. Date.parse
// alone would also read `-5` or `1.5` as dates (in year -5 and 2001) and make them 0 ms waits.
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * `Retry-After` in milliseconds: delta-seconds (`120`) or an HTTP date still ahead. Undefined when
 * absent, unreadable (`-5`, `1.5`) or in the past, so the caller falls back to its normal backoff
 * rather than retrying at once.
 */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  const text = header?.trim();
  if (!text) return undefined;
  if (/^\d{1,10}$/.test(text)) return Number(text) * 1000;
  if (!HTTP_DATE.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) || at <= now ? undefined : at - now;
}

/**
 * `X-RateLimit-Reset` in milliseconds, for a 429 without `Retry-After` (Datadog sends it): seconds
 * until the window resets, or, when the number is an epoch in seconds, that instant. Undefined when
 * absent, unreadable or past.
 */
export function rateLimitResetMs(header: string | null, now = Date.now()): number | undefined {
  const text = header?.trim();
  if (!text || !/^\d{1,12}$/.test(text)) return undefined;
  const value = Number(text);
  // Delta-seconds are small; an epoch in seconds is past 2001 (1e9).
  if (value < 1e9) return value * 1000;
  const ms = value * 1000 - now;
  return ms > 0 ? ms : undefined;
}

/**
 * A typed error for a non-2xx response: status, kind, the vendor's code and message, an excerpt.
 * The vendor's code, message and field issues are read from the error shapes seen across vendors:
 * `{message, code}`, `{error: "..."}`, `{error: {code, message}}`, `{detail: "..."}` and FastAPI's
 * `{detail: [{loc, msg, type}]}`.
 */
export function errorFromResponse(vendor: string, response: Response, bodyText: string): SessionTrailError {
  // biome-ignore lint/suspicious/noExplicitAny: vendors' error bodies are untyped JSON.
  let body: any;
  try {
    body = bodyText === "" ? undefined : JSON.parse(bodyText);
  } catch {}
  // JSON.parse's strings, numbers and booleans have none of the fields read here.
  body ??= {};
  const error = body.error;
  const message: string | undefined =
    typeof body.message === "string"
      ? body.message
      : typeof error === "string"
        ? error
        : typeof error?.message === "string"
          ? error.message
          : typeof body.detail === "string"
            ? body.detail
            : undefined;
  const code = body.code ?? (typeof error === "object" ? error?.code : undefined);
  const issues: FieldIssue[] = [];
  if (Array.isArray(body.detail)) {
    for (const item of body.detail) {
      if (item && typeof item === "object") {
        const loc = Array.isArray(item.loc) ? item.loc.join(".") : "";
        issues.push({ path: loc, message: String(item.msg ?? item.type ?? "invalid") });
      }
    }
  }
  const status = response.status;
  const kind = kindOf(status);
  const { headers } = response;
  const retry =
    status === 429 || status === 503
      ? (retryAfterMs(headers.get("retry-after")) ?? rateLimitResetMs(headers.get("x-ratelimit-reset")))
      : undefined;
  const said = message ? `: ${excerpt(message, 160)}` : bodyText === "" ? " with an empty body" : "";
  return new SessionTrailError({
    kind,
    vendor,
    status,
    message:
      status >= 300 && status < 400
        ? `HTTP ${status} redirect to ${excerpt(response.headers.get("location") ?? "?", 200)} (not followed: it would carry the key)`
        : `HTTP ${status} ${kind}${said}`,
    code: code === undefined || code === null ? undefined : String(code),
    vendorMessage: message === undefined ? undefined : excerpt(message, 500),
    retryAfterMs: retry,
    issues,
    bodyExcerpt: bodyText === "" ? undefined : excerpt(bodyText),
    requestId: receivedOf(response)?.requestId,
  });
}

/**
 * Turns what a fetch threw into a typed error: the caller's abort, a timeout, else a network failure
 * (refused, reset, DNS, TLS). Used by the client's transport, around the fetch call alone.
 */
export function errorFromThrown(vendor: string, thrown: unknown): SessionTrailError {
  if (thrown instanceof SessionTrailError) return thrown;
  const name = (thrown as { name?: string } | null)?.name;
  if (name === "AbortError")
    return new SessionTrailError({ kind: "aborted", vendor, message: "aborted", cause: thrown });
  if (name === "TimeoutError") {
    const said = thrown instanceof Error && thrown.message ? thrown.message : "no answer in time";
    return new SessionTrailError({
      kind: "timeout",
      vendor,
      message: `request timed out (${said})`,
      cause: thrown,
    });
  }
  const detail =
    thrown instanceof Error
      ? thrown.cause instanceof Error
        ? thrown.cause.message
        : thrown.message
      : String(thrown);
  return new SessionTrailError({
    kind: "network",
    vendor,
    message: `network error: ${excerpt(detail, 160)}`,
    cause: thrown,
  });
}

/**
 * Turns what building a request threw (openapi-fetch or `new Request` refusing a header value or a
 * URL) into a `validation` error: a local mistake, never retried. Fetch failures never get here:
 * the client's transport has already made them typed errors.
 */
export function errorFromRequest(vendor: string, thrown: unknown): SessionTrailError {
  if (thrown instanceof SessionTrailError) return thrown;
  const detail = thrown instanceof Error ? thrown.message : String(thrown);
  return new SessionTrailError({
    kind: "validation",
    vendor,
    message: `invalid request: ${excerpt(detail, 200)}`,
    cause: thrown,
  });
}

// Decoding a whole body in one call keeps no state between calls, so one decoder serves all.
const utf8 = /* @__PURE__ */ new TextDecoder();

/** The largest response body read by default: 64 MiB, far above any vendor's page or session. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/**
 * Runs one call made with `parseAs: "stream"` (or `"text"`) and returns its JSON body, or throws a
 * typed error: non-2xx statuses, bodies that are not JSON (wrong content type, truncated), and what
 * the client's transport reports while the body is read (over `maxResponseBytes`, timeouts, drops).
 */
export async function readJson(vendor: string, call: () => Promise<TextResult>): Promise<unknown> {
  let result: TextResult;
  try {
    result = await call();
  } catch (thrown) {
    throw errorFromRequest(vendor, thrown);
  }
  const { response } = result;
  if (!response.ok) {
    // openapi-fetch hands a JSON error body over parsed whatever `parseAs` says, text as a string,
    // and the status text for an empty body (treated as empty here). The transport has capped it.
    const error = result.error;
    const text =
      typeof error === "string"
        ? error === response.statusText
          ? ""
          : error
        : error === undefined
          ? ""
          : JSON.stringify(error);
    throw errorFromResponse(vendor, response, text);
  }
  const type = response.headers.get("content-type") ?? "";
  const data = result.data;
  // The transport holds the body it read when the call asked it to (`holdBody`); otherwise the body
  // stream is the response's own, read here within the transport's limits.
  const held = receivedOf(response)?.bytes;
  const text = held
    ? utf8.decode(held)
    : typeof data === "string"
      ? data
      : data instanceof ReadableStream
        ? await response.text()
        : "";
  if (!/\bjson\b/i.test(type)) {
    throw new SessionTrailError({
      kind: "invalid_response",
      vendor,
      status: response.status,
      message: `expected JSON, got ${type ? `content type ${type}` : "no content type"}`,
      bodyExcerpt: excerpt(text),
    });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new SessionTrailError({
      kind: "invalid_response",
      vendor,
      status: response.status,
      message: `response body is not valid JSON (${text.length} bytes; truncated?)`,
      bodyExcerpt: excerpt(text),
      cause,
    });
  }
}
