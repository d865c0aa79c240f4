// How the contract suite drives each vendor: one typed call of each spec operation with valid
// inputs, the vendor's normalizer, its event stream, and one input the spec and the client refuse.
import { createActionHubClient, normalizeActionHubEvents } from "@sessiontrail/actionhub";
import type { EventStream, EventStreamOptions, SessionEvent } from "@sessiontrail/core";
import { createFullStoryClient, normalizeFullStoryEvents } from "@sessiontrail/fullstory";
import { createHardalClient, normalizeHardalEvents } from "@sessiontrail/hardal";
import {
  createOpenReplayClient,
  normalizeOpenReplayEvents,
  openReplayEventColumns,
} from "@sessiontrail/openreplay";
import { createRoundtableClient, normalizeRoundtableEvents } from "@sessiontrail/roundtable";

export const apiKey = "sk_contract_7f3a9c2e1b5d4";

/** What a typed openapi-fetch call returns: typed `data` for a 2xx, typed `error` otherwise. */
export interface CallResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

export interface ClientSetup {
  baseUrl: string;
  /** Extra request headers, e.g. Prism's `Prefer`. */
  headers?: Record<string, string>;
  fetch?: (request: Request) => Promise<Response>;
}

/** A request the spec forbids: sent raw to Prism, and given to the client, which must refuse it. */
export interface InvalidInput {
  what: string;
  /** The request field Prism must name in its validation errors (absent for a missing key: 401). */
  field?: string;
  raw(baseUrl: string): Promise<Response>;
  viaClient(setup: ClientSetup): unknown;
}

export interface VendorContract {
  vendor: string;
  /** `METHOD /path` of every operation this table covers; must equal the spec's operations. */
  operations: string[];
  call(operation: string, setup: ClientSetup): Promise<CallResult>;
  normalize(body: unknown): SessionEvent[];
  events(setup: ClientSetup, options?: EventStreamOptions): EventStream;
  invalid: InvalidInput[];
}

const ids = {
  roundtable: "abc123def456",
  openreplay: { projectKey: "3sWXSsqHgSKnE87YkNJK", sessionId: "4813023023591169" },
  fullstory: "17117:5916567459329906423",
  actionhub: { userId: "cust-10482", programId: "acme-outdoor-us" },
  hardal: { sessionId: "sess_8f3k2j9d7a1c", signalId: "clx9k2m4a0001qw8e7hz3f5tb" },
};
const window = { since: 1_623_440_000_000, until: 1_623_441_000_000 };

const options = (setup: ClientSetup) => ({
  apiKey,
  // Hardal's client keeps to 100 requests a minute by default; the dynamic run makes more.
  rateLimit: false as const,
  baseUrl: setup.baseUrl,
  ...(setup.headers ? { headers: setup.headers } : {}),
  ...(setup.fetch ? { fetch: setup.fetch } : {}),
});

const unknownOperation = (vendor: string, operation: string): never => {
  throw new Error(`${vendor}: the contract table has no call for ${operation}`);
};

const rawFetch = (url: string, init: RequestInit) => fetch(url, init);

