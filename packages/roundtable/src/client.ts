import {
  createVendorClient,
  type EventStream,
  type EventStreamOptions,
  idIssues,
  singleResponse,
  type VendorClientOptions,
  validationError,
} from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";
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

export type RoundtableClient = Client<paths> & {
  /** The session's events, normalized. Roundtable returns the whole log in one response. */
  events(query: RoundtableEventsQuery, options?: EventStreamOptions): EventStream;
};

/** A typed client for Roundtable's session-events API; the secret key goes out as a Bearer token. */
export function createRoundtableClient(options: RoundtableClientOptions): RoundtableClient {
  const client = createVendorClient<paths>(
    {
      vendor: "roundtable",
      baseUrl: roundtableServers.production,
      authHeader: (apiKey) => ["Authorization", `Bearer ${apiKey}`],
    },
    options,
  );
  const events = (query: RoundtableEventsQuery, streamOptions: EventStreamOptions = {}) => {
    const issues = idIssues("sessionId", query?.sessionId);
    if (issues.length > 0) throw validationError("roundtable", issues);
    return singleResponse(
      "roundtable",
      streamOptions,
      (signal) =>
        client.GET("/v1/sessions/{sessionId}/events", {
          params: { path: { sessionId: query.sessionId } },
          parseAs: "stream",
          signal,
        }),
      (body, includeRaw) => normalizeRoundtableEvents(body as never, { includeRaw }),
    );
  };
  return Object.assign(client, { events });
}
