import { jsonResponse, recordingFetch, vendorClientSuite } from "@sessiontrail/test-utils";
import { describe, expect, it } from "vitest";
import { createOpenReplayClient, type OpenReplayClient, openReplayServers } from "../src/index.ts";
import { createOpenReplayRawClient } from "../src/raw-client.ts";

const path = "/public/{projectKey}/sessions/{sessionId}/events" as const;
const window = { startTimestamp: 1623440000000, endTimestamp: 1623441000000, limit: 100, page: 1 };
const call = (client: OpenReplayClient) =>
  client.POST(path, {
    params: { path: { projectKey: "3sWXSsqHgSKnE87YkNJK", sessionId: "4813023023591169" } },
    body: window,
  });

const query = {
  sessionId: "4813023023591169",
  projectKey: "3sWXSsqHgSKnE87YkNJK",
  since: 1_700_000_000_000,
  until: 1_800_000_000_000,
};
vendorClientSuite({
  vendor: "openreplay",
  create: createOpenReplayClient,
  createRaw: createOpenReplayRawClient,
  servers: openReplayServers,
  call,
  events: (client, options) => client.events(query, options),
  page: (client, options) => client.page(query, options),
});

describe("openreplay client: the request it sends", () => {
  it("POSTs the search body as JSON with the key as a Bearer token", async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, { data: { total: 0, events: [] } }));
    await createOpenReplayClient({ apiKey: "or_secret_key", fetch }).POST(path, {
      params: { path: { projectKey: "3sWXSsqHgSKnE87YkNJK", sessionId: "4813023023591169" } },
      body: { ...window, sortOrder: "asc", columns: ["$properties", "$current_url"] },
    });
    expect(requests).toEqual([
      {
        url: "https://api.openreplay.com/v2/public/3sWXSsqHgSKnE87YkNJK/sessions/4813023023591169/events",
        method: "POST",
        headers: { authorization: "Bearer or_secret_key", "content-type": "application/json" },
        body: JSON.stringify({ ...window, sortOrder: "asc", columns: ["$properties", "$current_url"] }),
      },
    ]);
  });

  it("targets a self-hosted instance under /v2/api", async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, { data: { total: 0, events: [] } }));
    await call(
      createOpenReplayClient({
        apiKey: "or_secret_key",
        baseUrl: openReplayServers.selfHosted("or.acme.io"),
        fetch,
      }),
    );
    expect(requests[0]?.url).toBe(
      "https://or.acme.io/v2/api/public/3sWXSsqHgSKnE87YkNJK/sessions/4813023023591169/events",
    );
  });
});
