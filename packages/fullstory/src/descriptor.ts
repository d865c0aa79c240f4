// FullStory as data for the CLI, the contract tests and the checks: see VendorDescriptor in core.
import type { VendorDescriptor } from "@sessiontrail/core";
import {
  createFullStoryClient,
  type FullStoryClient,
  type FullStoryClientOptions,
  type FullStoryEventsQuery,
} from "./client.ts";
import { normalizeFullStoryEvents } from "./normalize.ts";

/** FullStory's descriptor: one response per session, whose id joins the device and the session. */
export const fullStoryVendor: VendorDescriptor<
  FullStoryClient,
  FullStoryClientOptions,
  FullStoryEventsQuery,
  "fullstory"
> = {
  name: "fullstory",
  label: "FullStory",
  create: createFullStoryClient,
  normalize: (body, _query, options) => normalizeFullStoryEvents(body as never, options),
  settings: [],
  query: { idField: "sessionId", idLabel: 'session id "{device_id}:{session_id}"' },
  toQuery: ({ id }) => ({ sessionId: id }),
  mock: { id: "17117:5916567459329906423" },
  timeline: { colour: "#e11d48" },
};

/** The `events()` query of the client, named here so that code holding the descriptor can name it too. */
export type { FullStoryEventsQuery } from "./client.ts";
