import {
  createVendorClient,
  type EventStream,
  type EventStreamOptions,
  idIssues,
  invalidBody,
  isTimeZone,
  type PageOptions,
  readPage,
  requiredSettingIssues,
  type SessionSource,
  type SuccessBody,
  streamOptionIssues,
  streamSession,
  type VendorClientOptions,
  validationError,
} from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { operations, paths } from "./generated/schema.js";
import { normalizeHardalEvents } from "./normalize.ts";

const VENDOR = "hardal";

/** Hardal's documented base URLs (the spec's `servers`). */
export const hardalServers = {
  production: "https://app.usehardal.com",
} as const;

export interface HardalClientOptions extends VendorClientOptions {
  /** The default website signal id for `events()`. */
  signalId?: string;
}

export interface HardalEventsQuery {
  sessionId: string;
  /** Falls back to the client's `signalId`. */
  signalId?: string;
  /** IANA zone Hardal renders timestamps in. Default `UTC` here (Hardal's own default is Europe/Istanbul). */
  timeZone?: string | undefined;
  /** @deprecated Use `timeZone` (the name every vendor package uses). */
  timezone?: string | undefined;
  targetSignalId?: string;
  isHybrid?: boolean;
}

/** One page of a session's activity, as Hardal sends it. */
export type HardalActivityPage = SuccessBody<operations["getSessionActivity"]>;

export type HardalClient = Client<paths> & {
  /**
   * The session's events, normalized, oldest first, fetched page by page (`pageSize` default 50)
   * until Hardal says `hasMore: false`: the whole session or a `SessionTrailError`.
   */
  events(query: HardalEventsQuery, options?: EventStreamOptions): EventStream;
  /** One page (default 1) of the activity `events()` reads, untouched, with the same checks and retries. */
  page(query: HardalEventsQuery, options?: PageOptions): Promise<HardalActivityPage>;
};

/** The page fields of Hardal's answer, beside `events`, bare or inside a `data` envelope. */
interface HardalPageFields {
  events?: unknown;
  hasMore?: unknown;
  totalCount?: unknown;
}

/** A typed client for Hardal's session activity API; the key goes out as a Bearer token. */
export function createHardalClient(options: HardalClientOptions): HardalClient {
  const client = createVendorClient<paths>(
    {
      vendor: VENDOR,
      baseUrl: hardalServers.production,
      authHeader: (apiKey) => ["Authorization", `Bearer ${apiKey}`],
      // "100 requests per minute per API key" (docs.usehardal.com/en/analytics/api, Rate Limits).
      rateLimit: { requests: 100, perMs: 60_000 },
    },
    options,
  );
  const source = (query: HardalEventsQuery, streamOptions: EventStreamOptions): SessionSource => {
    const signalId = query?.signalId ?? options.signalId;
    // Asking for UTC makes the timestamps unambiguous whatever the account's settings.
    const timeZone = query?.timeZone ?? query?.timezone ?? "UTC";
    const limit = streamOptions.pageSize ?? 50;
    const sessionId = query?.sessionId;
    const issues = [
      ...idIssues("sessionId", sessionId),
      ...requiredSettingIssues("signalId", signalId),
      ...idIssues("targetSignalId", query?.targetSignalId, false),
    ];
    if (!isTimeZone(timeZone))
      issues.push({ path: "timeZone", message: `unknown IANA time zone ${JSON.stringify(timeZone)}` });
    // Hardal documents no maximum; it advises small pages for busy sessions.
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      issues.push({ path: "pageSize", message: "must be 1-1000" });
    issues.push(...streamOptionIssues(streamOptions));
    if (issues.length > 0) throw validationError(VENDOR, issues);

    const path = { signalId: signalId as string, sessionId: sessionId as string };
    return {
      vendor: VENDOR,
      paged: true,
      pageSize: limit,
      request: (page, request) =>
        client.GET("/api/websites/{signalId}/sessions/{sessionId}/activity", {
          params: {
            path,
            query: {
              orderBy: "timestamp",
              order: "asc",
              timezone: timeZone,
              page,
              limit,
              ...(query.targetSignalId !== undefined ? { targetSignalId: query.targetSignalId } : {}),
              ...(query.isHybrid !== undefined ? { isHybrid: query.isHybrid } : {}),
            },
          },
          parseAs: "stream",
          ...request,
        }),
      read(body, normalize) {
        const events = normalizeHardalEvents(body, { ...normalize, timeZone, sessionId: path.sessionId });
        const page = body as HardalPageFields & { data?: HardalPageFields };
        const fields = (Array.isArray(page.events) ? page : page.data) as HardalPageFields;
        // The spec requires `hasMore`: without it a page cannot say whether the session goes on.
        if (typeof fields.hasMore !== "boolean") {
          throw invalidBody(VENDOR, "hasMore is not a boolean", body);
        }
        const total = fields.totalCount;
        if (total !== undefined && !(Number.isInteger(total) && (total as number) >= 0)) {
          throw invalidBody(VENDOR, "totalCount is not an event count", body);
        }
        return {
          events,
          count: (fields.events as unknown[]).length,
          hasMore: fields.hasMore,
          total: total as number | undefined,
        };
      },
    };
  };
  return Object.assign(client, {
    events: (query: HardalEventsQuery, streamOptions: EventStreamOptions = {}) =>
      streamSession(source(query, streamOptions), streamOptions),
    page: (query: HardalEventsQuery, pageOptions: PageOptions = {}) =>
      readPage(source(query, pageOptions), pageOptions) as Promise<HardalActivityPage>,
  });
}
