// PostHog pages by keyset on (timestamp, uuid), checked against a fault server on 127.0.0.1 that
// answers the query as PostHog would: rows after the cursor, in (timestamp, uuid) order, LIMIT rows.
import { type FaultRequest, type FaultServer, startFaultServer } from "@sessiontrail/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { createPostHogClient, type SessionEvent, sessionQueryText } from "../src/index.ts";

const columns = ["uuid", "event", "timestamp", "distinct_id", "person_id", "properties", "elements_chain"];
const sessionId = "0179fc92-0aa0-7c3e-9d1a-5b2f4e6a8c10";

/** Row i of a 25-event session; rows 6-15 share one microsecond, so page boundaries fall inside the run. */
function row(i: number): unknown[] {
  const second = i < 6 ? i : i <= 15 ? 6 : i - 9;
  const timestamp = `2021-06-11T19:35:${String(second).padStart(2, "0")}.000001Z`;
  // uuids ascend with i, so (timestamp, uuid) order is the order of i.
  return [
    `0179fc92-0aa0-7000-8000-${String(i).padStart(12, "0")}`,
    `step_${i}`,
    timestamp,
    "d1",
    null,
    "{}",
    "",
  ];
}
const session = Array.from({ length: 25 }, (_, i) => row(i));
const allIds = session.map((r) => r[0]);

interface Asked {
  query: string;
  values: Record<string, string>;
}
const asked = (r: FaultRequest): Asked => JSON.parse(r.body).query;

/** PostHog's answer to one request: the rows after the cursor, up to the LIMIT in the text. */
function answer(request: FaultRequest, rows = session): { columns: string[]; results: unknown[][] } {
  const { query, values } = asked(request);
  const limit = Number(/LIMIT (\d+)$/.exec(query)?.[1]);
  const after = values.after_timestamp;
  const results = rows
    .filter((r) => {
      if (after === undefined) return true;
      const [id, , ts] = r as [string, string, string];
      return ts > after || (ts === after && id > (values.after_uuid as string));
    })
    .slice(0, limit);
  return { columns, results };
}

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const fast = { retry: { baseDelayMs: 5, maxDelayMs: 20 }, pageSize: 4 };
const stream = (url: string, options = {}) =>
  createPostHogClient({ apiKey: "phx_fault_key", baseUrl: url, projectId: "1", rateLimit: false }).events(
    { sessionId },
    { ...fast, ...options },
  );
const rawIds = (events: SessionEvent[]) => events.map((e) => e.id);

describe("posthog keyset paging (fault server on 127.0.0.1)", () => {
  it("reads every event once, in order, across page boundaries inside a run of equal timestamps", async () => {
    server = await startFaultServer((r) => ({ json: answer(r) }));
    const events = await stream(server.url).toArray();
    expect(rawIds(events)).toEqual(allIds);
    // 25 rows by 4: six full pages, then one of 1 row.
    const requests = server.requests.map(asked);
    expect(requests).toHaveLength(7);
    expect(requests[0]?.query).toBe(sessionQueryText(4, false));
    for (const [k, request] of requests.entries()) {
      expect(request.query).not.toMatch(/OFFSET/i);
      if (k === 0) continue;
      expect(request.query).toBe(sessionQueryText(4, true));
      // The cursor is the last row of the page before, as PostHog rendered it.
      const last = session[k * 4 - 1] as string[];
      expect(request.values).toMatchObject({
        after_timestamp: last[2],
        after_uuid: last[0],
        session_id: sessionId,
      });
    }
    expect(server.maxInFlight).toBe(1);
  });

  it("asks for another page after a page that says hasMore, though shorter than asked", async () => {
    server = await startFaultServer((r) => {
      const { results } = answer(r);
      // PostHog's own cap reached: fewer rows than the LIMIT, hasMore true.
      return { json: { columns, results: results.slice(0, 2), hasMore: results.length > 2 } };
    });
    const events = await stream(server.url).toArray();
    expect(rawIds(events)).toEqual(allIds);
  });

  it("stops after a page with fewer rows than asked, with no extra request", async () => {
    server = await startFaultServer((r) => ({ json: answer(r) }));
    await stream(server.url, { pageSize: 10 }).toArray();
    expect(server.requests).toHaveLength(3);
  });

  it("waits out a 429's Retry-After and asks the same page again with the same cursor", async () => {
    let n = 0;
    server = await startFaultServer((r) =>
      ++n === 3
        ? {
            status: 429,
            json: {
              type: "throttled_error",
              code: "throttled",
              detail: "Request was throttled.",
              attr: null,
            },
            headers: { "retry-after": "0" },
          }
        : { json: answer(r) },
    );
    const events = await stream(server.url).toArray();
    expect(rawIds(events)).toEqual(allIds);
    expect(server.requests[3]?.body).toBe(server.requests[2]?.body);
  });

  it("retries 503s and a dropped connection", async () => {
    let n = 0;
    server = await startFaultServer((r) => {
      n++;
      if (n === 2 || n === 3) return { status: 503, text: "busy" };
      if (n === 5) return { reset: true };
      return { json: answer(r) };
    });
    const events = await stream(server.url).toArray();
    expect(rawIds(events)).toEqual(allIds);
  });

  it("fails with invalid_response when PostHog ignores the cursor and serves page 1 again", async () => {
    server = await startFaultServer(() => ({ json: { columns, results: session.slice(0, 4) } }));
    const got: SessionEvent[] = [];
    const error = await (async () => {
      for await (const event of stream(server?.url as string)) got.push(event);
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "invalid_response", vendor: "posthog" });
    expect(rawIds(got)).toEqual(allIds.slice(0, 4));
  });

  it("fails when the last row of a full page has no uuid to go on from", async () => {
    server = await startFaultServer(() => ({
      json: {
        columns,
        results: [...session.slice(0, 3), ["not-a-uuid", "x", "2021-06-11T19:35:00Z", "d", null, "{}", ""]],
      },
    }));
    const error = await stream(server.url)
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "invalid_response" });
  });

  it("resumes after a failure from the cursor: nothing lost, nothing twice", async () => {
    let broken = true;
    server = await startFaultServer((r) =>
      r.n === 2 && broken ? { status: 500, json: {} } : { json: answer(r) },
    );
    const s = stream(server.url, { retry: false });
    const got: SessionEvent[] = [];
    const error = await (async () => {
      for await (const event of s) got.push(event);
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "server", status: 500 });
    expect(rawIds(got)).toEqual(allIds.slice(0, 8));
    broken = false;
    const rest = await s.resume().toArray();
    expect(rawIds([...got, ...rest])).toEqual(allIds);
  });
});