export const contracts: VendorContract[] = [
  {
    vendor: "roundtable",
    operations: ["GET /v1/sessions/{sessionId}/events"],
    call: (operation, setup) =>
      operation === "GET /v1/sessions/{sessionId}/events"
        ? createRoundtableClient(options(setup)).GET("/v1/sessions/{sessionId}/events", {
            params: { path: { sessionId: ids.roundtable } },
          })
        : unknownOperation("roundtable", operation),
    normalize: (body) => normalizeRoundtableEvents(body as never),
    events: (setup, streamOptions) =>
      createRoundtableClient(options(setup)).events({ sessionId: ids.roundtable }, streamOptions),
    invalid: [
      {
        what: "a missing Bearer key",
        raw: (baseUrl) => rawFetch(`${baseUrl}/v1/sessions/${ids.roundtable}/events`, {}),
        viaClient: (setup) => createRoundtableClient({ ...options(setup), apiKey: "" }),
      },
    ],
  },
  {
    vendor: "openreplay",
    operations: ["POST /public/{projectKey}/sessions/{sessionId}/events"],
    call: (operation, setup) =>
      operation === "POST /public/{projectKey}/sessions/{sessionId}/events"
        ? createOpenReplayClient(options(setup)).POST("/public/{projectKey}/sessions/{sessionId}/events", {
            params: { path: ids.openreplay },
            body: {
              startTimestamp: window.since,
              endTimestamp: window.until,
              limit: 200,
              page: 1,
              sortOrder: "asc",
              columns: openReplayEventColumns,
            },
          })
        : unknownOperation("openreplay", operation),
    normalize: (body) => normalizeOpenReplayEvents(body as never),
    events: (setup, streamOptions) =>
      createOpenReplayClient({ ...options(setup), projectKey: ids.openreplay.projectKey }).events(
        { sessionId: ids.openreplay.sessionId, ...window },
        streamOptions,
      ),
    invalid: [
      {
        what: "a page size (limit) of 500, above the maximum of 200",
        field: "limit",
        raw: (baseUrl) =>
          rawFetch(
            `${baseUrl}/public/${ids.openreplay.projectKey}/sessions/${ids.openreplay.sessionId}/events`,
            {
              method: "POST",
              headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
              body: JSON.stringify({
                startTimestamp: window.since,
                endTimestamp: window.until,
                limit: 500,
                page: 1,
              }),
            },
          ),
        viaClient: (setup) =>
          createOpenReplayClient({ ...options(setup), projectKey: ids.openreplay.projectKey }).events(
            { sessionId: ids.openreplay.sessionId, ...window },
            { pageSize: 500 },
          ),
      },
      {
        what: "a start timestamp before 2000-01-01",
        field: "startTimestamp",
        raw: (baseUrl) =>
          rawFetch(
            `${baseUrl}/public/${ids.openreplay.projectKey}/sessions/${ids.openreplay.sessionId}/events`,
            {
              method: "POST",
              headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
              body: JSON.stringify({ startTimestamp: 1000, endTimestamp: window.until, limit: 10, page: 1 }),
            },
          ),
        viaClient: (setup) =>
          createOpenReplayClient({ ...options(setup), projectKey: ids.openreplay.projectKey }).events({
            sessionId: ids.openreplay.sessionId,
            since: 1000,
            until: window.until,
          }),
      },
    ],
  },
  {
    vendor: "fullstory",
    operations: ["GET /v2/sessions/{session_id}/events"],
    call: (operation, setup) =>
      operation === "GET /v2/sessions/{session_id}/events"
        ? createFullStoryClient(options(setup)).GET("/v2/sessions/{session_id}/events", {
            params: { path: { session_id: ids.fullstory } },
          })
        : unknownOperation("fullstory", operation),
    normalize: (body) => normalizeFullStoryEvents(body as never),
    events: (setup, streamOptions) =>
      createFullStoryClient(options(setup)).events({ sessionId: ids.fullstory }, streamOptions),
    invalid: [
      {
        what: 'a session id that is not "{device_id}:{session_id}"',
        field: "session_id",
        raw: (baseUrl) =>
          rawFetch(`${baseUrl}/v2/sessions/not-a-session/events`, {
            headers: { authorization: `Basic ${apiKey}` },
          }),
        viaClient: (setup) => createFullStoryClient(options(setup)).events({ sessionId: "not-a-session" }),
      },
    ],
  },
  {
    vendor: "actionhub",
    operations: ["GET /users/{user_id}/events"],
    call: (operation, setup) =>
      operation === "GET /users/{user_id}/events"
        ? createActionHubClient(options(setup)).GET("/users/{user_id}/events", {
            params: {
              path: { user_id: ids.actionhub.userId },
              header: { "program-id": ids.actionhub.programId },
            },
          })
        : unknownOperation("actionhub", operation),
    normalize: (body) => normalizeActionHubEvents(body as never, { userId: ids.actionhub.userId }),
    events: (setup, streamOptions) =>
      createActionHubClient({ ...options(setup), programId: ids.actionhub.programId }).events(
        { userId: ids.actionhub.userId },
        streamOptions,
      ),
    invalid: [
      {
        what: "a missing program-id header",
        field: "program-id",
        raw: (baseUrl) =>
          rawFetch(`${baseUrl}/users/${ids.actionhub.userId}/events`, {
            headers: { "actionhub-key": apiKey },
          }),
        viaClient: (setup) => createActionHubClient(options(setup)).events({ userId: ids.actionhub.userId }),
      },
    ],
  },
  {
    vendor: "hardal",
    operations: ["GET /api/websites/{signalId}/sessions/{sessionId}/activity"],
    call: (operation, setup) =>
      operation === "GET /api/websites/{signalId}/sessions/{sessionId}/activity"
        ? createHardalClient(options(setup)).GET("/api/websites/{signalId}/sessions/{sessionId}/activity", {
            params: {
              path: { signalId: ids.hardal.signalId, sessionId: ids.hardal.sessionId },
              query: { orderBy: "timestamp", order: "asc", timezone: "UTC", page: 1, limit: 50 },
            },
          })
        : unknownOperation("hardal", operation),
    normalize: (body) =>
      normalizeHardalEvents(body as never, { timezone: "UTC", sessionId: ids.hardal.sessionId }),
    events: (setup, streamOptions) =>
      createHardalClient({ ...options(setup), signalId: ids.hardal.signalId }).events(
        { sessionId: ids.hardal.sessionId, timezone: "UTC" },
        streamOptions,
      ),
    invalid: [
      {
        what: "a page size (limit) of 0, below the minimum of 1",
        field: "limit",
        raw: (baseUrl) =>
          rawFetch(
            `${baseUrl}/api/websites/${ids.hardal.signalId}/sessions/${ids.hardal.sessionId}/activity?limit=0`,
            { headers: { authorization: `Bearer ${apiKey}` } },
          ),
        viaClient: (setup) =>
          createHardalClient({ ...options(setup), signalId: ids.hardal.signalId }).events(
            { sessionId: ids.hardal.sessionId },
            { pageSize: 0 },
          ),
      },
    ],
  },
];

export function contractOf(vendor: string): VendorContract {
  const contract = contracts.find((c) => c.vendor === vendor);
  if (!contract) throw new Error(`contract-tests/vendors.ts has no entry for the spec "${vendor}"`);
  return contract;
}
