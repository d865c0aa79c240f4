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
  cause?: unknown;
}

/**
 * The one error every sessiontrail package throws. It never holds an API key: messages are built
 * from vendor names, statuses and excerpts of vendor bodies, which pass through `redactSecrets`.
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

  constructor(init: SessionTrailErrorInit) {
    super(`${init.vendor}: ${init.message}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.vendor = init.vendor;
    this.status = init.status;
    this.code = init.code;
    this.vendorMessage = init.vendorMessage;
    this.retryAfterMs = init.retryAfterMs;
    this.issues = init.issues ?? [];
    this.bodyExcerpt = init.bodyExcerpt;
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
    };
  }
}

export function validationError(vendor: string, issues: FieldIssue[]): SessionTrailError {
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
  return new SessionTrailError({ kind: "validation", vendor, message: `invalid input: ${summary}`, issues });
}
