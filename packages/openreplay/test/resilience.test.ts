import { resilienceSuite } from "@sessiontrail/test-utils";
import { createOpenReplayClient } from "../src/index.ts";

const raw = (event: unknown) => event as { event_id: string };

resilienceSuite({
  vendor: "openreplay",
  stream: (baseUrl, options, rateLimit = false) =>
    createOpenReplayClient({ apiKey: "or_fault_key", baseUrl, projectKey: "pk_1", rateLimit }).events(
      { sessionId: "4813023023591169", since: 1_700_000_000_000, until: 1_800_000_000_000 },
      options,
    ),
  pageOf: (request) => {
    const { page, limit } = JSON.parse(request.body) as { page: number; limit: number };
    return { page, limit };
  },
  bodyOf: (events, _page, _limit, total) => ({ data: { total, events } }),
  withPaging: (body, value) => {
    const { data } = body as { data: Record<string, unknown> };
    const { total: _dropped, ...rest } = data;
    return { data: value === undefined ? rest : { ...rest, total: value } };
  },
  withoutId: (event) => {
    const { event_id: _dropped, ...rest } = event as Record<string, unknown>;
    return rest;
  },
  event: (i) => ({
    event_id: `01HZ${String(i).padStart(6, "0")}`,
    $event_name: "CLICK",
    created_at: 1_700_000_000_000 + i * 1_000,
    session_id: "4813023023591169",
    $properties: { label: `Button ${i}` },
  }),
  rawId: (event) => raw(event.raw).event_id,
  idOf: (event) => raw(event).event_id,
});
