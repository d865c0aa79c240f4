import { EventIdScope, type NormalizeWarning, type SessionEvent } from "@sessiontrail/core";
import { normalizerSuite, sessionEventErrors, thrown } from "@sessiontrail/test-utils";
import { describe, expect, it } from "vitest";
import { type components, normalizeRoundtableEvents } from "../src/index.ts";

type Body = components["schemas"]["SessionEvents"];

normalizerSuite({ vendor: "roundtable", normalize: normalizeRoundtableEvents });

const at = 1748749918204;

/** Normalizes one event of a session `s1` and returns the result without `raw`. */
function one(event: Record<string, unknown>): SessionEvent {
  const events = normalizeRoundtableEvents({ session_id: "s1", events: [event] } as Body, {
    includeRaw: false,
  });
  expect(events).toHaveLength(1);
  expect(sessionEventErrors(events)).toEqual([]);
  return events[0] as SessionEvent;
}

const action = (text: string) => one({ action: text, unix_timestamp: at });

describe("roundtable normalizer: ids across pages", () => {
  it("passes options.ids on: a twin on the next page gets the id it gets in one call", () => {
    const twin = { action: 'Clicked "Buy"', unix_timestamp: at };
    const page = (...events: unknown[]) => ({ session_id: "s1", events });
    const ids = new EventIdScope();
    const paged = [
      ...normalizeRoundtableEvents(page(twin), { ids }),
      ...normalizeRoundtableEvents(page(twin), { ids }),
    ].map((e) => e.id);
    expect(paged).toEqual(normalizeRoundtableEvents(page(twin, twin)).map((e) => e.id));
    expect(new Set(paged).size).toBe(2);
  });
});

describe("roundtable normalizer: the instant and the local time", () => {
  it("takes the instant from unix_timestamp and keeps user_time verbatim as a property", () => {
    const event = one({
      action: "Signed in",
      user_time: "Mar 25, 2025 14:30:45",
      unix_timestamp: 1743055845000,
    });
    expect(event.timestamp).toBe(1743055845000);
    // The docs' user_time is two days off unix_timestamp: it must not move the instant.
    expect(event.time).toBe("2025-03-27T06:10:45.000Z");
    expect(event.properties).toEqual({ user_time: "Mar 25, 2025 14:30:45" });
  });

  it("has no user_time property when the vendor sent none", () => {
    expect(action("Signed in").properties).toEqual({});
  });

  it("keeps a fractional epoch millisecond in its millisecond", () => {
    expect(one({ action: "x", unix_timestamp: 1743055845000.9 }).timestamp).toBe(1743055845000);
  });

  it("accepts every instant of years 0000 to 9999, the range SessionEvent.time can write", () => {
    expect(one({ action: "x", unix_timestamp: -62167219200000 }).time).toBe("0000-01-01T00:00:00.000Z");
    expect(one({ action: "x", unix_timestamp: 253402300799999 }).time).toBe("9999-12-31T23:59:59.999Z");
  });

  it("keeps extra event fields as properties, in their order, with user_time", () => {
    const event = one({
      page_title: "Billing",
      action: 'User clicked "Pay"',
      user_time: "Jun 1, 2025 00:03:29",
      unix_timestamp: at,
      element: { tag: "button" },
    });
    expect(event.properties).toEqual({
      page_title: "Billing",
      user_time: "Jun 1, 2025 00:03:29",
      element: { tag: "button" },
    });
    expect(Object.keys(event.properties)).toEqual(["page_title", "user_time", "element"]);
  });

  it("sets sessionId from session_id, and leaves it out when there is none", () => {
    expect(action("Signed in").sessionId).toBe("s1");
    const [event] = normalizeRoundtableEvents({ events: [{ action: "x", unix_timestamp: at }] });
    expect(event).not.toHaveProperty("sessionId");
  });
});

