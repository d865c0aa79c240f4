import { type SessionEvent, SessionTrailError } from "@sessiontrail/core";
import { normalizerSuite, sessionEventErrors } from "@sessiontrail/test-utils";
import { describe, expect, it } from "vitest";
import { type AmplitudeNormalizeOptions, amplitudeVendor, normalizeAmplitudeEvents } from "../src/index.ts";

// Golden output of every named 200 example. The spec's User Search examples share their names with
// User Activity's (one story per name for Prism); the descriptor reads them as holding no events.
normalizerSuite({
  vendor: "amplitude",
  normalize: (body, options) =>
    "matches" in (body as object)
      ? amplitudeVendor.normalize(body, { sessionId: "1" }, options)
      : normalizeAmplitudeEvents(body, options),
});

const session = 1717430400000;

/** A User Activity event of the session; `fields` override or add to it. */
function event(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    uuid: "u-0",
    event_type: "checkout_started",
    event_time: "2024-06-03 16:05:00.104000",
    session_id: session,
    device_id: "dev-1",
    user_id: "user-8842",
    event_properties: {},
    ...fields,
  };
}

// Tests pass loose JSON on purpose: the normalizer must cope with anything the wire sends.
const normalize = (body: unknown, options?: AmplitudeNormalizeOptions) =>
  normalizeAmplitudeEvents(body, options);

function caught(fn: () => unknown): SessionTrailError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SessionTrailError);
    return error as SessionTrailError;
  }
  throw new Error("expected a SessionTrailError");
}

