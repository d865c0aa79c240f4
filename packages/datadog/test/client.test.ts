import { jsonResponse, recordingFetch, vendorClientSuite } from "@sessiontrail/test-utils";
import { describe, expect, it } from "vitest";
import { createDatadogClient, type DatadogClient, datadogServers } from "../src/index.ts";
import { todo } from "../src/todo.ts";

// TODO(new-vendor): the typed call of the spec's events operation with the spec example's ids, e.g.
//   client.GET("/v1/sessions/{sessionId}/events", { params: { path: { sessionId } } })
const call = (_client: DatadogClient) => todo("test/client.test.ts: call, one typed call of the operation");

// TODO(new-vendor): the events() query with the spec example's ids (the descriptor's mock).
const query = { sessionId: "" };
vendorClientSuite({
  vendor: "datadog",
  create: createDatadogClient,
  servers: datadogServers,
  call,
  events: (client, options) => client.events(query, options),
  page: (client, options) => client.page(query, options),
});

describe("datadog client: the request it sends", () => {
  it("sends the documented request, the key where the vendor expects it", async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, {}));
    await call(createDatadogClient({ apiKey: "sk_secret_key", fetch }));
    expect(requests).toEqual([
      todo(
        "test/client.test.ts: the request Datadog documents, e.g. " +
          '{ url: "https://…/v1/sessions/abc/events", method: "GET", headers: { authorization: "Bearer sk_secret_key" }, body: "" }',
      ),
    ]);
  });
});
