// How the contract suite drives each vendor. What every vendor shares comes from its descriptor (the
// CLI's registry): the client, the events() query from the spec-example ids, the normalizer. What is
// truly vendor-specific is written below, keyed by vendor: one typed call of each spec operation with
// valid inputs, and the inputs the spec and the client refuse.
import { mockDefaults, type VendorName, vendorDescriptors } from "@sessiontrail/cli";
import type { EventStream, EventStreamOptions, SessionEvent } from "@sessiontrail/core";
import { openReplayEventColumns } from "@sessiontrail/openreplay";

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

/** The window sent to vendors that search one (the spec examples' sessions fall inside it). */
const window = { since: 1_623_440_000_000, until: 1_623_441_000_000 };

const options = (setup: ClientSetup) => ({
  apiKey,
  // Hardal's client keeps to 100 requests a minute by default; the dynamic run makes more.
  rateLimit: false as const,
  baseUrl: setup.baseUrl,
  ...(setup.headers ? { headers: setup.headers } : {}),
  ...(setup.fetch ? { fetch: setup.fetch } : {}),
});

const rawFetch = (url: string, init: RequestInit) => fetch(url, init);

/** The spec-example ids and settings of each vendor (its descriptor's `mock`). */
const ids = mockDefaults;

type DescriptorOf<N extends VendorName> = Extract<(typeof vendorDescriptors)[number], { name: N }>;
type ClientOf<N extends VendorName> = ReturnType<DescriptorOf<N>["create"]>;

/** What only this vendor has: a typed call per spec operation, and the inputs that must be refused. */
interface VendorSpecific<Client> {
  /** One typed call of each spec operation, by `METHOD /path`, with the spec-example ids. */
  calls: Record<string, (client: Client) => Promise<CallResult>>;
  invalid: InvalidInput[];
}

/**
 * Keyed by vendor: a vendor in the registry without an entry here fails to compile, and one in
 * redocly.yaml without a descriptor fails `contractOf`.
 */
const specific = {
  roundtable: {
    calls: {
      "GET /v1/sessions/{sessionId}/events": (client) =>
        client.GET("/v1/sessions/{sessionId}/events", { params: { path: { sessionId: ids.roundtable.id } } }),
    },
    invalid: [
      {
        what: "a missing Bearer key",
        raw: (baseUrl) => rawFetch(`${baseUrl}/v1/sessions/${ids.roundtable.id}/events`, {}),
        viaClient: (setup) => descriptor("roundtable").create({ ...options(setup), apiKey: "" }),
      },
    ],
  },
  openreplay: {
    calls: {
      "POST /public/{projectKey}/sessions/{sessionId}/events": (client) =>
        client.POST("/public/{projectKey}/sessions/{sessionId}/events", {
          params: { path: { projectKey: ids.openreplay.projectKey as string, sessionId: ids.openreplay.id } },
          body: {
            startTimestamp: window.since,
            endTimestamp: window.until,
            limit: 200,
            page: 1,
            sortOrder: "asc",
            columns: openReplayEventColumns,
          },
        }),
    },
    invalid: [
      {
        what: "a page size (limit) of 500, above the maximum of 200",
        field: "limit",
        raw: (baseUrl) =>
          rawFetch(`${baseUrl}/public/${ids.openreplay.projectKey}/sessions/${ids.openreplay.id}/events`, {
            method: "POST",
            headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
            body: JSON.stringify({
              startTimestamp: window.since,
              endTimestamp: window.until,
              limit: 500,
              page: 1,
            }),
          }),
        viaClient: (setup) => streamOf("openreplay", setup, { pageSize: 500 }),
      },
      {
        what: "a start timestamp before 2000-01-01",
        field: "startTimestamp",
        raw: (baseUrl) =>
          rawFetch(`${baseUrl}/public/${ids.openreplay.projectKey}/sessions/${ids.openreplay.id}/events`, {
            method: "POST",
            headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
            body: JSON.stringify({ startTimestamp: 1000, endTimestamp: window.until, limit: 10, page: 1 }),
          }),
        viaClient: (setup) =>
          clientOf("openreplay", setup).events({
            sessionId: ids.openreplay.id,
            since: 1000,
            until: window.until,
          }),
      },
    ],
  },
  fullstory: {
    calls: {
      "GET /v2/sessions/{session_id}/events": (client) =>
        client.GET("/v2/sessions/{session_id}/events", {
          params: { path: { session_id: ids.fullstory.id } },
        }),
    },
    invalid: [
      {
        what: 'a session id that is not "{device_id}:{session_id}"',
        field: "session_id",
        raw: (baseUrl) =>
          rawFetch(`${baseUrl}/v2/sessions/not-a-session/events`, {
            headers: { authorization: `Basic ${apiKey}` },
          }),
        viaClient: (setup) => clientOf("fullstory", setup).events({ sessionId: "not-a-session" }),
      },
    ],
  },
  actionhub: {
    calls: {
      "GET /users/{user_id}/events": (client) =>
        client.GET("/users/{user_id}/events", {
          params: {
            path: { user_id: ids.actionhub.id },
            header: { "program-id": ids.actionhub.programId as string },
          },
        }),
    },
    invalid: [
      {
        what: "a missing program-id header",
        field: "program-id",
        raw: (baseUrl) =>
          rawFetch(`${baseUrl}/users/${ids.actionhub.id}/events`, { headers: { "actionhub-key": apiKey } }),
        viaClient: (setup) =>
          descriptor("actionhub").create(options(setup)).events({ userId: ids.actionhub.id }),
      },
    ],
  },
  hardal: {
    calls: {
      "GET /api/websites/{signalId}/sessions/{sessionId}/activity": (client) =>
        client.GET("/api/websites/{signalId}/sessions/{sessionId}/activity", {
          params: {
            path: { signalId: ids.hardal.signalId as string, sessionId: ids.hardal.id },
            query: { orderBy: "timestamp", order: "asc", timezone: "UTC", page: 1, limit: 50 },
          },
        }),
    },
    invalid: [
      {
        what: "a page size (limit) of 0, below the minimum of 1",
        field: "limit",
        raw: (baseUrl) =>
          rawFetch(
            `${baseUrl}/api/websites/${ids.hardal.signalId}/sessions/${ids.hardal.id}/activity?limit=0`,
            {
              headers: { authorization: `Bearer ${apiKey}` },
            },
          ),
        viaClient: (setup) => streamOf("hardal", setup, { pageSize: 0 }),
      },
    ],
  },
} satisfies { [N in VendorName]: VendorSpecific<ClientOf<N>> };

