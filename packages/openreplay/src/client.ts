import {
  createVendorClient,
  type EventStreamOptions,
  epochMs,
  type FieldIssue,
  idIssues,
  invalidBody,
  pageSizeIssues,
  requiredSettingIssues,
  type SessionReads,
  type SessionSource,
  type SuccessBody,
  sessionReads,
  sessionRuntime,
  type VendorClientOptions,
  windowIssues,
} from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { components, operations, paths } from "./generated/schema.js";
import { normalizeOpenReplayEvents } from "./normalize.ts";
import { openReplayApi } from "./raw-client.ts";

const VENDOR = openReplayApi.vendor;

/** Options of `createOpenReplayClient`: every vendor client's, and the default project. */
export interface OpenReplayClientOptions extends VendorClientOptions {
  /** The default project key for `events()`. It must belong to the API key's organization. */
  projectKey?: string;
}

/** Which session `events()` reads, in which project, and the time window searched for it. */
export interface OpenReplayEventsQuery {
  /** The session's id: a decimal string, e.g. `4813023023591169` (it can exceed 2^53, so never a number). */
  sessionId: string;
  /** Falls back to the client's `projectKey`. */
  projectKey?: string;
  /**
   * The time window, inclusive (Date or epoch ms). OpenReplay requires one; when omitted, `since`
   * is 2000-01-01 (the API's minimum) and `until` is now, so the whole session is found wherever it is.
   */
  since?: Date | number;
  /** The end of the window, inclusive (Date or epoch ms), after `since`; default now. */
  until?: Date | number;
}

/** One page of the session events search, as OpenReplay sends it. */
export type OpenReplayEventsPage = SuccessBody<operations["getSessionEvents"]>;

/**
 * The typed client, with `events()` (page by page, `pageSize` 1-200, default 200, until `data.total`
 * events have come) and `page()`.
 */
export type OpenReplayClient = Client<paths> & SessionReads<OpenReplayEventsQuery, OpenReplayEventsPage>;

/** The API's smallest accepted timestamp: 2000-01-01T00:00:00Z, the default start of `events()`' window. */
export const OPENREPLAY_MIN_TIMESTAMP = 946_684_800_000;

/**
 * The event columns `events()` asks for: without `columns` OpenReplay returns only five base fields;
 * these give page, target and context. Exported for raw calls that want what `events()` gets.
 */
export const openReplayEventColumns: NonNullable<components["schemas"]["EventsSearchRequest"]["columns"]> = [
  "$user_id",
  "$device_id",
  "$auto_captured",
  "properties",
  "$properties",
  "$current_url",
  "$current_path",
  "$referrer",
  "$browser",
  "$browser_version",
  "$os",
  "$os_version",
  "$device",
  "$country",
  "$city",
  "$screen_width",
  "$screen_height",
  "utm_source",
  "utm_medium",
  "utm_campaign",
];

/**
 * A typed client for OpenReplay's public API v2. The organization API key goes out as a Bearer
 * token; the project key in the path must belong to the key's organization, or the server says 401.
 */
export function createOpenReplayClient(options: OpenReplayClientOptions): OpenReplayClient {
  const client = createVendorClient<paths>(openReplayApi, options, sessionRuntime);
  const source = (
    query: OpenReplayEventsQuery,
    streamOptions: EventStreamOptions,
  ): SessionSource | FieldIssue[] => {
    const projectKey = query?.projectKey ?? options.projectKey;
    const start = epochMs(query?.since) ?? OPENREPLAY_MIN_TIMESTAMP;
    const end = epochMs(query?.until) ?? Date.now();
    const limit = streamOptions.pageSize ?? 200;
    const sessionId = query?.sessionId;
    const issues = [
      ...idIssues("sessionId", sessionId),
      ...requiredSettingIssues("projectKey", projectKey),
      ...windowIssues(start, end, OPENREPLAY_MIN_TIMESTAMP),
    ];
    issues.push(...pageSizeIssues(limit, 200));
    if (issues.length > 0) return issues;

    const path = { projectKey: projectKey as string, sessionId: sessionId as string };
    return {
      vendor: VENDOR,
      paged: true,
      pageSize: limit,
      request: (page, request) =>
        client.POST("/public/{projectKey}/sessions/{sessionId}/events", {
          params: { path },
          body: {
            startTimestamp: start,
            endTimestamp: end,
            limit,
            page,
            sortOrder: "asc",
            columns: openReplayEventColumns,
          },
          parseAs: "stream",
          ...request,
        }),
      read(body, normalize) {
        const events = normalizeOpenReplayEvents(body, normalize);
        // The spec requires `data.total`: without it a page cannot say whether the session goes on.
        const data = (body as { data: { total?: unknown; events: unknown[] } }).data;
        if (!Number.isInteger(data.total) || (data.total as number) < 0) {
          throw invalidBody(VENDOR, "data.total is not the session's event count", body);
        }
        return { events, count: data.events.length, total: data.total as number };
      },
    };
  };
  return Object.assign(
    client,
    sessionReads<OpenReplayEventsQuery, OpenReplayEventsPage>(VENDOR, source, options),
  );
}
