// PostHog as data for the CLI, the contract tests and the checks: see VendorDescriptor in core.
import type { VendorDescriptor } from "@sessiontrail/core";
import {
  createPostHogClient,
  type PostHogClient,
  type PostHogClientOptions,
  type PostHogEventsQuery,
  postHogPaging,
} from "./client.ts";
import { normalizePostHogEvents } from "./normalize.ts";

/**
 * PostHog's descriptor: a numeric project id, a HogQL query over a time window (by default the
 * UUIDv7 session id's day), pages by keyset on (timestamp, uuid).
 */
export const postHogVendor: VendorDescriptor<
  PostHogClient,
  PostHogClientOptions,
  PostHogEventsQuery,
  "posthog"
> = {
  name: "posthog",
  label: "PostHog",
  create: createPostHogClient,
  normalize: (body, query, options) =>
    normalizePostHogEvents(body, { ...options, sessionId: query.sessionId }),
  settings: [
    {
      in: "client",
      key: "projectId",
      flag: "--project-id",
      env: "PROJECT_ID",
      value: "id",
      description: "project id",
      required: true,
      hint: "the numeric id from Project settings, not the phc_ token",
    },
  ],
  query: {
    idField: "sessionId",
    idLabel: "session id ($session_id)",
    window: { rule: "since < until (default: 1 h before to 25 h after a UUIDv7 session id's instant)" },
    pages: { min: 1, max: postHogPaging.maxPageSize, default: postHogPaging.pageSize },
  },
  toQuery: ({ id, since, until }) => ({
    sessionId: id,
    ...(since !== undefined ? { since } : {}),
    ...(until !== undefined ? { until } : {}),
  }),
  mock: { id: "0179fc92-0aa0-7c3e-9d1a-5b2f4e6a8c10", settings: { projectId: "12345" } },
  timeline: { colour: "#1f2937" },
};

/** The `events()` query of the client, named here so that code holding the descriptor can name it too. */
export type { PostHogEventsQuery } from "./client.ts";
