// What users of this one package need from core, so they never import a transitive dependency.
export {
  type EventStream,
  type EventStreamOptions,
  type Logger,
  type LogRecord,
  type NormalizeOptions,
  type NormalizeWarning,
  type PageOptions,
  type SessionEvent,
  SessionTrailError,
  type SessionTrailErrorKind,
} from "@sessiontrail/core";
export {
  createDatadogClient,
  type DatadogClient,
  type DatadogClientOptions,
  type DatadogEventsBody,
  datadogDefaults,
  sessionQuery,
} from "./client.ts";
export { type DatadogEventsQuery, datadogVendor } from "./descriptor.ts";
export type { components, operations, paths } from "./generated/schema.js";
export { type DatadogNormalizeOptions, normalizeDatadogEvents } from "./normalize.ts";
export {
  createDatadogRawClient,
  type DatadogRawClient,
  type DatadogRawClientOptions,
  type DatadogSite,
  datadogSites,
} from "./raw-client.ts";
