export {
  type ClientRuntime,
  checkBaseUrl,
  checkRequestUrl,
  createVendorClient,
  epochMs,
  idIssues,
  limitIssues,
  MAX_ID_LENGTH,
  pathParamIssues,
  type RawClientOptions,
  requiredSettingIssues,
  type SuccessBody,
  type TransportBase,
  type VendorClientOptions,
  type VendorDefinition,
  windowIssues,
} from "./client.ts";
export {
  type AnyVendorDescriptor,
  connectionSettings,
  type VendorDescriptor,
  type VendorEventsClient,
  type VendorQueryInput,
  type VendorQueryShape,
  type VendorSetting,
} from "./descriptor.ts";
export {
  abortedError,
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
export { asRecord, isRecord, text } from "./guards.ts";
export type {
  Logger,
  LogRecord,
  PageRecord,
  RequestErrorRecord,
  RequestRecord,
  ResponseRecord,
  RetryRecord,
  WaitRecord,
} from "./log.ts";
export { type EventSource, mergeTimelines, type VendorTimeline } from "./merge.ts";
export {
  compact,
  copyProperties,
  EventIdScope,
  type EventMapping,
  type IdentityHash,
  InvalidEventError,
  invalidBody,
  type NormalizeOptions,
  type NormalizeWarning,
  newEvent,
  normalizeEvents,
  utmCampaign,
} from "./normalize.ts";
export { type RateLimit, RateLimiter, sharedRateLimiter } from "./rate-limit.ts";
export { excerpt, redactSecrets, registerSecret } from "./redact.ts";
export {
  DEFAULT_MAX_RESPONSE_BYTES,
  errorFromRequest,
  errorFromResponse,
  errorFromThrown,
  type Received,
  readJson,
  receivedOf,
  retryAfterMs,
  type TextResult,
} from "./response.ts";
export {
  type AttemptOptions,
  backoffMs,
  isRetryable,
  type RetryOptions,
  sleep,
  withRetries,
} from "./retry.ts";
export { sessionRuntime } from "./runtime.ts";
/** The JSON Schema (2020-12) of a `SessionEvent`, for checking normalized events outside TypeScript. */
export { default as sessionEventSchema } from "./session-event.schema.json" with { type: "json" };
export {
  EventStream,
  type EventStreamOptions,
  type PageContent,
  type PageOptions,
  type PageRequest,
  pageSizeIssues,
  readPage,
  type SessionReads,
  type SessionSource,
  type SourceOf,
  type StreamPosition,
  sessionReads,
  singleResponseSource,
  streamDefaults,
  streamOptionIssues,
  streamSession,
} from "./stream.ts";
export {
  IsoTimeFormatter,
  isoTime,
  isTimeZone,
  parseTimestamp,
  readTimestamp,
  type TimestampReading,
  zoneOffsetMs,
} from "./time.ts";
export {
  createTransport,
  DEFAULT_TIMEOUT_MS,
  type ReadOptions,
  type RequestLimits,
  requestDefaults,
  requestIdHeaders,
  type TransportOptions,
} from "./transport.ts";
