import {
  createVendorClient,
  type EventStream,
  type EventStreamOptions,
  idIssues,
  isTimeZone,
  paginate,
  readJson,
  type VendorClientOptions,
  validationError,
} from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";
import { normalizeHardalEvents } from "./normalize.ts";

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
  timezone?: string;
  targetSignalId?: string;
  isHybrid?: boolean;
}

export type HardalClient = Client<paths> & {
  /** The session's events, normalized, oldest first, fetched page by page (`pageSize` default 50). */
  events(query: HardalEventsQuery, options?: EventStreamOptions): EventStream;
};

interface HardalPageFields {
  events?: unknown;
  hasMore?: unknown;
  totalCount?: unknown;
  pageSize?: unknown;
}

/** A typed client for Hardal's session activity API; the key goes out as a Bearer token. */
export function createHardalClient(options: HardalClientOptions): HardalClient {
  const client = createVendorClient<paths>(
    {
      vendor: "hardal",
      baseUrl: hardalServers.production,
      authHeader: (apiKey) => ["Authorization", `Bearer ${apiKey}`],
      // "100 requests per minute per API key" (docs.usehardal.com/en/analytics/api, Rate Limits).
      rateLimit: { requests: 100, perMs: 60_000 },
    },
    options,
  );
  const events = (query: HardalEventsQuery, streamOptions: EventStreamOptions = {}) => {
    const signalId = query?.signalId ?? options.signalId;
    // Asking for UTC makes the timestamps unambiguous whatever the account's settings.
    const timezone = query?.timezone ?? "UTC";
    const limit = streamOptions.pageSize ?? 50;
    const issues = idIssues("sessionId", query?.sessionId);
    if (typeof signalId !== "string" || signalId.trim() === "") {
      issues.push({ path: "signalId", message: "is required (in the query or the client options)" });
    } else issues.push(...idIssues("signalId", signalId));
    issues.push(...idIssues("targetSignalId", query?.targetSignalId, false));
    if (!isTimeZone(timezone))
      issues.push({ path: "timezone", message: `unknown IANA time zone ${JSON.stringify(timezone)}` });
    // Hardal documents no maximum; it advises small pages for busy sessions.
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      issues.push({ path: "pageSize", message: "must be 1-1000" });
    if (issues.length > 0) throw validationError("hardal", issues);

    return paginate("hardal", streamOptions, async (page, signal) => {
      const body = (await readJson(
        "hardal",
        () =>
          client.GET("/api/websites/{signalId}/sessions/{sessionId}/activity", {
            params: {
              path: { signalId: signalId as string, sessionId: query.sessionId },
              query: {
                orderBy: "timestamp",
                order: "asc",
                timezone,
                page,
                limit,
                ...(query.targetSignalId !== undefined ? { targetSignalId: query.targetSignalId } : {}),
                ...(query.isHybrid !== undefined ? { isHybrid: query.isHybrid } : {}),
              },
            },
            parseAs: "stream",
            signal,
          }),
        streamOptions.maxResponseBytes,
        signal,
      )) as HardalPageFields & { data?: HardalPageFields };
      const normalized = normalizeHardalEvents(body as never, {
        timezone,
        sessionId: query.sessionId,
        includeRaw: streamOptions.includeRaw ?? true,
      });
      // The page fields sit beside `events`, bare or inside a `data` envelope.
      const fields = Array.isArray(body?.events) ? body : (body?.data ?? {});
      const total = fields.totalCount;
      const size =
        Number.isInteger(fields.pageSize) && (fields.pageSize as number) > 0 ? fields.pageSize : limit;
      return {
        events: normalized,
        hasMore: fields.hasMore === true,
        ...(Number.isInteger(total) ? { totalPages: Math.ceil((total as number) / (size as number)) } : {}),
      };
    });
  };
  return Object.assign(client, { events });
}
