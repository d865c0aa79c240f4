// What users of this one package need from core, so they never import a transitive dependency.
export {
  type EventStream,
  type EventStreamOptions,
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
  type DatadogSite,
  datadogDefaults,
  datadogSites,
  sessionQuery,
} from "./client.ts";
export { type DatadogEventsQuery, datadogVendor } from "./descriptor.ts";
export type { components, operations, paths } from "./generated/schema.js";
export { type DatadogNormalizeOptions, normalizeDatadogEvents } from "./normalize.ts";
