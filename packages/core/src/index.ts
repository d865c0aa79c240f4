export {
  checkBaseUrl,
  createVendorClient,
  idIssues,
  MAX_ID_LENGTH,
  pathParamIssues,
  type VendorClientOptions,
  type VendorDefinition,
} from "./client.ts";
export {
  type FieldIssue,
  SessionTrailError,
  type SessionTrailErrorInit,
  type SessionTrailErrorKind,
  validationError,
} from "./errors.ts";
export {
  type SessionEvent,
  type SessionEventContext,
  type SessionEventPage,
  type SessionEventTarget,
  type SessionEventType,
  sessionEventTypes,
} from "./event.ts";
export { type EventSource, mergeTimelines } from "./merge.ts";
export {
  compact,
  copyProperties,
  type EventMapping,
  type IdentityHash,
  InvalidEventError,
  invalidBody,
  type NormalizeOptions,
  type NormalizeWarning,
  newEvent,
  normalizeEvents,
} from "./normalize.ts";
export { type RateLimit, RateLimiter } from "./rate-limit.ts";
export { excerpt, redactSecrets, registerSecret } from "./redact.ts";
export {
  DEFAULT_MAX_RESPONSE_BYTES,
  errorFromResponse,
  errorFromThrown,
  readJson,
  retryAfterMs,
  type TextResult,
} from "./response.ts";
export {
  type AttemptOptions,
  backoffMs,
  DEFAULT_TIMEOUT_MS,
  isRetryable,
  type RetryOptions,
  sleep,
  withRetries,
} from "./retry.ts";
export { default as sessionEventSchema } from "./session-event.schema.json" with { type: "json" };
export {
  EventStream,
  type EventStreamOptions,
  type FetchPage,
  type Page,
  paginate,
  type StreamPosition,
  singleResponse,
  streamOptionIssues,
} from "./stream.ts";
export { isoTime, isTimeZone, parseTimestamp, zoneOffsetMs } from "./time.ts";
