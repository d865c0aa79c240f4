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
  createHardalClient,
  type HardalActivityPage,
  type HardalClient,
  type HardalClientOptions,
} from "./client.ts";
export { type HardalEventsQuery, hardalVendor } from "./descriptor.ts";
export type { components, operations, paths } from "./generated/schema.js";
export { type HardalNormalizeOptions, normalizeHardalEvents } from "./normalize.ts";
export {
  createHardalRawClient,
  type HardalRawClient,
  type HardalRawClientOptions,
  hardalServers,
} from "./raw-client.ts";
