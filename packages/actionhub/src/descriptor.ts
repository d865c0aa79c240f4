// ActionHub as data for the CLI, the contract tests and the checks: see VendorDescriptor in core.
import type { VendorDescriptor } from "@sessiontrail/core";
import {
  type ActionHubClient,
  type ActionHubClientOptions,
  type ActionHubEventsQuery,
  createActionHubClient,
} from "./client.ts";
import { normalizeActionHubEvents } from "./normalize.ts";

/** ActionHub's descriptor: a log per user (not per session) within a program, in one response. */
export const actionHubVendor: VendorDescriptor<
  ActionHubClient,
  ActionHubClientOptions,
  ActionHubEventsQuery,
  "actionhub"
> = {
  name: "actionhub",
  label: "ActionHub",
  create: createActionHubClient,
  // The actions do not carry the user id, so the normalizer takes it from the query.
  normalize: (body, query, options) =>
    normalizeActionHubEvents(body as never, { ...options, userId: query.userId }),
  settings: [
    {
      in: "client",
      key: "programId",
      flag: "--program-id",
      env: "PROGRAM_ID",
      value: "id",
      description: "program id",
      required: true,
    },
  ],
  query: { idField: "userId", idLabel: "user id (ActionHub logs per user, not per session)" },
  toQuery: ({ id }) => ({ userId: id }),
  mock: { id: "cust-10482", settings: { programId: "acme-outdoor-us" } },
  timeline: { colour: "#059669" },
};

/** The `events()` query of the client, named here so that code holding the descriptor can name it too. */
export type { ActionHubEventsQuery } from "./client.ts";
