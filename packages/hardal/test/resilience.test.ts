import { resilienceSuite } from "@sessiontrail/test-utils";
import { createHardalClient } from "../src/index.ts";

const raw = (event: unknown) => event as { id: string };

resilienceSuite({
  vendor: "hardal",
  stream: (baseUrl, options, rateLimit = false) =>
    createHardalClient({ apiKey: "hd_fault_key", baseUrl, signalId: "sig_1", rateLimit }).events(
      { sessionId: "sess_1" },
      options,
    ),
  pageOf: (request) => {
    const query = new URL(request.url, "http://x").searchParams;
    return { page: Number(query.get("page")), limit: Number(query.get("limit")) };
  },
  // The `data` envelope Hardal may wrap its page in, with every page field.
  bodyOf: (events, page, limit, total) => ({
    data: { events, totalCount: total, page, pageSize: limit, hasMore: page * limit < total },
  }),
  // Without totalCount, hasMore alone says whether the session goes on.
  withPaging: (body, value) => {
    const { data } = body as { data: Record<string, unknown> };
    const { hasMore: _dropped, totalCount: _total, ...rest } = data;
    return { data: value === undefined ? rest : { ...rest, hasMore: value } };
  },
  withoutId: (event) => {
    const { id: _dropped, ...rest } = event as Record<string, unknown>;
    return rest;
  },
  event: (i) => ({
    id: `evt_${String(i).padStart(6, "0")}`,
    type: "custom",
    name: `step_${i}`,
    timestamp: new Date(1_700_000_000_000 + i * 1_000).toISOString(),
    properties: {},
  }),
  rawId: (event) => raw(event.raw).id,
  idOf: (event) => raw(event).id,
});
