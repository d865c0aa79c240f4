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
  type AmplitudeActivityPage,
  type AmplitudeClient,
  type AmplitudeClientOptions,
  amplitudeDefaults,
  createAmplitudeClient,
} from "./client.ts";
export { type AmplitudeEventsQuery, amplitudeVendor } from "./descriptor.ts";
export type { components, operations, paths } from "./generated/schema.js";
export { type AmplitudeNormalizeOptions, normalizeAmplitudeEvents } from "./normalize.ts";
export {
  type AmplitudeRawClient,
  type AmplitudeRawClientOptions,
  amplitudeServers,
  createAmplitudeRawClient,
} from "./raw-client.ts";
