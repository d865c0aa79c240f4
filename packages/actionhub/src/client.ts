import {
  createVendorClient,
  type FieldIssue,
  idIssues,
  isTimeZone,
  requiredSettingIssues,
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
import { normalizeActionHubEvents } from "./normalize.ts";
import { actionHubApi } from "./raw-client.ts";

/** Options of `createActionHubClient`: every vendor client's, and the default program. */
export interface ActionHubClientOptions extends VendorClientOptions {
  /** The default `program-id` (brand or business unit) for `events()`. */
  programId?: string;
}

/** Which log `events()` reads: one user's events within a program. */
export interface ActionHubEventsQuery {
  /** Your own user id, as sent in ActionHub events. ActionHub logs per user, not per session. */
  userId: string;
  /** Falls back to the client's `programId`. */
  programId?: string;
  /**
   * The account's IANA time zone, for timestamps ActionHub sends without an offset (it documents no
   * zone). Without it they are read as UTC, and such events say so in `timeZoneAssumed`.
   */
  timeZone?: string | undefined;
}

/** The user's events log, as ActionHub sends it. */
export type ActionHubEventsBody = SuccessBody<operations["getUserEventsLog"]>;

/** The typed client, with `events()` and `page()`: ActionHub returns a user's whole log in one response. */
export type ActionHubClient = Client<paths> & SessionReads<ActionHubEventsQuery, ActionHubEventsBody>;

const VENDOR = actionHubApi.vendor;

/**
 * A typed client for ActionHub's user events log. The key goes in the `actionhub-key` header; the
 * program is a required `program-id` header parameter of each call, not part of auth.
 */
export function createActionHubClient(options: ActionHubClientOptions): ActionHubClient {
  const client = createVendorClient<paths>(actionHubApi, options, sessionRuntime);
  const source = (query: ActionHubEventsQuery): SessionSource | FieldIssue[] => {
    const programId = query?.programId ?? options.programId;
    const userId = query?.userId;
    const timeZone = query?.timeZone;
    const issues = [...idIssues("userId", userId), ...requiredSettingIssues("programId", programId)];
    if (timeZone !== undefined && !isTimeZone(timeZone)) {
      issues.push({ path: "timeZone", message: `unknown IANA time zone ${JSON.stringify(timeZone)}` });
    }
    if (issues.length > 0) return issues;
    return singleResponseSource(
      VENDOR,
      (request) =>
        client.GET("/users/{user_id}/events", {
          params: { path: { user_id: userId as string }, header: { "program-id": programId as string } },
          parseAs: "stream",
          ...request,
        }),
      (body, normalize) =>
        normalizeActionHubEvents(body, { ...normalize, userId: userId as string, timeZone }),
    );
  };
  return Object.assign(
    client,
    sessionReads<ActionHubEventsQuery, ActionHubEventsBody>(VENDOR, source, options),
  );
}
