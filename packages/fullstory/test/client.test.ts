import { describe, expect, it } from "vitest";
import { jsonResponse, recordingFetch, vendorClientSuite } from "../../../scripts/vendor-client-suite.ts";
import { createFullStoryClient, type FullStoryClient, fullStoryServers } from "../src/index.ts";

const sessionId = "17117:5916567459329906423";
const call = (client: FullStoryClient, session_id = sessionId) =>
  client.GET("/v2/sessions/{session_id}/events", { params: { path: { session_id } } });

vendorClientSuite({ vendor: "fullstory", create: createFullStoryClient, servers: fullStoryServers, call });

describe("fullstory client: the request it sends", () => {
  it("GETs the events with the device:session id's colon as %3A and the key verbatim after Basic", async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, { events: [] }));
    await call(createFullStoryClient({ apiKey: "na1.fs_secret_key", fetch }));
    expect(requests).toEqual([
      {
        url: "https://api.fullstory.com/v2/sessions/17117%3A5916567459329906423/events",
        method: "GET",
        headers: { authorization: "Basic na1.fs_secret_key" },
        body: "",
      },
    ]);
  });

  it("sends enable_event_cache when asked, and can use the EU host", async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, { events: [] }));
    const client = createFullStoryClient({
      apiKey: "eu1.fs_secret_key",
      baseUrl: fullStoryServers.eu1,
      fetch,
    });
    await client.GET("/v2/sessions/{session_id}/events", {
      params: { path: { session_id: sessionId }, query: { enable_event_cache: true } },
    });
    expect(requests[0]?.url).toBe(
      "https://api.eu1.fullstory.com/v2/sessions/17117%3A5916567459329906423/events?enable_event_cache=true",
    );
  });
});
