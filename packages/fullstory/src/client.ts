import {
  createVendorClient,
  excerpt,
  type FieldIssue,
  type SessionReads,
  type SessionSource,
  type SuccessBody,
  sessionReads,
  sessionRuntime,
  singleResponseSource,
  type VendorClientOptions,
} from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { operations, paths } from "./generated/schema.js";
import { normalizeFullStoryEvents } from "./normalize.ts";
import { fullStoryApi } from "./raw-client.ts";

/** Options of `createFullStoryClient`: every vendor client's, with none of FullStory's own. */
export type FullStoryClientOptions = VendorClientOptions;

/** Which session `events()` reads, and whether FullStory may answer from its cache. */
export interface FullStoryEventsQuery {
  /** The full session id `{device_id}:{session_id}`, e.g. from `FS('getSession')`. */
  sessionId: string;
  /** Let FullStory answer from its event cache (faster; may miss the newest configuration). */
  enableEventCache?: boolean;
}

/** The session's events, as FullStory sends them. */
export type FullStoryEventsBody = SuccessBody<operations["getSessionEvents"]>;

/** The typed client, with `events()` and `page()`: FullStory returns a session's events in one response. */
export type FullStoryClient = Client<paths> & SessionReads<FullStoryEventsQuery, FullStoryEventsBody>;

const VENDOR = fullStoryApi.vendor;

const SESSION_ID = /^[0-9]{1,20}:[0-9]{1,20}$/;

/** A typed client for FullStory's session events: the raw client's calls, `events()` and `page()`. */
export function createFullStoryClient(options: FullStoryClientOptions): FullStoryClient {
  const client = createVendorClient<paths>(fullStoryApi, options, sessionRuntime);
  const source = (query: FullStoryEventsQuery): SessionSource | FieldIssue[] => {
    if (typeof query?.sessionId !== "string" || !SESSION_ID.test(query.sessionId)) {
      return [
        {
          path: "sessionId",
          message: `must be "{device_id}:{session_id}" (two decimal ids), got ${JSON.stringify(excerpt(String(query?.sessionId), 60))}`,
        },
      ];
    }
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
  return Object.assign(
    client,
    sessionReads<FullStoryEventsQuery, FullStoryEventsBody>(VENDOR, source, options),
  );
}
