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
  createOpenReplayClient,
  OPENREPLAY_MIN_TIMESTAMP,
  type OpenReplayClient,
  type OpenReplayClientOptions,
  type OpenReplayEventsPage,
  openReplayEventColumns,
} from "./client.ts";
export { type OpenReplayEventsQuery, openReplayVendor } from "./descriptor.ts";
export type { components, operations, paths } from "./generated/schema.js";
export { normalizeOpenReplayEvents, type OpenReplayNormalizeOptions } from "./normalize.ts";
export {
  createOpenReplayRawClient,
  type OpenReplayRawClient,
  type OpenReplayRawClientOptions,
  openReplayServers,
} from "./raw-client.ts";
