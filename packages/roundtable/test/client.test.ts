import { SessionTrailError } from "@sessiontrail/core";
import { jsonResponse, recordingFetch, vendorClientSuite } from "@sessiontrail/test-utils";
import { describe, expect, it } from "vitest";
import { createRoundtableClient, type RoundtableClient, roundtableServers } from "../src/index.ts";
import { createRoundtableRawClient } from "../src/raw-client.ts";

const call = (client: RoundtableClient, sessionId = "abc123def456") =>
  client.GET("/v1/sessions/{sessionId}/events", { params: { path: { sessionId } } });

const query = { sessionId: "abc123def456" };
vendorClientSuite({
  vendor: "roundtable",
  create: createRoundtableClient,
  createRaw: createRoundtableRawClient,
  servers: roundtableServers,
  call,
  events: (client, options) => client.events(query, options),
  page: (client, options) => client.page(query, options),
});

describe("roundtable client: the request it sends", () => {
  it("GETs the session's events with the key as a Bearer token", async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, { events: [] }));
    await call(createRoundtableClient({ apiKey: "rt_secret_key", fetch }));
    expect(requests).toEqual([
      {
        url: "https://api.roundtable.ai/v1/sessions/abc123def456/events",
        method: "GET",
        headers: { authorization: "Bearer rt_secret_key" },
        body: "",
      },
    ]);
  });

  it("keeps an id with / ? # inside its path segment", async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, {}));
    await call(createRoundtableClient({ apiKey: "rt_secret_key", fetch }), "../../admin?x=1#y");
    expect(requests[0]?.url).toBe("https://api.roundtable.ai/v1/sessions/..%2F..%2Fadmin%3Fx%3D1%23y/events");
  });

  it("refuses a dot-segment or empty id before sending", async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, {}));
    const client = createRoundtableClient({ apiKey: "rt_secret_key", fetch });
    for (const id of ["..", ".", ""]) {
      await expect(call(client, id)).rejects.toThrow(SessionTrailError);
    }
    expect(requests).toHaveLength(0);
  });

  it("lets extra headers through but never over the auth header", async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, {}));
    const headers = { "x-request-id": "r1", Authorization: "Bearer someone-else" };
    await call(createRoundtableClient({ apiKey: "rt_secret_key", fetch, headers }));
    expect(requests[0]?.headers).toEqual({ authorization: "Bearer rt_secret_key", "x-request-id": "r1" });
  });
});
