// One adapter per vendor: how the CLI builds its client, reads its events and its untouched page 1.
import { createActionHubClient } from "@sessiontrail/actionhub";
import { type EventStream, type EventStreamOptions, readJson } from "@sessiontrail/core";
import { createFullStoryClient } from "@sessiontrail/fullstory";
import { createHardalClient } from "@sessiontrail/hardal";
import {
  createOpenReplayClient,
  OPENREPLAY_MIN_TIMESTAMP,
  openReplayEventColumns,
} from "@sessiontrail/openreplay";
import { createRoundtableClient } from "@sessiontrail/roundtable";

export const vendorNames = ["roundtable", "openreplay", "fullstory", "actionhub", "hardal"] as const;
export type VendorName = (typeof vendorNames)[number];

export function isVendorName(name: string): name is VendorName {
  return (vendorNames as readonly string[]).includes(name);
}

/** Values the spec examples use: the ids the Prism mocks answer to, and the examples in --help. */
export const mockDefaults = {
  roundtable: { id: "abc123def456" },
  openreplay: { id: "4813023023591169", projectKey: "3sWXSsqHgSKnE87YkNJK" },
  fullstory: { id: "17117:5916567459329906423" },
  actionhub: { id: "cust-10482", programId: "acme-outdoor-us" },
  hardal: { id: "sess_8f3k2j9d7a1c", signalId: "clx9k2m4a0001qw8e7hz3f5tb" },
} as const satisfies Record<VendorName, { id: string; [setting: string]: string }>;

/** `SESSIONTRAIL_<VENDOR>_<NAME>`, e.g. `SESSIONTRAIL_FULLSTORY_API_KEY`. */
export const envName = (vendor: VendorName, name: string) => `SESSIONTRAIL_${vendor.toUpperCase()}_${name}`;

/** The hint for a setting a client refused: which flag or variable sets it, and what it takes. */
export function settingHint(vendor: VendorName, setting: string): string | undefined {
  const either = (flag: string, env: string) => `pass ${flag} or set ${envName(vendor, env)}`;
  switch (setting) {
    case "apiKey":
      return either("--api-key", "API_KEY");
    case "baseUrl":
      return `${either("--base-url", "BASE_URL")} (https, or http on loopback)`;
    case "projectKey":
      return either("--project-key", "PROJECT_KEY");
    case "signalId":
      return either("--signal-id", "SIGNAL_ID");
    case "programId":
      return either("--program-id", "PROGRAM_ID");
    case "timezone":
      return "--timezone takes an IANA zone such as UTC or Europe/Istanbul";
    case "pageSize":
      return "--page-size takes a positive integer (OpenReplay: 1-200)";
    case "concurrency":
      return "--concurrency takes an integer 1-16";
    case "since":
    case "until":
      return "--since and --until take an ISO date-time or epoch ms; OpenReplay needs since >= 2000-01-01 and until > since";
    default:
      return undefined;
  }
}

/** Everything one vendor call needs, already resolved from flags and environment. */
export interface VendorCall {
  apiKey: string;
  baseUrl?: string;
  headers?: Record<string, string>;
  projectKey?: string;
  signalId?: string;
  programId?: string;
  since?: number;
  until?: number;
  timezone?: string;
  pageSize?: number;
  maxEvents?: number;
  concurrency?: number;
  timeoutMs?: number;
  maxAttempts?: number;
  includeRaw?: boolean;
}

export interface VendorAdapter {
  name: VendorName;
  /** What the id argument is, for help and errors. */
  idLabel: string;
  /** Validates the call (throws a `validation` SessionTrailError) and returns the lazy event stream. */
  events(id: string, call: VendorCall): EventStream;
  /** Page 1 of the vendor's response, untouched, with the parameters `events()` sends. */
  raw(id: string, call: VendorCall): Promise<unknown>;
}

const clientOptions = (call: VendorCall) => ({
  apiKey: call.apiKey,
  ...(call.baseUrl !== undefined ? { baseUrl: call.baseUrl } : {}),
  ...(call.headers !== undefined ? { headers: call.headers } : {}),
});

const streamOptions = (call: VendorCall): EventStreamOptions => ({
  includeRaw: call.includeRaw ?? false,
  ...(call.pageSize !== undefined ? { pageSize: call.pageSize } : {}),
  ...(call.maxEvents !== undefined ? { maxEvents: call.maxEvents } : {}),
  ...(call.concurrency !== undefined ? { concurrency: call.concurrency } : {}),
  ...(call.timeoutMs !== undefined ? { timeoutMs: call.timeoutMs } : {}),
  ...(call.maxAttempts !== undefined ? { retry: { maxAttempts: call.maxAttempts } } : {}),
});

