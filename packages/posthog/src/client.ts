import {
  createVendorClient,
  type EventStreamOptions,
  type FieldIssue,
  idIssues,
  invalidBody,
  isoTime,
  pageSizeIssues,
  type SessionReads,
  type SessionSource,
  type SuccessBody,
  sessionReads,
  sessionRuntime,
  type VendorClientOptions,
} from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { components, operations, paths } from "./generated/schema.js";
import { isUuid, normalizePostHogEvents, rowsOf } from "./normalize.ts";
import { postHogApi, postHogOptions } from "./raw-client.ts";

const VENDOR = postHogApi.vendor;

/** Options of `createPostHogClient`: every vendor client's, and the default project. */
export interface PostHogClientOptions extends VendorClientOptions {
  /**
   * The default numeric project id for `events()`: Project settings, or `GET /api/projects/`. Not the
   * `phc_` project token.
   */
  projectId?: string;
}

/** Which session `events()` reads, in which project, and the time window its query searches. */
export interface PostHogEventsQuery {
  /** The session's `$session_id` (posthog-js: a UUIDv7; Replay's session id is the same value). */
  sessionId: string;
  /** Falls back to the client's `projectId`. */
  projectId?: string;
  /**
   * Epoch milliseconds; events at or after it. Default: for a UUIDv7 session id, one hour before
   * the instant in the id (posthog-js's session start); otherwise no lower bound.
   */
  since?: number;
  /**
   * Epoch milliseconds; events before it. Default: for a UUIDv7 session id, 25 hours after its
   * instant (posthog-js ends a session after 24 hours); otherwise a day from now.
   */
  until?: number;
}

/** One page of a session's rows, as PostHog sends it. */
export type PostHogQueryPage = SuccessBody<operations["query_create"]>;

/** The request body of one page (a `QueryRequest` with a `HogQLQuery`). */
export type PostHogQueryRequest = components["schemas"]["QueryRequest"];

/**
 * The typed client, with `events()` (pages of `pageSize` rows, default 1000, by keyset on
 * `(timestamp, uuid)`) and `page()`.
 */
export type PostHogClient = Client<paths> & SessionReads<PostHogEventsQuery, PostHogQueryPage>;

/** The defaults and limits of reading a session, written once. */
export const postHogPaging = {
  /** Rows per page when `events()` is given no `pageSize`. */
  pageSize: 1000,
  /** Well under PostHog's silent cap, so a full page is always a page that asked for fewer. */
  maxPageSize: 10_000,
  /** PostHog clamps any LIMIT to this without saying so (posthog/hogql/constants.py). */
  serverRowCap: 50_000,
  /** How long before a UUIDv7 session id's instant the default window starts: one hour. */
  beforeSessionStartMs: 3_600_000,
  /** How long after that instant the default window ends: 25 hours, as posthog-js ends a session after 24. */
  afterSessionStartMs: 25 * 3_600_000,
} as const;

const SELECT =
  "SELECT uuid, event, timestamp, distinct_id, person_id, properties, elements_chain FROM events " +
  "WHERE $session_id = {session_id} AND timestamp >= toDateTime({since}, 6, 'UTC') " +
  "AND timestamp < toDateTime({until}, 6, 'UTC')";
// Keyset on (timestamp, uuid), compared by ClickHouse in the order its ORDER BY uses: a page boundary
// inside a run of equal timestamps loses nothing (PostHog's `timestamp > t` example would).
const AFTER =
  " AND (timestamp > toDateTime({after_timestamp}, 6, 'UTC') OR " +
  "(timestamp = toDateTime({after_timestamp}, 6, 'UTC') AND uuid > toUUID({after_uuid})))";
const ORDER = " ORDER BY timestamp ASC, uuid ASC LIMIT ";

/**
 * The HogQL text of a page. It depends only on whether a cursor is given and on the page size (a
 * checked integer): every value that comes from a caller or from PostHog goes through `values`.
 */
export function sessionQueryText(pageSize: number, afterCursor: boolean): string {
  return `${SELECT}${afterCursor ? AFTER : ""}${ORDER}${pageSize}`;
}

/** Where the next page starts: the last row's timestamp (as PostHog rendered it) and uuid. */
export interface PostHogCursor {
  /** The last row's `timestamp`, sent back as PostHog rendered it. */
  timestamp: string;
  /** The last row's event `uuid`, which orders the rows of one timestamp. */
  uuid: string;
}

