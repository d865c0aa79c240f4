import {
  createVendorClient,
  type EventStreamOptions,
  type FieldIssue,
  idIssues,
  invalidBody,
  isRecord,
  type PageRequest,
  pageSizeIssues,
  readJson,
  type SessionReads,
  type SessionSource,
  SessionTrailError,
  type SuccessBody,
  sessionReads,
  sessionRuntime,
  type VendorClientOptions,
  validationError,
} from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { operations, paths } from "./generated/schema.js";
import { eventInstant, eventsOf, inSession, normalizeAmplitudeEvents } from "./normalize.ts";
import { type AmplitudeRawClientOptions, amplitudeApi } from "./raw-client.ts";

/** The raw client's options (both keys), and what `events()` clients add. */
export interface AmplitudeClientOptions extends VendorClientOptions, AmplitudeRawClientOptions {}

/** Which session to read, and whose: one of `userId`, `deviceId` or `amplitudeId` names the user. */
export interface AmplitudeEventsQuery {
  /** Amplitude's `session_id`: the session's start in epoch milliseconds, e.g. `1717430400000`. */
  sessionId: string;
  /** The user id your app set; looked up with User Search (an exact match is required). */
  userId?: string | undefined;
  /** The device id; looked up with User Search unless `amplitudeId` is given, and the events kept are this device's. */
  deviceId?: string | undefined;
  /** The numeric Amplitude ID, which skips User Search. */
  amplitudeId?: string | number | undefined;
}

/** One page of a user's activity, as Amplitude sends it. */
export type AmplitudeActivityPage = SuccessBody<operations["getUserActivity"]>;

/**
 * The typed client, with `events()` (the session's events, oldest first, read from the user's
 * activity newest first until past the session's start) and `page()` (a page of that activity).
 */
export type AmplitudeClient = Client<paths> & SessionReads<AmplitudeEventsQuery, AmplitudeActivityPage>;

const VENDOR = amplitudeApi.vendor;

/** The defaults of this client, written once. */
export const amplitudeDefaults = {
  /** User Activity's documented maximum and default `limit`. */
  pageSize: 1000,
  /**
   * How far before the session's start paging goes on. `event_time` is corrected for device clock
   * skew while `session_id` comes from the device's clock: a page is past the session only when
   * its oldest event is older than the start by more than any plausible skew.
   */
  clockSkewMarginMs: 3_600_000,
} as const;

const DIGITS = /^\d{1,16}$/;

/** The Amplitude ID of a query, or the problems with it. */
function amplitudeIdOf(value: string | number): number | FieldIssue[] {
  const n = typeof value === "number" ? value : DIGITS.test(value) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(n) && n > 0
    ? n
    : [{ path: "amplitudeId", message: "must be a positive integer (the numeric Amplitude ID)" }];
}

/** The one user a User Search answer names, or a `not_found` / `validation` error. */
function chooseUser(body: unknown, field: "userId" | "deviceId", term: string): number {
  if (!isRecord(body) || !Array.isArray(body.matches)) {
    throw invalidBody(VENDOR, "the User Search answer has no matches array", body);
  }
  const matches = body.matches.filter(isRecord);
  // A user id may be a prefix of others' (type match_user_prefix): only the exact one is the user.
  const candidates =
    field === "userId"
      ? matches.filter((m) => m.user_id === term)
      : body.type === "match_user_prefix"
        ? []
        : matches;
  const ids = [...new Set(candidates.map((m) => m.amplitude_id))];
  if (ids.some((id) => !(Number.isSafeInteger(id) && (id as number) > 0))) {
    throw invalidBody(VENDOR, "a User Search match has no amplitude_id", body);
  }
  if (ids.length === 0) {
    throw new SessionTrailError({
      kind: "not_found",
      vendor: VENDOR,
      message: `no Amplitude user with ${field === "userId" ? "user id" : "device id"} ${JSON.stringify(term)} (User Search: ${String(body.type)})`,
    });
  }
  if (ids.length > 1) {
    const listed = candidates.map((m) => `${m.amplitude_id} (user id ${JSON.stringify(m.user_id ?? null)})`);
    throw validationError(VENDOR, [
      {
        path: field,
        message: `matches ${ids.length} Amplitude users: ${listed.join(", ")}; pass amplitudeId to choose one`,
      },
    ]);
  }
  return ids[0] as number;
}