export const vendors: Record<VendorName, VendorAdapter> = {
  roundtable: {
    name: "roundtable",
    idLabel: "session id (window.getRoundtableSessionId())",
    events: (id, call) =>
      createRoundtableClient(clientOptions(call)).events({ sessionId: id }, streamOptions(call)),
    async raw(id, call) {
      const client = createRoundtableClient(clientOptions(call));
      client.events({ sessionId: id }); // validates; the stream is lazy and never read
      return readJson("roundtable", () =>
        client.GET("/v1/sessions/{sessionId}/events", {
          params: { path: { sessionId: id } },
          parseAs: "text",
        }),
      );
    },
  },
  openreplay: {
    name: "openreplay",
    idLabel: "session id",
    events(id, call) {
      const client = createOpenReplayClient({ ...clientOptions(call), ...projectKeyOf(call) });
      return client.events({ sessionId: id, ...windowOf(call) }, streamOptions(call));
    },
    async raw(id, call) {
      const client = createOpenReplayClient({ ...clientOptions(call), ...projectKeyOf(call) });
      client.events({ sessionId: id, ...windowOf(call) }, streamOptions(call));
      return readJson("openreplay", () =>
        client.POST("/public/{projectKey}/sessions/{sessionId}/events", {
          params: { path: { projectKey: call.projectKey as string, sessionId: id } },
          body: {
            startTimestamp: call.since ?? OPENREPLAY_MIN_TIMESTAMP,
            endTimestamp: call.until ?? Date.now(),
            limit: call.pageSize ?? 200,
            page: 1,
            sortOrder: "asc",
            columns: openReplayEventColumns,
          },
          parseAs: "text",
        }),
      );
    },
  },
  fullstory: {
    name: "fullstory",
    idLabel: 'session id "{device_id}:{session_id}"',
    events: (id, call) =>
      createFullStoryClient(clientOptions(call)).events({ sessionId: id }, streamOptions(call)),
    async raw(id, call) {
      const client = createFullStoryClient(clientOptions(call));
      client.events({ sessionId: id });
      return readJson("fullstory", () =>
        client.GET("/v2/sessions/{session_id}/events", {
          params: { path: { session_id: id } },
          parseAs: "text",
        }),
      );
    },
  },
  actionhub: {
    name: "actionhub",
    idLabel: "user id (ActionHub logs per user, not per session)",
    events(id, call) {
      const client = createActionHubClient({ ...clientOptions(call), ...programIdOf(call) });
      return client.events({ userId: id }, streamOptions(call));
    },
    async raw(id, call) {
      const client = createActionHubClient({ ...clientOptions(call), ...programIdOf(call) });
      client.events({ userId: id });
      return readJson("actionhub", () =>
        client.GET("/users/{user_id}/events", {
          params: { path: { user_id: id }, header: { "program-id": call.programId as string } },
          parseAs: "text",
        }),
      );
    },
  },
  hardal: {
    name: "hardal",
    idLabel: "session id",
    events(id, call) {
      const client = createHardalClient({ ...clientOptions(call), ...signalIdOf(call) });
      return client.events({ sessionId: id, ...timezoneOf(call) }, streamOptions(call));
    },
    async raw(id, call) {
      const client = createHardalClient({ ...clientOptions(call), ...signalIdOf(call) });
      client.events({ sessionId: id, ...timezoneOf(call) }, streamOptions(call));
      return readJson("hardal", () =>
        client.GET("/api/websites/{signalId}/sessions/{sessionId}/activity", {
          params: {
            path: { signalId: call.signalId as string, sessionId: id },
            query: {
              orderBy: "timestamp",
              order: "asc",
              timezone: call.timezone ?? "UTC",
              page: 1,
              limit: call.pageSize ?? 50,
            },
          },
          parseAs: "text",
        }),
      );
    },
  },
};

const projectKeyOf = (call: VendorCall) =>
  call.projectKey !== undefined ? { projectKey: call.projectKey } : {};
const programIdOf = (call: VendorCall) => (call.programId !== undefined ? { programId: call.programId } : {});
const signalIdOf = (call: VendorCall) => (call.signalId !== undefined ? { signalId: call.signalId } : {});
const timezoneOf = (call: VendorCall) => (call.timezone !== undefined ? { timezone: call.timezone } : {});
const windowOf = (call: VendorCall) => ({
  ...(call.since !== undefined ? { since: call.since } : {}),
  ...(call.until !== undefined ? { until: call.until } : {}),
});
