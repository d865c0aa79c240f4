import {
  createVendorClient,
  type EventStream,
  type EventStreamOptions,
  excerpt,
  type PageOptions,
  readPage,
  type SessionSource,
  type SuccessBody,
  singleResponseSource,
  streamOptionIssues,
  streamSession,
  type VendorClientOptions,
  validationError,
} from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { operations, paths } from "./generated/schema.js";
import { normalizeFullStoryEvents } from "./normalize.ts";

/**
 * FullStory's documented base URLs (the spec's `servers`). `api.fullstory.com` routes to the key's
 * data center on its own; `eu1` keys may also be sent to the EU host directly.
 */
export const fullStoryServers = {
  production: "https://api.fullstory.com",
  eu1: "https://api.eu1.fullstory.com",
} as const;

export type FullStoryClientOptions = VendorClientOptions;

export interface FullStoryEventsQuery {
  /** The full session id `{device_id}:{session_id}`, e.g. from `FS('getSession')`. */
  sessionId: string;
  /** Let FullStory answer from its event cache (faster; may miss the newest configuration). */
  enableEventCache?: boolean;
}

/** The session's events, as FullStory sends them. */
export type FullStoryEventsBody = SuccessBody<operations["getSessionEvents"]>;

export type FullStoryClient = Client<paths> & {
  /** The session's events, normalized, oldest first. FullStory returns them all in one response. */
  events(query: FullStoryEventsQuery, options?: EventStreamOptions): EventStream;
  /** The response `events()` reads, untouched, with the same checks and retries. */
  page(query: FullStoryEventsQuery, options?: PageOptions): Promise<FullStoryEventsBody>;
};

const VENDOR = "fullstory";

const SESSION_ID = /^[0-9]{1,20}:[0-9]{1,20}$/;

/**
 * A typed client for FullStory's session events. The key goes out as `Authorization: Basic <key>`,
 * verbatim: FullStory's scheme is an API key after the word Basic, not base64 user:password.
 */
export function createFullStoryClient(options: FullStoryClientOptions): FullStoryClient {
  const client = createVendorClient<paths>(
    {
      vendor: VENDOR,
      baseUrl: fullStoryServers.production,
      authHeader: (apiKey) => ["Authorization", `Basic ${apiKey}`],
    },
    options,
  );
  const source = (query: FullStoryEventsQuery, streamOptions: EventStreamOptions): SessionSource => {
    const issues = streamOptionIssues(streamOptions);
    if (typeof query?.sessionId !== "string" || !SESSION_ID.test(query.sessionId)) {
      issues.unshift({
        path: "sessionId",
        message: `must be "{device_id}:{session_id}" (two decimal ids), got ${JSON.stringify(excerpt(String(query?.sessionId), 60))}`,
      });
    }
    if (issues.length > 0) throw validationError(VENDOR, issues);
    return singleResponseSource(
      VENDOR,
      (request) =>
        client.GET("/v2/sessions/{session_id}/events", {
          params: {
            path: { session_id: query.sessionId },
            ...(query.enableEventCache !== undefined
              ? { query: { enable_event_cache: query.enableEventCache } }
              : {}),
          },
          parseAs: "stream",
          ...request,
        }),
      normalizeFullStoryEvents,
    );
  };
  return Object.assign(client, {
    events: (query: FullStoryEventsQuery, streamOptions: EventStreamOptions = {}) =>
      streamSession(source(query, streamOptions), streamOptions),
    page: (query: FullStoryEventsQuery, pageOptions: PageOptions = {}) =>
      readPage(source(query, pageOptions), pageOptions) as Promise<FullStoryEventsBody>,
  });
}
