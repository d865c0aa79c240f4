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
  createRoundtableClient,
  type RoundtableClient,
  type RoundtableClientOptions,
  type RoundtableEventsBody,
} from "./client.ts";
export { type RoundtableEventsQuery, roundtableVendor } from "./descriptor.ts";
export type { components, operations, paths } from "./generated/schema.js";
export { normalizeRoundtableEvents, type RoundtableNormalizeOptions } from "./normalize.ts";
export {
  createRoundtableRawClient,
  type RoundtableRawClient,
  type RoundtableRawClientOptions,
  roundtableServers,
} from "./raw-client.ts";
