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
  type ActionHubClient,
  type ActionHubClientOptions,
  type ActionHubEventsBody,
  createActionHubClient,
} from "./client.ts";
export { type ActionHubEventsQuery, actionHubVendor } from "./descriptor.ts";
export type { components, operations, paths } from "./generated/schema.js";
export { type ActionHubNormalizeOptions, normalizeActionHubEvents } from "./normalize.ts";
export {
  type ActionHubRawClient,
  type ActionHubRawClientOptions,
  actionHubServers,
  createActionHubRawClient,
} from "./raw-client.ts";
