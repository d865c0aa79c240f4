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
  createFullStoryClient,
  type FullStoryClient,
  type FullStoryClientOptions,
  type FullStoryEventsBody,
  fullStoryServers,
} from "./client.ts";
export { type FullStoryEventsQuery, fullStoryVendor } from "./descriptor.ts";
export type { components, operations, paths } from "./generated/schema.js";
export { type FullStoryNormalizeOptions, normalizeFullStoryEvents } from "./normalize.ts";
