// Amplitude pages a user's whole history newest first, by offset, with pages that are not `limit`
// long: core's resilienceSuite (pages by number, one session per answer) does not fit, so these run
// the two-step read (User Search, then User Activity) against a fault server.
import { type Fault, type FaultRequest, type FaultServer, startFaultServer } from "@sessiontrail/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { amplitudeDefaults, createAmplitudeClient } from "../src/index.ts";

const session = 1_717_430_400_000; // 2024-06-03T16:00:00Z
const minute = 60_000;

/** `YYYY-MM-DD HH:MM:SS.ffffff`, UTC, as Amplitude writes event_time. */
const amplitudeTime = (ms: number) => `${new Date(ms).toISOString().replace("T", " ").slice(0, 23)}000`;

/** A User Activity event `n` minutes after `start` in session `sessionId`. */
function event(uuid: string, at: number, sessionId = session): Record<string, unknown> {
  return {
    uuid,
    event_type: `step ${uuid}`,
    event_time: amplitudeTime(at),
    session_id: sessionId,
    device_id: "dev-1",
    event_properties: {},
  };
}

/** The user's history, newest first: `count` events of the session a minute apart, then older sessions. */
function history(count: number): Record<string, unknown>[] {
  const inSession = Array.from({ length: count }, (_, i) => event(`s${i}`, session + i * minute));
  const before = [
    event("old-1", session - 2 * 3_600_000, session - 3 * 3_600_000),
    event("old-2", session - 3 * 3_600_000, session - 3 * 3_600_000),
    event("older", session - 48 * 3_600_000, session - 48 * 3_600_000),
  ];
  return [...inSession.reverse(), ...before];
}

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const query = (request: FaultRequest) => new URL(request.url, "http://x").searchParams;

async function read(
  handle: (request: FaultRequest) => Fault,
  pageSize: number,
  user: Record<string, string>,
) {
  server = await startFaultServer(handle);
  const client = createAmplitudeClient({
    apiKey: "amp_fault_key",
    secretKey: "amp_fault_secret",
    baseUrl: server.url,
    rateLimit: false,
  });
  const events = await client
    .events({ sessionId: String(session), ...user }, { pageSize, retry: { baseDelayMs: 1, maxDelayMs: 5 } })
    .toArray();
  return { events, requests: server.requests };
}

describe("amplitude paging: a session read from the user's activity", () => {
  it("pages with uneven pages (extra events to keep sessions whole), advancing by what came back", async () => {
    const all = history(12);
    // Each page is `limit` + 2 events long: more than asked, as Amplitude may answer.
    const { events, requests } = await read(
      (request) => {
        const offset = Number(query(request).get("offset"));
        const limit = Number(query(request).get("limit"));
        return { json: { events: all.slice(offset, offset + limit + 2) } };
      },
      3,
      { amplitudeId: "42" },
    );
    expect(requests.map((r) => query(r).get("offset"))).toEqual(["0", "5", "10"]);
    expect(events.map((e) => e.id)).toEqual(Array.from({ length: 12 }, (_, i) => `s${i}`));
  });

  it("stops at the page whose oldest event is older than the session's start (with the skew margin)", async () => {
    const all = history(4);
    // Within the margin (30 min before the start) paging goes on; 2 h before, it stops.
    all.splice(4, 0, event("near", session - 30 * minute, -1));
    const { events, requests } = await read(
      (request) => {
        const offset = Number(query(request).get("offset"));
        return { json: { events: all.slice(offset, offset + 5) } };
      },
      5,
      { amplitudeId: "42" },
    );
    expect(amplitudeDefaults.clockSkewMarginMs).toBeGreaterThan(30 * minute);
    expect(requests.map((r) => query(r).get("offset"))).toEqual(["0", "5"]);
    expect(events.map((e) => e.id)).toEqual(["s0", "s1", "s2", "s3"]);
  });

  it("keeps an event once when new activity shifts it onto the next page too (dedup by uuid)", async () => {
    const all = history(6);
    let served = 0;
    const { events } = await read(
      (request) => {
        const offset = Number(query(request).get("offset"));
        // Between page 1 and 2 the user did two more things elsewhere: every offset moved by 2.
        const now =
          served++ === 0
            ? all
            : [
                event("new-1", session + 7 * 3_600_000, 1),
                event("new-2", session + 7 * 3_600_000, 1),
                ...all,
              ];
        return { json: { events: now.slice(offset, offset + 4) } };
      },
      4,
      { amplitudeId: "42" },
    );
    expect(events.map((e) => e.id)).toEqual(["s0", "s1", "s2", "s3", "s4", "s5"]);
  });

  it("looks the user up once, within page 1's retries (a 429 on User Search is waited out)", async () => {
    const all = history(2);
    let searches = 0;
    const { events, requests } = await read(
      (request) => {
        if (request.url.startsWith("/api/2/usersearch")) {
          searches++;
          return searches === 1
            ? { text: "Exceeded rate limit", status: 429, headers: { "x-ratelimit-reset": "0" } }
            : {
                json: {
                  type: "match_user_or_device_id",
                  matches: [{ user_id: "user-8842", amplitude_id: 42 }],
                },
              };
        }
        return { json: { events: all } };
      },
      1000,
      { userId: "user-8842" },
    );
    expect(requests.map((r) => r.url.split("?")[0])).toEqual([
      "/api/2/usersearch",
      "/api/2/usersearch",
      "/api/2/useractivity",
    ]);
    expect(query(requests[2] as FaultRequest).get("user")).toBe("42");
    expect(requests[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from("amp_fault_key:amp_fault_secret").toString("base64")}`,
    );
    expect(events.map((e) => e.id)).toEqual(["s0", "s1"]);
  });

  it("retries a page that failed with a 503 and asks it again at the same offset", async () => {
    const all = history(6);
    let failed = false;
    const { events, requests } = await read(
      (request) => {
        const offset = Number(query(request).get("offset"));
        if (offset === 4 && !failed) {
          failed = true;
          return { json: { error: "unavailable" }, status: 503 };
        }
        return { json: { events: all.slice(offset, offset + 4) } };
      },
      4,
      { amplitudeId: "42" },
    );
    expect(requests.map((r) => query(r).get("offset"))).toEqual(["0", "4", "4"]);
    expect(events).toHaveLength(6);
  });
});