describe("roundtable normalizer: type, page and target from the action text", () => {
  it("maps `Navigated to /path` (docs) to a page_view with page.path", () => {
    const event = action("Navigated to /dashboard");
    expect(event).toMatchObject({ type: "page_view", name: "Navigated to /dashboard" });
    expect(event.page).toEqual({ path: "/dashboard" });
    expect(event).not.toHaveProperty("target");
  });

  it("drops the query and fragment from a bare path, as location.pathname does", () => {
    expect(action("Navigated to /search?q=a#top").page).toEqual({ path: "/search" });
  });

  it("maps `User navigated to <url>` (real) to a page_view with page.url and its path", () => {
    expect(action("User navigated to https://app.example.com/login?next=%2Fbilling").page).toEqual({
      url: "https://app.example.com/login?next=%2Fbilling",
      path: "/login",
    });
    expect(action("User navigated to https://app.example.com").page).toEqual({
      url: "https://app.example.com",
      path: "/",
    });
    expect(action("User navigated to about:blank").page).toEqual({ url: "about:blank" });
  });

  it("gives no page for a destination that is neither a path nor a URL", () => {
    const event = action("User navigated to the settings");
    expect(event.type).toBe("page_view");
    expect(event).not.toHaveProperty("page");
  });

  it('maps `Clicked "X"` and `User clicked "X"` to a click with target.label X', () => {
    expect(action('Clicked "Update credit card"')).toMatchObject({
      type: "click",
      name: 'Clicked "Update credit card"',
      target: { label: "Update credit card" },
    });
    expect(action('User clicked "Sign in"').target).toEqual({ label: "Sign in" });
  });

  it("takes a click label between the first and the last double quote", () => {
    expect(action('User clicked "Use "Express" checkout"').target).toEqual({
      label: 'Use "Express" checkout',
    });
    expect(action('User clicked """').target).toEqual({ label: '"' });
  });

  it("keeps an unquoted click label as it is, and has no target for an empty one", () => {
    expect(action("User clicked Buy now").target).toEqual({ label: "Buy now" });
    expect(action('User clicked "Buy').target).toEqual({ label: '"Buy' });
    const empty = action('User clicked ""');
    expect(empty.type).toBe("click");
    expect(empty).not.toHaveProperty("target");
  });

  it("maps `User edited #id` to an input with target.selector", () => {
    expect(action("User edited #email")).toMatchObject({ type: "input", target: { selector: "#email" } });
  });

  it("maps `User submitted <form-id>` to a form_submit with target.id, or selector for `#id`", () => {
    expect(action("User submitted login-form")).toMatchObject({
      type: "form_submit",
      target: { id: "login-form" },
    });
    expect(action("User submitted #login-form").target).toEqual({ selector: "#login-form" });
    expect(action("User submitted")).not.toHaveProperty("target");
  });

  it("maps `Signed in` to custom (no user id to identify), keeping the name", () => {
    expect(action("Signed in")).toMatchObject({ type: "custom", name: "Signed in" });
  });

  it("maps page visibility changes to other", () => {
    expect(action("Page became hidden").type).toBe("other");
    expect(action("Page became visible").type).toBe("other");
  });

  it("is case-insensitive on the verbs and tolerant of extra spaces, and keeps the name verbatim", () => {
    expect(action('USER CLICKED "OK"')).toMatchObject({ type: "click", target: { label: "OK" } });
    expect(action("  user  Navigated   TO /a  ")).toMatchObject({
      type: "page_view",
      name: "  user  Navigated   TO /a  ",
      page: { path: "/a" },
    });
    expect(action("page BECAME Hidden").type).toBe("other");
  });

  it("maps unknown actions to custom and does not drop them", () => {
    const events = normalizeRoundtableEvents({
      events: [
        { action: "Scrolled to bottom of page", unix_timestamp: at },
        { action: "User clickedX", unix_timestamp: at },
        { action: "User navigated back", unix_timestamp: at },
        { action: "Page became frozen", unix_timestamp: at },
        { action: "", unix_timestamp: at },
      ],
    });
    expect(events.map((e) => [e.type, e.name])).toEqual([
      ["custom", "Scrolled to bottom of page"],
      ["custom", "User clickedX"],
      ["custom", "User navigated back"],
      ["custom", "Page became frozen"],
      ["custom", ""],
    ]);
  });

  it("maps an event without action to other with an empty name", () => {
    expect(one({ unix_timestamp: at, user_time: "Jun 1, 2025 00:03:29" })).toMatchObject({
      type: "other",
      name: "",
      properties: { user_time: "Jun 1, 2025 00:03:29" },
    });
  });
});

