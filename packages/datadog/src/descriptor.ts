// Datadog as data for the CLI, the contract tests and the checks: see VendorDescriptor in core.
import type { VendorDescriptor } from "@sessiontrail/core";
import {
  createDatadogClient,
  type DatadogClient,
  type DatadogClientOptions,
  type DatadogEventsQuery,
} from "./client.ts";
import { normalizeDatadogEvents } from "./normalize.ts";

/** Datadog's descriptor. TODO(new-vendor): one line on what sets this vendor apart (see the others). */
export const datadogVendor: VendorDescriptor<
  DatadogClient,
  DatadogClientOptions,
  DatadogEventsQuery,
  "datadog"
> = {
  name: "datadog",
  label: "Datadog",
  create: createDatadogClient,
  normalize: (body, _query, options) => normalizeDatadogEvents(body, options),
  // TODO(new-vendor): the settings beyond the key and base URL (flag, env, value, description), as
  // packages/openreplay/src/descriptor.ts's projectKey; none is [].
  settings: [],
  // TODO(new-vendor): the id's field and how a user finds it; `window`, `pages` or `timeZone` if the
  // vendor searches a window, pages, or renders times in a zone (VendorQueryShape in core).
  query: { idField: "sessionId", idLabel: "session id" },
  toQuery: ({ id }) => ({ sessionId: id }),
  // TODO(new-vendor): the id (and settings) the spec's named examples use: the Prism mock answers to them.
  mock: { id: "" },
  // TODO(new-vendor): the colour of Datadog's lane in the HTML timeline, unlike every other vendor's.
  timeline: { colour: "#64748b" },
};

/** The `events()` query of the client, named here so that code holding the descriptor can name it too. */
export type { DatadogEventsQuery } from "./client.ts";