describe("amplitude normalizer: what Amplitude's events mean", () => {
  it("reads each kind of event: type, name, instant (UTC, stated), page, target and context", () => {
    const events = normalize(
      {
        events: [
          event({
            uuid: "u-1",
            event_type: "[Amplitude] Page Viewed",
            event_time: "2024-06-03 16:00:00.120000",
            event_properties: {
              "[Amplitude] Page Location": "https://shop.example.com/?utm_source=news",
              "[Amplitude] Page URL": "https://shop.example.com/",
              "[Amplitude] Page Path": "/",
              "[Amplitude] Page Title": "Shop",
              referrer: "https://ref.example/",
              utm_source: "news",
            },
            os_name: "Chrome",
            os_version: "125",
            device_type: "Mac",
            country: "Germany",
            city: "Berlin",
            platform: "Web",
            library: "amplitude-ts/2.8.0",
          }),
          event({
            uuid: "u-2",
            event_type: "[Amplitude] Element Clicked",
            event_time: "2024-06-03 16:04:12.25",
            event_properties: {
              "[Amplitude] Element Text": "Add to cart",
              "[Amplitude] Element Selector": "#add",
              "[Amplitude] Element ID": "add",
              "[Amplitude] Page URL": "https://shop.example.com/pricing",
            },
          }),
          event({ uuid: "u-3", event_type: "session_start", event_time: "2024-06-03 16:00:00" }),
          event({ uuid: "u-4", event_type: "$identify" }),
          event({ uuid: "u-5", event_type: "revenue_amount", event_properties: { $revenue: 38 } }),
          event({ uuid: "u-6", event_type: "[Amplitude] Element Changed" }),
          event({ uuid: "u-7", event_type: "[Amplitude] Form Submitted" }),
          event({ uuid: "u-8", event_type: "[Amplitude] Web Vitals" }),
          event({ uuid: "u-9", event_type: "signup", session_id: -1 }),
        ],
      },
      { includeRaw: false },
    );
    expect(sessionEventErrors(events)).toEqual([]);
    expect(events.map(({ id, type, name, time }) => ({ id, type, name, time }))).toEqual([
      { id: "u-1", type: "page_view", name: "[Amplitude] Page Viewed", time: "2024-06-03T16:00:00.120Z" },
      { id: "u-2", type: "click", name: "[Amplitude] Element Clicked", time: "2024-06-03T16:04:12.250Z" },
      { id: "u-3", type: "other", name: "session_start", time: "2024-06-03T16:00:00.000Z" },
      { id: "u-4", type: "identify", name: "$identify", time: "2024-06-03T16:05:00.104Z" },
      { id: "u-5", type: "custom", name: "revenue_amount", time: "2024-06-03T16:05:00.104Z" },
      { id: "u-6", type: "input", name: "[Amplitude] Element Changed", time: "2024-06-03T16:05:00.104Z" },
      {
        id: "u-7",
        type: "form_submit",
        name: "[Amplitude] Form Submitted",
        time: "2024-06-03T16:05:00.104Z",
      },
      { id: "u-8", type: "other", name: "[Amplitude] Web Vitals", time: "2024-06-03T16:05:00.104Z" },
      { id: "u-9", type: "custom", name: "signup", time: "2024-06-03T16:05:00.104Z" },
    ]);
    const [page, click, , , , , , , outside] = events as SessionEvent[];
    expect(page).toMatchObject({
      sessionId: "1717430400000",
      userId: "user-8842",
      deviceId: "dev-1",
      page: {
        url: "https://shop.example.com/?utm_source=news",
        path: "/",
        title: "Shop",
        referrer: "https://ref.example/",
      },
      context: {
        os: "Chrome",
        osVersion: "125",
        device: "Mac",
        country: "Germany",
        city: "Berlin",
        campaign: { source: "news" },
      },
    });
    expect(page).not.toHaveProperty("timeZoneAssumed");
    expect(click).toMatchObject({
      page: { url: "https://shop.example.com/pricing" },
      target: { label: "Add to cart", selector: "#add", id: "add" },
    });
    // -1 is Amplitude's "outside any session": no session id.
    expect(outside).not.toHaveProperty("sessionId");
  });

  it("with sessionId (and deviceId), keeps that session's (and device's) events only", () => {
    const body = {
      events: [
        event({ uuid: "a" }),
        event({ uuid: "b", session_id: session - 1 }),
        event({ uuid: "c", session_id: String(session), device_id: "dev-2" }),
        event({ uuid: "d", session_id: -1 }),
      ],
    };
    expect(normalize(body, { sessionId: String(session) }).map((e) => e.id)).toEqual(["a", "c"]);
    expect(normalize(body, { sessionId: session, deviceId: "dev-1" }).map((e) => e.id)).toEqual(["a"]);
  });

  it("keeps uuids exact and hashes a stable id for an event without one", () => {
    const body = {
      events: [event({ uuid: "6F0C7D8E-2B1A" }), event({ uuid: undefined, $insert_id: "ins-1" })],
    };
    const [a, b] = normalize(body);
    expect(a?.id).toBe("6F0C7D8E-2B1A");
    expect(b?.id).toMatch(/^h_[0-9a-f]{32}$/);
    expect(normalize(structuredClone(body))[1]?.id).toBe(b?.id);
  });

  it("fails a body without an events array, and an event without a readable event_time, as invalid_response", () => {
    expect(caught(() => normalize({ userData: {} })).kind).toBe("invalid_response");
    expect(caught(() => normalize(null)).kind).toBe("invalid_response");
    const bad = { events: [event({ event_time: "2024-06-03T16:05:00+02:00x" }), event({ uuid: "ok" })] };
    expect(caught(() => normalize(bad)).message).toContain("event #0");
    const warnings: string[] = [];
    const kept = normalize(bad, { onInvalid: "skip", onWarning: (w) => warnings.push(w.message) });
    expect(kept.map((e) => e.id)).toEqual(["ok"]);
    expect(warnings).toEqual([expect.stringContaining("event_time")]);
  });

  it("keeps __proto__ as a plain property key (no prototype pollution)", () => {
    const body = JSON.parse(
      `{"events":[{"uuid":"p","event_type":"x","event_time":"2024-06-03 16:05:00","event_properties":{"__proto__":{"polluted":true}}}]}`,
    );
    const [only] = normalize(body);
    expect(Object.hasOwn(only?.properties ?? {}, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
