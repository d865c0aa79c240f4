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
export type { paths } from "./generated/schema.js";
export { type AmplitudeNormalizeOptions, normalizeAmplitudeEvents } from "./normalize.ts";
export {
  type AmplitudeRawClient,
  type AmplitudeRawClientOptions,
  amplitudeServers,
  createAmplitudeRawClient,
} from "./raw-client.ts";

// `components` and `operations` each have an export line of their own, under their own doc comment:
// TypeDoc gives every name of one export the same comment, and a comment standing apart (like this
// one) keeps Biome from merging the lines back into one.

/** The spec's schemas, parameters and responses, as openapi-typescript generated them. */
export type { components } from "./generated/schema.js";

// (apart from `components`, for the same reason)

/** The spec's operations by `operationId`: the parameters and responses of each call. */
export type { operations } from "./generated/schema.js";
