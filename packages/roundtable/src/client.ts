import {
  createVendorClient,
  type EventStream,
  type EventStreamOptions,
  idIssues,
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
import { normalizeRoundtableEvents } from "./normalize.ts";

/** Roundtable's documented base URLs (the spec's `servers`). */
export const roundtableServers = {
  production: "https://api.roundtable.ai",
} as const;

export type RoundtableClientOptions = VendorClientOptions;

export interface RoundtableEventsQuery {
  /** From `window.getRoundtableSessionId()` in the page. */
  sessionId: string;
}

/** The session's event log, as Roundtable sends it. */
export type RoundtableEventsBody = SuccessBody<operations["getSessionEvents"]>;

export type RoundtableClient = Client<paths> & {
  /** The session's events, normalized, oldest first. Roundtable returns the whole log in one response. */
  events(query: RoundtableEventsQuery, options?: EventStreamOptions): EventStream;
  /** The response `events()` reads, untouched, with the same checks and retries. */
  page(query: RoundtableEventsQuery, options?: PageOptions): Promise<RoundtableEventsBody>;
};

const VENDOR = "roundtable";

/** A typed client for Roundtable's session-events API; the secret key goes out as a Bearer token. */
export function createRoundtableClient(options: RoundtableClientOptions): RoundtableClient {
  const client = createVendorClient<paths>(
    {
      vendor: VENDOR,
      baseUrl: roundtableServers.production,
      authHeader: (apiKey) => ["Authorization", `Bearer ${apiKey}`],
    },
    options,
  );
  const source = (query: RoundtableEventsQuery, streamOptions: EventStreamOptions): SessionSource => {
    const issues = [...idIssues("sessionId", query?.sessionId), ...streamOptionIssues(streamOptions)];
    if (issues.length > 0) throw validationError(VENDOR, issues);
    return singleResponseSource(
      VENDOR,
      (request) =>
        client.GET("/v1/sessions/{sessionId}/events", {
          params: { path: { sessionId: query.sessionId } },
          parseAs: "stream",
          ...request,
        }),
      normalizeRoundtableEvents,
    );
  };
  return Object.assign(client, {
    events: (query: RoundtableEventsQuery, streamOptions: EventStreamOptions = {}) =>
      streamSession(source(query, streamOptions), streamOptions),
    page: (query: RoundtableEventsQuery, pageOptions: PageOptions = {}) =>
      readPage(source(query, pageOptions), pageOptions) as Promise<RoundtableEventsBody>,
  });
}
