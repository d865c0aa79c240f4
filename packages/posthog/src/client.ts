import {
  createVendorClient,
  type FieldIssue,
  idIssues,
  type SessionReads,
  type SessionSource,
  type SuccessBody,
  sessionReads,
  singleResponseSource,
  type VendorClientOptions,
} from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { operations, paths } from "./generated/schema.js";
import { normalizePostHogEvents } from "./normalize.ts";
import { todo } from "./todo.ts";

/** PostHog's documented base URLs (the spec's `servers`). */
export const postHogServers = {
  production: "https://us.posthog.com",
  // TODO(new-vendor): name this server as the vendor does (eu1, selfHosted).
  server2: "https://eu.posthog.com",
  // TODO(new-vendor): a server with variables is a function of them, as openReplayServers.selfHosted.
  server3: "https://{domain}",
} as const;

// TODO(new-vendor): an interface extending VendorClientOptions with what every call needs (OpenReplay's
// `projectKey`, packages/openreplay/src/client.ts), or this alias when the key is all.
export type PostHogClientOptions = VendorClientOptions;

// TODO(new-vendor): what events() takes: the id (`sessionId`, or `userId` for a vendor that logs per
// user), and `since`/`until` or `pageSize` if the vendor searches a window or pages.
export interface PostHogEventsQuery {
  /** Where a user finds it: the vendor's own words for this id. */
  sessionId: string;
}

/** The session's events, as PostHog sends them. */
export type PostHogEventsBody = SuccessBody<operations["query_create"]>;

/** The typed client, with `events()` and `page()`. */
export type PostHogClient = Client<paths> & SessionReads<PostHogEventsQuery, PostHogEventsBody>;

const VENDOR = "posthog";

/** A typed client for PostHog's session-events API. */
export function createPostHogClient(options: PostHogClientOptions): PostHogClient {
  const client = createVendorClient<paths>(
    {
      vendor: VENDOR,
      baseUrl: postHogServers.production,
      // TODO(new-vendor): the header that carries the key, exactly as the spec's securitySchemes say,
      // e.g. (apiKey) => ["Authorization", `Bearer ${apiKey}`] or (apiKey) => ["actionhub-key", apiKey].
      authHeader: () => todo("src/client.ts: authHeader, the header that carries the key"),
    },
    options,
  );
  const source = (query: PostHogEventsQuery): SessionSource | FieldIssue[] => {
    const issues = idIssues("sessionId", query?.sessionId);
    if (issues.length > 0) return issues;
    // TODO(new-vendor): a vendor that pages reads through a paged source (packages/hardal/src/client.ts).
    return singleResponseSource(
      VENDOR,
      // TODO(new-vendor): the typed call of the spec's events operation with the query's id, e.g.
      //   (request) => client.GET("/v1/sessions/{sessionId}/events", {
      //     params: { path: { sessionId: query.sessionId } }, parseAs: "stream", ...request })
      // The spec's operations:
      //   POST /api/projects/{project_id}/query/ (query_create)
      (_request) => todo("src/client.ts: the typed call of the spec's events operation"),
      normalizePostHogEvents,
    );
  };
  return Object.assign(client, sessionReads<PostHogEventsQuery, PostHogEventsBody>(VENDOR, source));
}
