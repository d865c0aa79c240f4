import { excerpt } from "./redact.ts";

/** What went wrong, in words a caller can switch on. */
export type SessionTrailErrorKind =
  | "validation"
  | "auth"
  | "forbidden"
  | "not_found"
  | "rate_limited"
  | "server"
  | "network"
  | "timeout"
  | "invalid_response"
  | "aborted";

/** One field-level problem: from local input validation or from a vendor's validation error. */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `sessionId` or `header.program-id`. */
  path: string;
  message: string;
}

export interface SessionTrailErrorInit {
  kind: SessionTrailErrorKind;
  vendor: string;
  message: string;
  status?: number;
  /** The vendor's own error code (FullStory `code`, Hardal `error.code`, ...). */
  code?: string;
  /** The vendor's own error message, as sent. */
  vendorMessage?: string;
  retryAfterMs?: number;
  issues?: FieldIssue[];
  /** A short excerpt of the response body, for bodies that could not be understood. */
  bodyExcerpt?: string;
  /** How many attempts the failed request made, retries included (set when it was retried). */
  attempts?: number;
  cause?: unknown;
}

/** The longest message an error carries: enough for a list of field issues, never a body dump. */
const MAX_MESSAGE = 1_000;

/**
 * A cause that is safe to keep: the thrown value's name, code and message (masked and bounded) and
 * its own cause, a few levels deep. Errors from fetch or a parser can quote a header or a body.
 */
function safeCause(cause: unknown, depth = 0): unknown {
  if (cause === undefined || cause instanceof SessionTrailError) return cause;
  if (depth > 3) return undefined;
  const source = cause as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown } | null;
  const message = source !== null && typeof source === "object" ? source.message : cause;
  const copy = new Error(excerpt(String(message ?? ""), 300), {
    cause: source !== null && typeof source === "object" ? safeCause(source.cause, depth + 1) : undefined,
  });
  if (copy.cause === undefined) delete copy.cause;
  if (typeof source?.name === "string") copy.name = excerpt(source.name, 60);
  if (typeof source?.code === "string" || typeof source?.code === "number") {
    Object.assign(copy, { code: excerpt(String(source.code), 60) });
  }
  return copy;
}

/**
 * The one error every sessiontrail package throws. It never holds an API key, by construction: its
 * message, the vendor's code and message, field issues, the body excerpt and every cause are masked
 * with `redactSecrets` and bounded here, whatever text the vendor or the network sent.
 */
export class SessionTrailError extends Error {
  override readonly name = "SessionTrailError";
  // Declared, not defined: the constructor sets every one, and a bundler would otherwise ship the
  // list of names a second time.
  declare readonly kind: SessionTrailErrorKind;
  declare readonly vendor: string;
  declare readonly status: number | undefined;
  declare readonly code: string | undefined;
  declare readonly vendorMessage: string | undefined;
  declare readonly retryAfterMs: number | undefined;
  declare readonly issues: readonly FieldIssue[];
  declare readonly bodyExcerpt: string | undefined;
  declare readonly attempts: number | undefined;

  constructor(init: SessionTrailErrorInit) {
    const cause = safeCause(init.cause);
    super(
      excerpt(`${init.vendor}: ${init.message}`, MAX_MESSAGE),
      cause === undefined ? undefined : { cause },
    );
    this.kind = init.kind;
    this.vendor = init.vendor;
    this.status = init.status;
    this.code = init.code === undefined ? undefined : excerpt(init.code, 100);
    this.vendorMessage = init.vendorMessage === undefined ? undefined : excerpt(init.vendorMessage, 500);
    this.retryAfterMs = init.retryAfterMs;
    this.issues = (init.issues ?? []).map((issue) => ({
      path: excerpt(String(issue.path), 200),
      message: excerpt(String(issue.message), 300),
    }));
    this.bodyExcerpt = init.bodyExcerpt === undefined ? undefined : excerpt(init.bodyExcerpt, 300);
    this.attempts = init.attempts;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      vendor: this.vendor,
      message: this.message,
      status: this.status,
      code: this.code,
      vendorMessage: this.vendorMessage,
      retryAfterMs: this.retryAfterMs,
      issues: this.issues,
      bodyExcerpt: this.bodyExcerpt,
      attempts: this.attempts,
    };
  }
}

export function validationError(vendor: string, issues: FieldIssue[]): SessionTrailError {
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
  return new SessionTrailError({ kind: "validation", vendor, message: `invalid input: ${summary}`, issues });
}

/** The error of a stream or request the caller cancelled through its `AbortSignal`. */
export function abortedError(vendor: string, signal: AbortSignal): SessionTrailError {
  return new SessionTrailError({ kind: "aborted", vendor, message: "aborted", cause: signal.reason });
}
