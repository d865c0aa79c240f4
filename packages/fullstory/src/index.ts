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
  createFullStoryClient,
  type FullStoryClient,
  type FullStoryClientOptions,
  type FullStoryEventsBody,
} from "./client.ts";
export { type FullStoryEventsQuery, fullStoryVendor } from "./descriptor.ts";
export type { components, operations, paths } from "./generated/schema.js";
export { type FullStoryNormalizeOptions, normalizeFullStoryEvents } from "./normalize.ts";
export {
  createFullStoryRawClient,
  type FullStoryRawClient,
  type FullStoryRawClientOptions,
  fullStoryServers,
} from "./raw-client.ts";
