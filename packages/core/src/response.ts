import {
  type FieldIssue,
  SessionTrailError,
  type SessionTrailErrorInit,
  type SessionTrailErrorKind,
} from "./errors.ts";
import { excerpt } from "./redact.ts";

/** What openapi-fetch returns for a call made with `parseAs: "stream"` (or `"text"`). */
export interface TextResult {
  /**
   * The body: a `ReadableStream` with `parseAs: "stream"`, text with `parseAs: "text"` (openapi-fetch
   * types it as the parsed body either way).
   */
  data?: unknown;
  error?: unknown;
  response: Response;
}

function kindOf(status: number): SessionTrailErrorKind {
  if (status === 400 || status === 413 || status === 422) return "validation";
  if (status === 401) return "auth";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server";
  return "invalid_response";
}

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  const text = header?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
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
  const retry =
    status === 429 || status === 503 ? retryAfterMs(response.headers.get("retry-after")) : undefined;
  const said = message ? `: ${excerpt(message, 160)}` : bodyText === "" ? " with an empty body" : "";
  // Absent and undefined are alike to the constructor; the spreads that tell them apart for the type
  // would cost every bundle.
  return new SessionTrailError({
    kind,
    vendor,
    status,
    message:
      status >= 300 && status < 400
        ? `HTTP ${status} redirect to ${response.headers.get("location") ?? "?"} (not followed: it would carry the key)`
        : `HTTP ${status} ${kind}${said}`,
    code: code === undefined || code === null ? undefined : String(code),
    vendorMessage: message === undefined ? undefined : excerpt(message, 500),
    retryAfterMs: retry,
    issues,
    bodyExcerpt: bodyText === "" ? undefined : excerpt(bodyText),
  } as SessionTrailErrorInit);
}

/** Turns whatever a failed fetch threw into a typed error (abort, timeout, network). */
export function errorFromThrown(vendor: string, thrown: unknown): SessionTrailError {
  if (thrown instanceof SessionTrailError) return thrown;
  const name = (thrown as { name?: string } | null)?.name;
  if (name === "AbortError")
    return new SessionTrailError({ kind: "aborted", vendor, message: "aborted", cause: thrown });
  if (name === "TimeoutError") {
    return new SessionTrailError({ kind: "timeout", vendor, message: "request timed out", cause: thrown });
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

/** The largest response body read by default: 64 MiB, far above any vendor's page or session. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

function tooLarge(vendor: string, status: number, maxBytes: number): SessionTrailError {
  return new SessionTrailError({
    kind: "invalid_response",
    vendor,
    status,
    message: `response body is larger than ${maxBytes} bytes (maxResponseBytes)`,
  });
}

/**
 * Reads a body stream as text, refusing to hold more than `maxBytes` of it. `signal` stops the read
 * itself: fetch's own abort of the body is not enough here, since openapi-fetch has returned by then
 * and the Request that linked our signal to fetch's may already be garbage-collected (seen: a stalled
 * body read to the end, long after its timeout).
 */
async function readText(
  vendor: string,
  response: Response,
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  signal: AbortSignal | undefined,
): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    await body.cancel().catch(() => {});
    throw tooLarge(vendor, response.status, maxBytes);
  }
  const reader = body.getReader();
  // Cancelling ends a pending read (as done); the check below turns that into the abort's reason.
  const onAbort = () => reader.cancel(signal?.reason).catch(() => {});
  signal?.addEventListener("abort", onAbort, { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const { done, value } = await reader.read();
      if (signal?.aborted) throw signal.reason;
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge(vendor, response.status, maxBytes);
      }
      chunks.push(value);
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
  const decoder = new TextDecoder();
  let text = "";
  for (const chunk of chunks) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/**
 * Runs one call made with `parseAs: "stream"` (or `"text"`) and returns its JSON body, or throws a
 * typed error: non-2xx statuses, bodies that are not JSON (wrong content type, truncated), bodies
 * over `maxBytes`, network failures and timeouts (also while the body is read).
 */
export async function readJson(
  vendor: string,
  call: () => Promise<TextResult>,
  maxBytes = DEFAULT_MAX_RESPONSE_BYTES,
  signal?: AbortSignal,
): Promise<unknown> {
  let result: TextResult;
  try {
    result = await call();
  } catch (thrown) {
    throw errorFromThrown(vendor, thrown);
  }
  const { response } = result;
  if (!response.ok) {
    // openapi-fetch hands a JSON error body over parsed whatever `parseAs` says, text as a string,
    // and the status text for an empty body (treated as empty here).
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
  let text = "";
  if (typeof data === "string") text = data;
  else if (data instanceof ReadableStream) {
    try {
      text = await readText(vendor, response, data, maxBytes, signal);
    } catch (thrown) {
      throw errorFromThrown(vendor, thrown);
    }
  }
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
