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
  status?: number | undefined;
  /** The vendor's own error code (FullStory `code`, Hardal `error.code`, ...). */
  code?: string | undefined;
  /** The vendor's own error message, as sent. */
  vendorMessage?: string | undefined;
  retryAfterMs?: number | undefined;
  issues?: readonly FieldIssue[] | undefined;
  /** A short excerpt of the response body, for bodies that could not be understood. */
  bodyExcerpt?: string | undefined;
  /** How many attempts the failed request made, retries included (set when it was retried). */
  attempts?: number | undefined;
  /** The vendor's id of the request that failed (its request-id header), for the vendor's support. */
  requestId?: string | undefined;
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
  // A thrown string or number is its own message.
  const { name = "Error", code, message = cause, cause: inner } = Object(cause) as Record<string, unknown>;
  const safe = safeCause(inner, depth + 1);
  return Object.assign(
    new Error(excerpt(String(message), 300), safe === undefined ? undefined : { cause: safe }),
    {
      name: excerpt(String(name), 60),
      ...(code === undefined ? {} : { code: excerpt(String(code), 60) }),
    },
  );
}

/** The texts an error holds besides its message, each masked and cut to this many characters. */
const TEXT_BOUNDS = { code: 100, vendorMessage: 500, bodyExcerpt: 300, requestId: 200 } as const;

/**
 * The one error every sessiontrail package throws. It never holds an API key, by construction: its
 * message, the vendor's code and message, field issues, the body excerpt, the request id and every
 * cause are masked with `redactSecrets` and bounded here, whatever text the vendor or the network sent.
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
  declare readonly requestId: string | undefined;

  constructor(init: SessionTrailErrorInit) {
    const { message, cause, issues = [], ...fields } = init;
    const safe = safeCause(cause);
    super(
      excerpt(`${init.vendor}: ${message}`, MAX_MESSAGE),
      safe === undefined ? undefined : { cause: safe },
    );
    for (const [name, max] of Object.entries(TEXT_BOUNDS)) {
      const text = fields[name as keyof typeof TEXT_BOUNDS];
      if (text !== undefined) fields[name as keyof typeof TEXT_BOUNDS] = excerpt(String(text), max);
    }
    Object.assign(this, fields, {
      issues: issues.map((issue) => ({
        path: excerpt(String(issue.path), 200),
        message: excerpt(String(issue.message), 300),
      })),
    });
  }

  /** Every field, the message included (an Error's own message is not enumerable). */
  toJSON(): Record<string, unknown> {
    return { ...(this as object), message: this.message };
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
