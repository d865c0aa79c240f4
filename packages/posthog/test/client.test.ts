import { jsonResponse, recordingFetch, vendorClientSuite } from "@sessiontrail/test-utils";
import { describe, expect, it } from "vitest";
import {
  createPostHogClient,
  type PostHogClient,
  postHogServers,
  postHogVendor,
  SessionTrailError,
  sessionIdInstant,
  sessionQueryText,
} from "../src/index.ts";
import { createPostHogRawClient } from "../src/raw-client.ts";

const sessionId = postHogVendor.mock.id;
const projectId = "12345";
const apiKey = "phx_secret_key";
const path = "/api/projects/{project_id}/query/" as const;

const call = (client: PostHogClient) =>
  client.POST(path, {
    params: { path: { project_id: projectId } },
    body: { query: { kind: "HogQLQuery", query: "SELECT 1" } },
  });

const query = { sessionId, projectId };
vendorClientSuite({
  vendor: "posthog",
  create: createPostHogClient,
  createRaw: createPostHogRawClient,
  servers: postHogServers,
  call,
  events: (client, options) => client.events(query, options),
  page: (client, options) => client.page(query, options),
});

const columns = ["uuid", "event", "timestamp", "distinct_id", "person_id", "properties", "elements_chain"];
const row = (i: number, timestamp = "2021-06-11T19:35:00.000001Z") => [
  `0179fc92-0aa0-7000-8000-${String(i).padStart(12, "0")}`,
  "step",
  timestamp,
  "d1",
  null,
  "{}",
  "",
];
const page = (rows: unknown[][]) => ({ columns, results: rows, hasMore: null });

describe("posthog client: the request it sends", () => {
  it("POSTs the HogQL query with values, UTC, force_blocking, and the key as a Bearer token", async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, page([])));
    const client = createPostHogClient({ apiKey, fetch, projectId });
    await client.events({ sessionId }).toArray();
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.url).toBe("https://us.posthog.com/api/projects/12345/query/");
    expect(request?.method).toBe("POST");
    expect(request?.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(request?.headers["content-type"]).toBe("application/json");
    // The UUIDv7 id's instant is 2021-06-11T19:35:00Z: the window is an hour before to 25 hours after.
    expect(JSON.parse(request?.body ?? "")).toEqual({
      query: {
        kind: "HogQLQuery",
        query:
          "SELECT uuid, event, timestamp, distinct_id, person_id, properties, elements_chain FROM events " +
          "WHERE $session_id = {session_id} AND timestamp >= toDateTime({since}, 6, 'UTC') " +
          "AND timestamp < toDateTime({until}, 6, 'UTC') ORDER BY timestamp ASC, uuid ASC LIMIT 1000",
        values: {
          session_id: sessionId,
          since: "2021-06-11T18:35:00.000Z",
          until: "2021-06-12T20:35:00.000Z",
        },
        modifiers: { convertToProjectTimezone: false },
      },
      refresh: "force_blocking",
      name: "sessiontrail session events",
    });
  });

  it("sends exactly the spec's request examples", async () => {
    const { fetch, requests } = recordingFetch(() =>
      jsonResponse(200, page([row(1, "2021-06-11T19:35:07.120345Z")])),
    );
    const client = createPostHogClient({ apiKey, fetch, projectId });
    await client
      .events({ sessionId }, { pageSize: 1 })
      .toArray()
      .catch(() => undefined);
    const spec = await import("../../../scripts/spec-examples.ts");
    const examples = spec.loadSpec("posthog").components.examples;
    const first = JSON.parse(requests[0]?.body ?? "");
    expect({
      ...first,
      query: { ...first.query, query: first.query.query.replace("LIMIT 1", "LIMIT 1000") },
    }).toEqual(examples.sessionFirstPage.value);
  });

  it("binds a hostile session id as a value: the query text never changes", async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, page([])));
    const client = createPostHogClient({ apiKey, fetch, projectId });
    const hostile = "x' OR 1=1) UNION SELECT * FROM persons -- {since}";
    await client.events({ sessionId: hostile, since: 0, until: 1_000 }).toArray();
    const body = JSON.parse(requests[0]?.body ?? "");
    expect(body.query.query).toBe(sessionQueryText(1000, false));
    expect(body.query.query).not.toContain("persons");
    expect(body.query.values.session_id).toBe(hostile);
  });

  it("uses the window given, in UTC with Z", async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, page([])));
    await createPostHogClient({ apiKey, fetch })
      .events({ sessionId: "not-a-uuid", projectId: "7", since: 1_623_440_000_000, until: 1_623_441_000_000 })
      .toArray();
    expect(requests[0]?.url).toBe("https://us.posthog.com/api/projects/7/query/");
    expect(JSON.parse(requests[0]?.body ?? "").query.values).toEqual({
      session_id: "not-a-uuid",
      since: "2021-06-11T19:33:20.000Z",
      until: "2021-06-11T19:50:00.000Z",
    });
  });

  it("reads the instant of a UUIDv7 session id, and nothing from other ids", () => {
    expect(sessionIdInstant(sessionId)).toBe(Date.parse("2021-06-11T19:35:00.000Z"));
    expect(sessionIdInstant("0179fc92-0aa0-4c3e-9d1a-5b2f4e6a8c10")).toBeUndefined();
    expect(sessionIdInstant("session-1")).toBeUndefined();
  });

  it("refuses a missing or non-numeric project id, a reversed window, a page size over 10,000 and a phc_ token", () => {
    const { fetch } = recordingFetch(() => jsonResponse(200, page([])));
    const client = createPostHogClient({ apiKey, fetch });
    const refused = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(SessionTrailError);
        return (error as SessionTrailError).message;
      }
      throw new Error("not refused");
    };
    expect(refused(() => client.events({ sessionId }))).toMatch(/projectId/);
    expect(refused(() => client.events({ sessionId, projectId: "phc_abc" }))).toMatch(/numeric project id/);
    expect(refused(() => client.events({ sessionId, projectId, since: 2_000, until: 1_000 }))).toMatch(
      /until/,
    );
    expect(refused(() => client.events({ sessionId, projectId }, { pageSize: 50_000 }))).toMatch(/pageSize/);
    expect(refused(() => createPostHogClient({ apiKey: "phc_project_token" }))).toMatch(/personal API key/);
  });

  it("reads the EU and self-hosted hosts by base URL", async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(200, page([])));
    await createPostHogClient({ apiKey, fetch, projectId, baseUrl: postHogServers.eu })
      .events({ sessionId })
      .toArray();
    await createPostHogClient({ apiKey, fetch, projectId, baseUrl: postHogServers.selfHosted("ph.acme.io") })
      .events({ sessionId })
      .toArray();
    expect(requests.map((r) => r.url)).toEqual([
      "https://eu.posthog.com/api/projects/12345/query/",
      "https://ph.acme.io/api/projects/12345/query/",
    ]);
  });
});
