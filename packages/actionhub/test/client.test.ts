import { jsonResponse, recordingFetch, vendorClientSuite } from "@sessiontrail/test-utils";
import { describe, expect, it } from "vitest";
import { type ActionHubClient, actionHubServers, createActionHubClient } from "../src/index.ts";
import { createActionHubRawClient } from "../src/raw-client.ts";

const call = (client: ActionHubClient, user_id = "user-42", programId = "brand-eu") =>
  client.GET("/users/{user_id}/events", {
    params: { path: { user_id }, header: { "program-id": programId } },
  });

const query = { userId: "user-42", programId: "brand-eu" };
vendorClientSuite({
  vendor: "actionhub",
  create: createActionHubClient,
  createRaw: createActionHubRawClient,
  servers: actionHubServers,
  call,
  events: (client, options) => client.events(query, options),
  page: (client, options) => client.page(query, options),
});

describe("actionhub client: the request it sends", () => {
  it("GETs the user's log with actionhub-key and program-id headers, no Authorization", async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, { history: [] }));
    await call(createActionHubClient({ apiKey: "ah_secret_key", fetch }));
    expect(requests).toEqual([
      {
        url: "https://api.actionhub.ai/users/user-42/events",
        method: "GET",
        headers: { "actionhub-key": "ah_secret_key", "program-id": "brand-eu" },
        body: "",
      },
    ]);
  });

  it("sends the optional api-version header when asked", async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, { history: [] }));
    await createActionHubClient({ apiKey: "ah_secret_key", fetch }).GET("/users/{user_id}/events", {
      params: { path: { user_id: "u@example.com" }, header: { "program-id": "p1", "api-version": "1.0" } },
    });
    expect(requests[0]?.url).toBe("https://api.actionhub.ai/users/u%40example.com/events");
    expect(requests[0]?.headers["api-version"]).toBe("1.0");
  });
});
