export {
  checkBaseUrl,
  createVendorClient,
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
  type EventDraft,
  InvalidEventError,
  invalidBody,
  type NormalizeOptions,
  type NormalizeWarning,
  normalizeEvents,
} from "./normalize.ts";
export { excerpt, redactSecrets, registerSecret } from "./redact.ts";
export { errorFromResponse, errorFromThrown, readJson, retryAfterMs, type TextResult } from "./response.ts";
export { default as sessionEventSchema } from "./session-event.schema.json" with { type: "json" };
export { EventStream, type EventStreamOptions, type Page, paginate, singleResponse } from "./stream.ts";
export { isoTime, isTimeZone, parseTimestamp, zoneOffsetMs } from "./time.ts";
