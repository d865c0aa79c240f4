import {
  createVendorClient,
  type EventStreamOptions,
  type FieldIssue,
  idIssues,
  invalidBody,
  isTimeZone,
  pageSizeIssues,
  requiredSettingIssues,
  type SessionReads,
  type SessionSource,
  type SuccessBody,
  sessionReads,
  sessionRuntime,
  type VendorClientOptions,
} from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { operations, paths } from "./generated/schema.js";
import { normalizeHardalEvents } from "./normalize.ts";
import { hardalApi } from "./raw-client.ts";

const VENDOR = hardalApi.vendor;

/** Options of `createHardalClient`: every vendor client's, and the default website signal. */
export interface HardalClientOptions extends VendorClientOptions {
  /** The default website signal id for `events()`. */
  signalId?: string;
}

/** Which session `events()` reads, of which website signal, and the zone its timestamps are read in. */
export interface HardalEventsQuery {
  /** The session's id, as Hardal's Sessions endpoint lists it (`sess_...` in Hardal's examples). */
  sessionId: string;
  /** Falls back to the client's `signalId`. */
  signalId?: string;
  /** IANA zone Hardal renders timestamps in. Default `UTC` here (Hardal's own default is Europe/Istanbul). */
  timeZone?: string | undefined;
  /** @deprecated Use `timeZone` (the name every vendor package uses). */
  timezone?: string | undefined;
  /**
   * Hardal's `targetSignalId`: a related signal the key is authorised for, whose analytics data is
   * read (Hardal uses `signalId` when it is left out).
   */
  targetSignalId?: string;
  /** Hardal's `isHybrid`: whether the signal is hybrid (self-hosted); Hardal's default is false. */
  isHybrid?: boolean;
}

/** One page of a session's activity, as Hardal sends it. */
export type HardalActivityPage = SuccessBody<operations["getSessionActivity"]>;

/**
 * The typed client, with `events()` (page by page, `pageSize` default 50, until Hardal says
 * `hasMore: false`) and `page()`.
 */
export type HardalClient = Client<paths> & SessionReads<HardalEventsQuery, HardalActivityPage>;

/** The page fields of Hardal's answer, beside `events`, bare or inside a `data` envelope. */
interface HardalPageFields {
  events?: unknown;
  hasMore?: unknown;
  totalCount?: unknown;
}

/** A typed client for Hardal's session activity API; the key goes out as a Bearer token. */
export function createHardalClient(options: HardalClientOptions): HardalClient {
  const client = createVendorClient<paths>(hardalApi, options, sessionRuntime);
  const source = (
    query: HardalEventsQuery,
    streamOptions: EventStreamOptions,
  ): SessionSource | FieldIssue[] => {
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
    issues.push(...pageSizeIssues(limit, 1000));
    if (issues.length > 0) return issues;

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
  return Object.assign(client, sessionReads<HardalEventsQuery, HardalActivityPage>(VENDOR, source, options));
}
