import { SessionTrailError, type VendorClientOptions } from "@sessiontrail/core";
import { jsonResponse, printedError, recordingFetch, vendorClientSuite } from "@sessiontrail/test-utils";
import { describe, expect, it } from "vitest";
import { type AmplitudeClient, amplitudeServers, createAmplitudeClient } from "../src/index.ts";
import { createAmplitudeRawClient } from "../src/raw-client.ts";

const secretKey = "amp_secret_9c1d";
const create = (options: VendorClientOptions) => createAmplitudeClient({ ...options, secretKey });
const call = (client: AmplitudeClient) =>
  client.GET("/api/2/useractivity", { params: { query: { user: 356896327775 } } });

// The spec's wholeSession example: its session and user (the descriptor's mock).
const query = { sessionId: "1717430400000", amplitudeId: "356896327775" };
vendorClientSuite({
  vendor: "amplitude",
  create,
  createRaw: (options) => createAmplitudeRawClient({ ...options, secretKey }),
  servers: amplitudeServers,
  call,
  events: (client, options) => client.events(query, options),
  page: (client, options) => client.page(query, options),
});

/** base64 of "key:secret", as RFC 7617 builds a Basic credential. */
const basic = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`;

const caught = async (promise: Promise<unknown>): Promise<SessionTrailError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SessionTrailError);
  return error as SessionTrailError;
};

describe("amplitude client: the requests it sends", () => {
  it("GETs User Activity on the US host with HTTP Basic of api key:secret key", async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, { events: [] }));
    await call(createAmplitudeClient({ apiKey: "amp_key_1", secretKey, fetch }));
    expect(requests).toEqual([
      {
        url: "https://amplitude.com/api/2/useractivity?user=356896327775",
        method: "GET",
        headers: { authorization: basic("amp_key_1", secretKey) },
        body: "",
      },
    ]);
  });

  it("events() with a user id: User Search first, then User Activity newest first from offset 0", async () => {
    const { fetch, requests } = recordingFetch((request) =>
      request.url.includes("usersearch")
        ? jsonResponse(200, {
            type: "match_user_prefix",
            matches: [
              { user_id: "ada@example.com", amplitude_id: 111 },
              { user_id: "ada@example.com.au", amplitude_id: 222 },
            ],
          })
        : jsonResponse(200, { events: [] }),
    );
    const client = createAmplitudeClient({ apiKey: "k", secretKey, fetch, baseUrl: amplitudeServers.eu });
    expect(await client.events({ sessionId: "1717430400000", userId: "ada@example.com" }).toArray()).toEqual(
      [],
    );
    expect(requests.map((r) => r.url)).toEqual([
      "https://analytics.eu.amplitude.com/api/2/usersearch?user=ada%40example.com",
      "https://analytics.eu.amplitude.com/api/2/useractivity?user=111&offset=0&limit=1000&direction=latest",
    ]);
  });

  it("a user search without a match is a not_found error; nothing else is asked", async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, { type: "nomatch", matches: [] }));
    const client = createAmplitudeClient({ apiKey: "k", secretKey, fetch });
    const error = await caught(client.events({ sessionId: "1717430400000", deviceId: "dev-1" }).toArray());
    expect(error.kind).toBe("not_found");
    expect(error.message).toContain('"dev-1"');
    expect(requests).toHaveLength(1);
  });

  it("several users for one device id are a validation error listing them", async () => {
    const { fetch } = recordingFetch(() =>
      jsonResponse(200, {
        type: "match_user_or_device_id",
        matches: [
          { user_id: "u-1", amplitude_id: 111 },
          { user_id: null, amplitude_id: 222 },
        ],
      }),
    );
    const client = createAmplitudeClient({ apiKey: "k", secretKey, fetch });
    const error = await caught(client.events({ sessionId: "1717430400000", deviceId: "dev-1" }).toArray());
    expect(error.kind).toBe("validation");
    expect(error.issues).toEqual([
      {
        path: "deviceId",
        message:
          'matches 2 Amplitude users: 111 (user id "u-1"), 222 (user id null); pass amplitudeId to choose one',
      },
    ]);
  });

  it("refuses a missing secret key, a session id that is not epoch ms, and a query without a user", async () => {
    expect(() => createAmplitudeClient({ apiKey: "k", secretKey: "" })).toThrow(/secretKey/);
    const client = createAmplitudeClient({
      apiKey: "k",
      secretKey,
      fetch: async () => jsonResponse(200, {}),
    });
    const refused = (q: Parameters<AmplitudeClient["events"]>[0]) => {
      try {
        client.events(q);
      } catch (error) {
        return (error as SessionTrailError).issues.map((issue) => issue.path);
      }
      throw new Error("not refused");
    };
    expect(refused({ sessionId: "abc", amplitudeId: 1 })).toEqual(["sessionId"]);
    expect(refused({ sessionId: "1717430400000" })).toEqual(["userId"]);
    expect(refused({ sessionId: "1717430400000", amplitudeId: "12x" })).toEqual(["amplitudeId"]);
  });

  it("never shows the secret key or the Basic token in an error", async () => {
    const token = Buffer.from(`k_public:${secretKey}`).toString("base64");
    const client = createAmplitudeClient({
      apiKey: "k_public",
      secretKey,
      fetch: async () => jsonResponse(403, { error: `bad credentials ${secretKey} ${token}` }),
    });
    const error = await caught(client.events(query, { retry: false }).toArray());
    expect(error.kind).toBe("forbidden");
    expect(printedError(error)).not.toContain(secretKey);
    expect(printedError(error)).not.toContain(token);
  });
});
