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
  /** What is wrong with it, e.g. `is required` or `must be an integer >= 1`. */
  message: string;
}

/** What a `SessionTrailError` is made from: its fields, its message, and what was thrown underneath. */
export interface SessionTrailErrorInit {
  /** What went wrong, in words a caller can switch on. */
  kind: SessionTrailErrorKind;
  /** Short name of the vendor whose call failed (`fullstory`); the error's message starts with it. */
  vendor: string;
  /** What went wrong, in a sentence; masked, bounded, and put after `<vendor>: ` in the error's message. */
  message: string;
  /** The HTTP status of the vendor's response, when one came. */
  status?: number | undefined;
  /** The vendor's own error code (FullStory `code`, Hardal `error.code`, ...). */
  code?: string | undefined;
  /** The vendor's own error message, as sent. */
  vendorMessage?: string | undefined;
  /** How long the vendor asked to wait before trying again (`Retry-After`), in milliseconds. */
  retryAfterMs?: number | undefined;
  /** The field-level problems: of the caller's input, or from the vendor's validation error. */
  issues?: readonly FieldIssue[] | undefined;
  /** A short excerpt of the response body, for bodies that could not be understood. */
  bodyExcerpt?: string | undefined;
  /** How many attempts the failed request made, retries included (set when it was retried). */
  attempts?: number | undefined;
  /** The vendor's id of the request that failed (its request-id header), for the vendor's support. */
  requestId?: string | undefined;
  /**
   * What was thrown underneath (a fetch or parser error); the error keeps its name, code and message,
   * masked and bounded, a few causes deep.
   */
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
  /** Always `SessionTrailError`, so that logs and checks by name tell it from other errors. */
  override readonly name = "SessionTrailError";
  // Declared, not defined: the constructor sets every one, and a bundler would otherwise ship the
  // list of names a second time.
  /** What went wrong, in words a caller can switch on. */
  declare readonly kind: SessionTrailErrorKind;
  /** Short name of the vendor whose call failed (`fullstory`), as in `SessionEvent.vendor`. */
  declare readonly vendor: string;
  /**
   * The HTTP status of the vendor's response; undefined when none came (network errors, timeouts,
   * aborts, input refused before sending).
   */
  declare readonly status: number | undefined;
  /** The vendor's own error code (FullStory `code`, Hardal `error.code`, ...). */
  declare readonly code: string | undefined;
  /** The vendor's own error message, as sent. */
  declare readonly vendorMessage: string | undefined;
  /**
   * How long the vendor asked to wait before trying again, in milliseconds (`Retry-After`, or
   * `X-RateLimit-Reset` without it), on a 429 or 503.
   */
  declare readonly retryAfterMs: number | undefined;
  /** The field-level problems: of the caller's input, or from the vendor's validation error; else empty. */
  declare readonly issues: readonly FieldIssue[];
  /** A short excerpt of the response body, for bodies that could not be understood. */
  declare readonly bodyExcerpt: string | undefined;
  /** How many attempts the failed request made, retries included (set when it was retried). */
  declare readonly attempts: number | undefined;
  /** The vendor's id of the request that failed (its request-id header), for the vendor's support. */
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

/** The `validation` error of input refused before anything is sent, its message listing the issues. */
export function validationError(vendor: string, issues: FieldIssue[]): SessionTrailError {
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
  return new SessionTrailError({ kind: "validation", vendor, message: `invalid input: ${summary}`, issues });
}

/** The error of a stream or request the caller cancelled through its `AbortSignal`. */
export function abortedError(vendor: string, signal: AbortSignal): SessionTrailError {
  return new SessionTrailError({ kind: "aborted", vendor, message: "aborted", cause: signal.reason });
}
