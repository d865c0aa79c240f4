import { jsonResponse, recordingFetch, vendorClientSuite } from "@sessiontrail/test-utils";
import { describe, expect, it } from "vitest";
import { createHardalClient, type HardalClient, hardalServers } from "../src/index.ts";
import { createHardalRawClient } from "../src/raw-client.ts";

const path = "/api/websites/{signalId}/sessions/{sessionId}/activity" as const;
const call = (client: HardalClient) =>
  client.GET(path, { params: { path: { signalId: "sig_123", sessionId: "sess_abc" } } });

const query = { sessionId: "sess_abc", signalId: "sig_123" };
vendorClientSuite({
  vendor: "hardal",
  create: createHardalClient,
  createRaw: createHardalRawClient,
  servers: hardalServers,
  call,
  events: (client, options) => client.events(query, options),
  page: (client, options) => client.page(query, options),
});

describe("hardal client: the request it sends", () => {
  it("GETs the session activity with the key as a Bearer token and no query by default", async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, { events: [] }));
    await call(createHardalClient({ apiKey: "hd_secret_key", fetch }));
    expect(requests).toEqual([
      {
        url: "https://app.usehardal.com/api/websites/sig_123/sessions/sess_abc/activity",
        method: "GET",
        headers: { authorization: "Bearer hd_secret_key" },
        body: "",
      },
    ]);
  });

  it("serializes every documented query parameter", async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, { events: [] }));
    await createHardalClient({ apiKey: "hd_secret_key", fetch }).GET(path, {
      params: {
        path: { signalId: "sig_123", sessionId: "sess_abc" },
        query: {
          targetSignalId: "sig_456",
          isHybrid: false,
          orderBy: "timestamp",
          order: "asc",
          timezone: "Europe/Istanbul",
          page: 2,
          limit: 20,
        },
      },
    });
    expect(requests[0]?.url).toBe(
      "https://app.usehardal.com/api/websites/sig_123/sessions/sess_abc/activity" +
        "?targetSignalId=sig_456&isHybrid=false&orderBy=timestamp&order=asc&timezone=Europe%2FIstanbul&page=2&limit=20",
    );
  });
});