const UUID_V7 = /^([0-9a-f]{8})-([0-9a-f]{4})-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** The instant a UUIDv7 session id was made (posthog-js's session start), or undefined. */
export function sessionIdInstant(sessionId: string): number | undefined {
  const match = UUID_V7.exec(sessionId);
  return match ? Number.parseInt(`${match[1]}${match[2]}`, 16) : undefined;
}

const MIN_MS = 0;
const MAX_MS = 253_402_300_799_999;

function boundIssues(name: "since" | "until", value: unknown): FieldIssue[] {
  if (value === undefined) return [];
  return Number.isInteger(value) && (value as number) >= MIN_MS && (value as number) <= MAX_MS
    ? []
    : [{ path: name, message: "must be epoch milliseconds (an integer from 0)" }];
}

/** The request body of one page: the constant text, and the caller's values bound to its placeholders. */
export function sessionQueryBody(
  values: { session_id: string; since: string; until: string },
  pageSize: number,
  cursor?: PostHogCursor,
): PostHogQueryRequest {
  return {
    query: {
      kind: "HogQLQuery",
      query: sessionQueryText(pageSize, cursor !== undefined),
      values: cursor ? { ...values, after_timestamp: cursor.timestamp, after_uuid: cursor.uuid } : values,
      // DateTimes in UTC, not the project's zone (the query API's default).
      modifiers: { convertToProjectTimezone: false },
    },
    // Results are cached; an open session's newest events would be missing from a cached answer.
    refresh: "force_blocking",
    name: "sessiontrail session events",
  };
}

/** The cursor after a full page: its last row's timestamp and uuid, checked before they are sent back. */
function cursorOf(body: unknown): PostHogCursor {
  const { rows, index } = rowsOf(body);
  const last = rows[rows.length - 1];
  const timestamp = Array.isArray(last) ? last[index.get("timestamp") as number] : undefined;
  const uuid = Array.isArray(last) ? last[index.get("uuid") as number] : undefined;
  if (typeof timestamp !== "string" || timestamp === "" || !isUuid(uuid)) {
    throw invalidBody(VENDOR, "the last row of a full page has no timestamp and uuid to go on from", body);
  }
  return { timestamp, uuid };
}

/** A typed client for PostHog's query API; the personal API key goes out as a Bearer token. */
export function createPostHogClient(options: PostHogClientOptions): PostHogClient {
  const client = createVendorClient<paths>(postHogApi, postHogOptions(options), sessionRuntime);
  const source = (query: PostHogEventsQuery, stream: EventStreamOptions): SessionSource | FieldIssue[] => {
    const sessionId = query?.sessionId;
    const projectId = query?.projectId ?? options.projectId;
    const pageSize = stream.pageSize ?? postHogPaging.pageSize;
    const issues = [
      ...idIssues("sessionId", sessionId),
      ...pageSizeIssues(pageSize, postHogPaging.maxPageSize),
      ...boundIssues("since", query?.since),
      ...boundIssues("until", query?.until),
    ];
    if (typeof projectId !== "string" || !/^[0-9]+$/.test(projectId)) {
      issues.push({
        path: "projectId",
        message:
          "is required (in the query or the client options): the numeric project id, not the phc_ token",
      });
    }
    if (issues.length > 0) return issues;
    const start = sessionIdInstant(sessionId);
    const since = query.since ?? (start === undefined ? MIN_MS : start - postHogPaging.beforeSessionStartMs);
    // Fixed once per read, so every page asks for the same window.
    const until =
      query.until ??
      (start === undefined ? Date.now() + 86_400_000 : start + postHogPaging.afterSessionStartMs);
    if (until <= since) return [{ path: "until", message: "must be after since" }];
    const values = { session_id: sessionId, since: isoTime(Math.max(since, MIN_MS)), until: isoTime(until) };
    const path = { project_id: projectId as string };
    return {
      vendor: VENDOR,
      paged: true,
      pageSize,
      request: (_page, request, cursor) =>
        client.POST("/api/projects/{project_id}/query/", {
          params: { path },
          body: sessionQueryBody(values, pageSize, cursor as PostHogCursor | undefined),
          parseAs: "stream",
          ...request,
        }),
      read(body, normalize) {
        const events = normalizePostHogEvents(body, { ...normalize, sessionId });
        const page = body as { results: unknown[]; hasMore?: unknown };
        const count = page.results.length;
        // With a LIMIT PostHog leaves hasMore null: a full page (or one at the silent cap) may have
        // more behind it, and is followed by the page after its last row.
        const full = count >= pageSize || count >= postHogPaging.serverRowCap || page.hasMore === true;
        return full
          ? { events, count, hasMore: true, next: cursorOf(body) }
          : { events, count, hasMore: false };
      },
    };
  };
  return Object.assign(client, sessionReads<PostHogEventsQuery, PostHogQueryPage>(VENDOR, source, options));
}
