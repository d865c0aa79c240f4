import { jsonResponse, recordingFetch, vendorClientSuite } from "@sessiontrail/test-utils";
import { describe, expect, it } from "vitest";
import { createFullStoryClient, type FullStoryClient, fullStoryServers } from "../src/index.ts";
import { createFullStoryRawClient } from "../src/raw-client.ts";

const sessionId = "17117:5916567459329906423";
const call = (client: FullStoryClient, session_id = sessionId) =>
  client.GET("/v2/sessions/{session_id}/events", { params: { path: { session_id } } });

vendorClientSuite({
  vendor: "fullstory",
  create: createFullStoryClient,
  createRaw: createFullStoryRawClient,
  servers: fullStoryServers,
  call,
  events: (client, options) => client.events({ sessionId }, options),
  page: (client, options) => client.page({ sessionId }, options),
});

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

describe("fullstory client: events() errors", () => {
  it("turns a JSON error body into a typed error with the vendor's code, message and Retry-After", async () => {
    const body = { message: "Too many requests.", code: "too_many_requests" };
    const fetch = async () =>
      new Response(JSON.stringify(body), {
        status: 429,
        headers: { "content-type": "application/json", "retry-after": "7" },
      });
    const client = createFullStoryClient({ apiKey: "na1.fs_secret_key", fetch });
    // Without retries: the 429 itself is what this test reads.
    const error = await client
      .events({ sessionId }, { retry: false })
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "SessionTrailError",
      kind: "rate_limited",
      status: 429,
      code: "too_many_requests",
      vendorMessage: "Too many requests.",
      retryAfterMs: 7000,
    });
    expect(JSON.stringify(error)).not.toContain("fs_secret_key");
  });

  it("reports an empty 401 body as empty, and a truncated 200 body as invalid_response with an excerpt", async () => {
    const empty = createFullStoryClient({
      apiKey: "k_123456",
      fetch: async () => new Response(null, { status: 401 }),
    });
    await expect(empty.events({ sessionId }).toArray()).rejects.toMatchObject({
      kind: "auth",
      message: /empty body/,
    });
    const truncated = createFullStoryClient({
      apiKey: "k_123456",
      fetch: async () =>
        new Response('{"events": [{"device_id": "1', {
          status: 200,
          headers: { "content-type": "application/json" },
        }),
    });
    await expect(truncated.events({ sessionId }).toArray()).rejects.toMatchObject({
      kind: "invalid_response",
      bodyExcerpt: '{"events": [{"device_id": "1',
    });
  });

  it("refuses a malformed session id before sending", async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, { events: [] }));
    const client = createFullStoryClient({ apiKey: "k_123456", fetch });
    expect(() => client.events({ sessionId: "abc" })).toThrow(/device_id/);
    expect(requests).toHaveLength(0);
  });
});
