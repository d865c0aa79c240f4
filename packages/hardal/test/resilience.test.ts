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
  body: (all, page, limit) => ({
    data: {
      events: all.slice((page - 1) * limit, page * limit),
      totalCount: all.length,
      page,
      pageSize: limit,
      hasMore: page * limit < all.length,
    },
  }),
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