/** A typed client for Amplitude's Dashboard REST API (User Search, User Activity), with HTTP Basic auth. */
export function createAmplitudeClient(options: AmplitudeClientOptions): AmplitudeClient {
  const client = createVendorClient<paths, AmplitudeClientOptions>(amplitudeApi, options, sessionRuntime);

  const source = (
    query: AmplitudeEventsQuery,
    streamOptions: EventStreamOptions,
  ): SessionSource | FieldIssue[] => {
    const { sessionId, userId, deviceId, amplitudeId: givenId } = query ?? ({} as AmplitudeEventsQuery);
    const limit = streamOptions.pageSize ?? amplitudeDefaults.pageSize;
    const issues = [
      ...idIssues("sessionId", sessionId),
      ...idIssues("userId", userId, false),
      ...idIssues("deviceId", deviceId, false),
      ...pageSizeIssues(limit, amplitudeDefaults.pageSize),
    ];
    if (issues.length === 0 && !(DIGITS.test(sessionId) && Number(sessionId) > 0)) {
      issues.push({
        path: "sessionId",
        message: "must be Amplitude's session_id: the session's start in epoch ms",
      });
    }
    let known: number | undefined;
    if (givenId !== undefined) {
      const id = amplitudeIdOf(givenId);
      if (typeof id === "number") known = id;
      else issues.push(...id);
    } else if (userId === undefined && deviceId === undefined) {
      issues.push({ path: "userId", message: "one of userId, deviceId or amplitudeId is required" });
    }
    if (issues.length > 0) return issues;

    const session = Number(sessionId);
    const boundary = session - amplitudeDefaults.clockSkewMarginMs;
    // Per events() call: the user found by page 1's lookup, the offset asked, the session's events so far.
    let user = known;
    let offset = 0;
    const kept = new Map<string, unknown>();

    const lookUp = async (request: PageRequest): Promise<number> => {
      const field = userId !== undefined ? "userId" : "deviceId";
      const term = (userId ?? deviceId) as string;
      const body = await readJson(VENDOR, () =>
        client.GET("/api/2/usersearch", { params: { query: { user: term } }, parseAs: "stream", ...request }),
      );
      return chooseUser(body, field, term);
    };

    return {
      vendor: VENDOR,
      paged: true,
      pageSize: limit,
      async request(_page, request, cursor) {
        // Done within page 1's request, so the lookup has the same auth, limits and retries.
        user ??= await lookUp(request);
        offset = typeof cursor === "number" ? cursor : 0;
        return client.GET("/api/2/useractivity", {
          params: { query: { user, offset, limit, direction: "latest" } },
          parseAs: "stream",
          ...request,
        });
      },
      read(body, normalize) {
        const items = eventsOf(body);
        let oldest = Number.POSITIVE_INFINITY;
        items.forEach((item, i) => {
          const at = eventInstant(item);
          if (at !== undefined && at < oldest) oldest = at;
          if (!inSession(item, session, deviceId)) return;
          const raw = item as Record<string, unknown>;
          // New events arrive at offset 0 while pages are read and push older ones onto the next
          // page again: an event is kept once, by its uuid.
          const key =
            typeof raw.uuid === "string" && raw.uuid !== ""
              ? raw.uuid
              : typeof raw.$insert_id === "string"
                ? `${raw.$insert_id}\u0000${String(raw.device_id)}`
                : `\u0000${offset + i}`;
          if (!kept.has(key)) kept.set(key, item);
        });
        const count = items.length;
        // Pages are not `limit` long (Amplitude adds events to keep sessions whole): a shorter page
        // is the user's first event reached; one whose oldest event predates the session ends it.
        const done = count === 0 || count < limit || oldest < boundary;
        if (!done) return { events: [], count, hasMore: true, next: offset + count };
        // Newest-first pages cannot be yielded oldest first before the session's start is reached:
        // the session's events come out together, from the last page.
        const events = normalizeAmplitudeEvents({ events: [...kept.values()] }, normalize);
        return { events, count, hasMore: false };
      },
    };
  };
  return Object.assign(
    client,
    sessionReads<AmplitudeEventsQuery, AmplitudeActivityPage>(VENDOR, source, options),
  );
}