describe("roundtable normalizer: ids", () => {
  it("tells events apart by timestamp and action, and twins by their order", () => {
    const body: Body = {
      session_id: "s1",
      events: [
        { action: 'User clicked "A"', unix_timestamp: at },
        { action: "User submitted f", unix_timestamp: at },
        { action: 'User clicked "A"', unix_timestamp: at },
        { action: 'User clicked "A"', unix_timestamp: at + 1 },
      ],
    };
    const ids = normalizeRoundtableEvents(body).map((e) => e.id);
    expect(new Set(ids).size).toBe(4);
    expect(normalizeRoundtableEvents(structuredClone(body)).map((e) => e.id)).toEqual(ids);
    expect(ids.every((id) => id.startsWith("h_"))).toBe(true);
  });

  it("gives the same event in two sessions different ids", () => {
    const event = { action: "Signed in", unix_timestamp: at };
    const [a] = normalizeRoundtableEvents({ session_id: "s1", events: [event] });
    const [b] = normalizeRoundtableEvents({ session_id: "s2", events: [event] });
    expect(a?.id).not.toBe(b?.id);
  });
});

describe("roundtable normalizer: invalid events", () => {
  const body = {
    session_id: "s1",
    events: [
      { action: "Signed in", unix_timestamp: at },
      { action: "No time", user_time: "Jun 1, 2025 00:03:29" },
      { action: "String time", unix_timestamp: "1748749918204" },
      { action: 42, unix_timestamp: at },
      null,
      ["not", "an", "event"],
      { action: "Infinite", unix_timestamp: Number.POSITIVE_INFINITY },
      { action: "Year 10000", unix_timestamp: 253402300800000 },
    ],
  } as unknown as Body;

  it("throws a typed error naming the event and the field by default", () => {
    const error = thrown(() => normalizeRoundtableEvents(body));
    expect(error.kind).toBe("invalid_response");
    expect(error.message).toContain("event #1 has no numeric unix_timestamp");
  });

  it("skips invalid events with a warning naming each index when asked", () => {
    const warnings: NormalizeWarning[] = [];
    const events = normalizeRoundtableEvents(body, {
      onInvalid: "skip",
      onWarning: (w) => warnings.push(w),
    });
    expect(events.map((e) => e.name)).toEqual(["Signed in"]);
    expect(warnings.map((w) => [w.vendor, w.index, w.message])).toEqual([
      ["roundtable", 1, "event #1 has no numeric unix_timestamp"],
      ["roundtable", 2, "event #2 has no numeric unix_timestamp"],
      ["roundtable", 3, "event #3 action is not a string"],
      ["roundtable", 4, "event #4 expected an object, got null"],
      ["roundtable", 5, "event #5 expected an object, got object"],
      ["roundtable", 6, "event #6 unix_timestamp is not between years 0000 and 9999"],
      ["roundtable", 7, "event #7 unix_timestamp is not between years 0000 and 9999"],
    ]);
  });
});

describe("roundtable normalizer: the body", () => {
  it("reads a body without events, or with event_count 0 and no events, as an empty session", () => {
    expect(normalizeRoundtableEvents({})).toEqual([]);
    expect(normalizeRoundtableEvents({ session_id: "s1", event_count: 0 })).toEqual([]);
    expect(normalizeRoundtableEvents({ session_id: "s1", event_count: 0, events: [] })).toEqual([]);
  });

  it.each([
    ["null", null, "expected an object"],
    ["an array", [], "expected an object"],
    ["a string", "Unauthorized", "expected an object"],
    ["events not an array", { events: { 0: {} } }, "events is not an array"],
    ["events null", { events: null }, "events is not an array"],
    [
      "events missing with a count",
      { session_id: "s1", event_count: 3 },
      "events is missing but event_count is 3",
    ],
    ["session_id not a string", { session_id: 123, events: [] }, "session_id is not a string"],
    ["event_count negative", { event_count: -1, events: [] }, "event_count is not a non-negative integer"],
    ["event_count a string", { event_count: "3", events: [] }, "event_count is not a non-negative integer"],
  ])("rejects %s with a typed invalid_response error", (_, body, message) => {
    const error = thrown(() => normalizeRoundtableEvents(body as never, { onInvalid: "skip" }));
    expect(error.kind).toBe("invalid_response");
    expect(error.vendor).toBe("roundtable");
    expect(error.message).toContain(message);
  });
});

describe("roundtable normalizer: vendor keys", () => {
  it("keeps __proto__ and constructor as plain property keys without touching prototypes", () => {
    const body = JSON.parse(
      `{"events":[{"action":"x","unix_timestamp":${at},"__proto__":{"polluted":true},"constructor":{"prototype":{"y":1}}}]}`,
    );
    const [event] = normalizeRoundtableEvents(body);
    const properties = event?.properties as Record<string, unknown>;
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(Object.keys(properties)).toEqual(["__proto__", "constructor"]);
    expect(Object.getOwnPropertyDescriptor(properties, "__proto__")?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(sessionEventErrors([event])).toEqual([]);
  });
});
