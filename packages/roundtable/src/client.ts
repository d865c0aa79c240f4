import {
  createVendorClient,
  type FieldIssue,
  idIssues,
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
import { normalizeRoundtableEvents } from "./normalize.ts";
import { roundtableApi } from "./raw-client.ts";

/** Options of `createRoundtableClient`: every vendor client's, with none of Roundtable's own. */
export type RoundtableClientOptions = VendorClientOptions;

/** Which session `events()` reads. */
export interface RoundtableEventsQuery {
  /** From `window.getRoundtableSessionId()` in the page. */
  sessionId: string;
}

/** The session's event log, as Roundtable sends it. */
export type RoundtableEventsBody = SuccessBody<operations["getSessionEvents"]>;

/** The typed client, with `events()` and `page()`: Roundtable returns the whole log in one response. */
export type RoundtableClient = Client<paths> & SessionReads<RoundtableEventsQuery, RoundtableEventsBody>;

const VENDOR = roundtableApi.vendor;

/** A typed client for Roundtable's session-events API; the secret key goes out as a Bearer token. */
export function createRoundtableClient(options: RoundtableClientOptions): RoundtableClient {
  const client = createVendorClient<paths>(roundtableApi, options, sessionRuntime);
  const source = (query: RoundtableEventsQuery): SessionSource | FieldIssue[] => {
    const issues = idIssues("sessionId", query?.sessionId);
    if (issues.length > 0) return issues;
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
  return Object.assign(
    client,
    sessionReads<RoundtableEventsQuery, RoundtableEventsBody>(VENDOR, source, options),
  );
}