function descriptor<N extends VendorName>(vendor: N): DescriptorOf<N> {
  return vendorDescriptors.find((d) => d.name === vendor) as DescriptorOf<N>;
}

/** The vendor's client with the suite's key and the spec-example settings (OpenReplay's project key). */
function clientOf<N extends VendorName>(vendor: N, setup: ClientSetup): ClientOf<N> {
  const { id: _id, ...settings } = ids[vendor];
  return (descriptor(vendor).create as (options: object) => ClientOf<N>)({
    ...options(setup),
    ...settings,
  });
}

/** The descriptor's events() query for the spec-example id, inside `window` where the vendor searches one. */
function queryOf(vendor: VendorName): unknown {
  const d = descriptor(vendor);
  const { id, ...settings } = ids[vendor];
  return d.toQuery({ id, settings, ...(d.query.window ? window : {}) });
}

function streamOf(vendor: VendorName, setup: ClientSetup, streamOptions?: EventStreamOptions): EventStream {
  return (
    clientOf(vendor, setup) as { events(query: unknown, options?: EventStreamOptions): EventStream }
  ).events(queryOf(vendor), streamOptions);
}

export const contracts: VendorContract[] = vendorDescriptors.map((d): VendorContract => {
  const { calls, invalid } = specific[d.name] as VendorSpecific<unknown>;
  return {
    vendor: d.name,
    operations: Object.keys(calls),
    call: (operation, setup) => {
      const call = calls[operation];
      if (call === undefined) throw new Error(`${d.name}: the contract table has no call for ${operation}`);
      return call(clientOf(d.name, setup));
    },
    normalize: (body) =>
      (d.normalize as (body: unknown, query: unknown) => SessionEvent[])(body, queryOf(d.name)),
    events: (setup, streamOptions) => streamOf(d.name, setup, streamOptions),
    invalid,
  };
});

export function contractOf(vendor: string): VendorContract {
  const contract = contracts.find((c) => c.vendor === vendor);
  if (!contract) throw new Error(`contract-tests/vendors.ts has no entry for the spec "${vendor}"`);
  return contract;
}
