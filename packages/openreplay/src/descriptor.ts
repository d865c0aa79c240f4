// OpenReplay as data for the CLI, the contract tests and the checks: see VendorDescriptor in core.
import type { VendorDescriptor } from "@sessiontrail/core";
import {
  createOpenReplayClient,
  type OpenReplayClient,
  type OpenReplayClientOptions,
  type OpenReplayEventsQuery,
} from "./client.ts";
import { normalizeOpenReplayEvents } from "./normalize.ts";

/** OpenReplay's descriptor: a project key, a searched time window, pages of 1-200 events. */
export const openReplayVendor: VendorDescriptor<
  OpenReplayClient,
  OpenReplayClientOptions,
  OpenReplayEventsQuery,
  "openreplay"
> = {
  name: "openreplay",
  label: "OpenReplay",
  create: createOpenReplayClient,
  normalize: (body, _query, options) => normalizeOpenReplayEvents(body as never, options),
  settings: [
    {
      in: "client",
      key: "projectKey",
      flag: "--project-key",
      env: "PROJECT_KEY",
      value: "key",
      description: "project key",
      required: true,
    },
  ],
  query: {
    idField: "sessionId",
    idLabel: "session id",
    window: { rule: "since >= 2000-01-01 and until > since" },
    pages: { min: 1, max: 200, default: 200 },
  },
  toQuery: ({ id, since, until }) => ({
    sessionId: id,
    ...(since !== undefined ? { since } : {}),
    ...(until !== undefined ? { until } : {}),
  }),
  mock: { id: "4813023023591169", settings: { projectKey: "3sWXSsqHgSKnE87YkNJK" } },
  timeline: { colour: "#2563eb" },
};

/** The `events()` query of the client, named here so that code holding the descriptor can name it too. */
export type { OpenReplayEventsQuery } from "./client.ts";
