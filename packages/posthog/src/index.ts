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
  createPostHogClient,
  type PostHogClient,
  type PostHogClientOptions,
  type PostHogCursor,
  type PostHogQueryPage,
  type PostHogQueryRequest,
  postHogPaging,
  sessionIdInstant,
  sessionQueryText,
} from "./client.ts";
export { type PostHogEventsQuery, postHogVendor } from "./descriptor.ts";
export { chainSelector, type PostHogElement, parseElementsChain } from "./elements-chain.ts";
export type { components, operations, paths } from "./generated/schema.js";
export { normalizePostHogEvents, type PostHogEventRow, type PostHogNormalizeOptions } from "./normalize.ts";
export {
  createPostHogRawClient,
  type PostHogRawClient,
  type PostHogRawClientOptions,
  postHogServers,
} from "./raw-client.ts";
