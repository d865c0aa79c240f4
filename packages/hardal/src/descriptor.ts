// Hardal as data for the CLI, the contract tests and the checks: see VendorDescriptor in core.
import type { VendorDescriptor } from "@sessiontrail/core";
import {
  createHardalClient,
  type HardalClient,
  type HardalClientOptions,
  type HardalEventsQuery,
} from "./client.ts";
import { normalizeHardalEvents } from "./normalize.ts";

const DEFAULT_TIME_ZONE = "UTC";

/** Hardal's descriptor: a website signal id, pages of events, timestamps in the zone asked for. */
export const hardalVendor: VendorDescriptor<HardalClient, HardalClientOptions, HardalEventsQuery, "hardal"> =
  {
    name: "hardal",
    label: "Hardal",
    create: createHardalClient,
    // Hardal's timestamps carry no offset: the normalizer reads them in the zone the query asked for.
    normalize: (body, query, options) =>
      normalizeHardalEvents(body as never, {
        ...options,
        timeZone: query.timeZone ?? query.timezone ?? DEFAULT_TIME_ZONE,
        sessionId: query.sessionId,
      }),
    settings: [
      {
        in: "client",
        key: "signalId",
        flag: "--signal-id",
        env: "SIGNAL_ID",
        value: "id",
        description: "website signal id",
        required: true,
      },
    ],
    query: {
      idField: "sessionId",
      idLabel: "session id",
      pages: { min: 1, max: 1000, default: 50 },
      timeZone: { default: DEFAULT_TIME_ZONE },
    },
    toQuery: ({ id, timeZone }) => ({
      sessionId: id,
      ...(timeZone !== undefined ? { timeZone } : {}),
    }),
    mock: { id: "sess_8f3k2j9d7a1c", settings: { signalId: "clx9k2m4a0001qw8e7hz3f5tb" } },
    timeline: { colour: "#d97706" },
  };

/** The `events()` query of the client, named here so that code holding the descriptor can name it too. */
export type { HardalEventsQuery } from "./client.ts";
