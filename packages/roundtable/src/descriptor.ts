// Roundtable as data for the CLI, the contract tests and the checks: see VendorDescriptor in core.
import type { VendorDescriptor } from "@sessiontrail/core";
import {
  createRoundtableClient,
  type RoundtableClient,
  type RoundtableClientOptions,
  type RoundtableEventsQuery,
} from "./client.ts";
import { normalizeRoundtableEvents } from "./normalize.ts";

/** Roundtable's descriptor: one response per session, no settings beyond the key. */
export const roundtableVendor: VendorDescriptor<
  RoundtableClient,
  RoundtableClientOptions,
  RoundtableEventsQuery,
  "roundtable"
> = {
  name: "roundtable",
  label: "Roundtable",
  create: createRoundtableClient,
  normalize: (body, _query, options) => normalizeRoundtableEvents(body as never, options),
  settings: [],
  query: { idField: "sessionId", idLabel: "session id (window.getRoundtableSessionId())" },
  toQuery: ({ id }) => ({ sessionId: id }),
  mock: { id: "abc123def456" },
  timeline: { colour: "#7c3aed" },
};

/** The `events()` query of the client, named here so that code holding the descriptor can name it too. */
export type { RoundtableEventsQuery } from "./client.ts";
