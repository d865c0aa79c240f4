import {
  createVendorClient,
  type EventStream,
  type EventStreamOptions,
  idIssues,
  singleResponse,
  type VendorClientOptions,
  validationError,
} from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";
import { normalizeActionHubEvents } from "./normalize.ts";

/** ActionHub's documented base URLs (the spec's `servers`). */
export const actionHubServers = {
  production: "https://api.actionhub.ai",
} as const;

export interface ActionHubClientOptions extends VendorClientOptions {
  /** The default `program-id` (brand or business unit) for `events()`. */
  programId?: string;
}

export interface ActionHubEventsQuery {
  /** Your own user id, as sent in ActionHub events. ActionHub logs per user, not per session. */
  userId: string;
  /** Falls back to the client's `programId`. */
  programId?: string;
}

export type ActionHubClient = Client<paths> & {
  /** The user's action log, normalized. ActionHub returns it all in one response. */
  events(query: ActionHubEventsQuery, options?: EventStreamOptions): EventStream;
};

/**
 * A typed client for ActionHub's user events log. The key goes in the `actionhub-key` header; the
 * program is a required `program-id` header parameter of each call, not part of auth.
 */
export function createActionHubClient(options: ActionHubClientOptions): ActionHubClient {
  const client = createVendorClient<paths>(
    {
      vendor: "actionhub",
      baseUrl: actionHubServers.production,
      authHeader: (apiKey) => ["actionhub-key", apiKey],
    },
    options,
  );
  const events = (query: ActionHubEventsQuery, streamOptions: EventStreamOptions = {}) => {
    const programId = query?.programId ?? options.programId;
    const issues = idIssues("userId", query?.userId);
    if (typeof programId !== "string" || programId.trim() === "") {
      issues.push({ path: "programId", message: "is required (in the query or the client options)" });
    } else issues.push(...idIssues("programId", programId));
    if (issues.length > 0) throw validationError("actionhub", issues);
    return singleResponse(
      "actionhub",
      streamOptions,
      (signal) =>
        client.GET("/users/{user_id}/events", {
          params: { path: { user_id: query.userId }, header: { "program-id": programId as string } },
          parseAs: "stream",
          signal,
        }),
      (body, includeRaw) => normalizeActionHubEvents(body as never, { userId: query.userId, includeRaw }),
    );
  };
  return Object.assign(client, { events });
}
