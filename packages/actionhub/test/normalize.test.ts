import { EventIdScope, registerSecret } from "@sessiontrail/core";
import { normalizerSuite, sessionEventErrors, thrown } from "@sessiontrail/test-utils";
import { describe, expect, it } from "vitest";
import { type ActionHubNormalizeOptions, type components, normalizeActionHubEvents } from "../src/index.ts";

type Action = components["schemas"]["UserRawHistoryAction"];

normalizerSuite({
  vendor: "actionhub",
  normalize: normalizeActionHubEvents,
  // The spec's example user_id: ActionHub's actions do not carry the user, the caller knows it.
  optionsFor: () => ({ userId: "cust-10482" }),
});

const action = (over: Partial<Action> = {}): Action => ({
  timestamp: "2023-01-09T08:14:03Z",
  event_type: "view",
  asset_id: "prod-7731",
  asset_name: "Trail Runner 2",
  ...over,
});

const run = (history: unknown[], options?: ActionHubNormalizeOptions) =>
  normalizeActionHubEvents({ history }, options);

const one = (over: Partial<Action> = {}, options?: ActionHubNormalizeOptions) => {
  const [event] = run([action(over)], options);
  if (!event) throw new Error("no event");
  return event;
};

describe("actionhub normalizer: event types", () => {
  it("maps visit and view to page_view, click to click, keeping event_type as the name", () => {
    const events = run([
      action({ event_type: "visit" }),
      action({ event_type: "view" }),
      action({ event_type: "click" }),
    ]);
    expect(events.map((e) => [e.type, e.name])).toEqual([
      ["page_view", "visit"],
      ["page_view", "view"],
      ["click", "click"],
    ]);
  });

  it("maps order and purchase to custom: they are business events, not interactions", () => {
    expect(one({ event_type: "order" })).toMatchObject({ type: "custom", name: "order" });
    expect(one({ event_type: "purchase" })).toMatchObject({ type: "custom", name: "purchase" });
  });

  it("maps every other (program-defined) kind to custom and never drops it", () => {
    const kinds = ["add_to_cart", "review", "Wishlist Add", "", "订单", "constructor", "__proto__"];
    const events = run(kinds.map((event_type) => action({ event_type })));
    expect(events).toHaveLength(kinds.length);
    expect(events.map((e) => e.type)).toEqual(kinds.map(() => "custom"));
    expect(events.map((e) => e.name)).toEqual(kinds);
  });

  it("recognises the known kinds regardless of case and surrounding spaces, name verbatim", () => {
    expect(one({ event_type: "VIEW" })).toMatchObject({ type: "page_view", name: "VIEW" });
    expect(one({ event_type: " Click " })).toMatchObject({ type: "click", name: " Click " });
    expect(one({ event_type: "Visit" })).toMatchObject({ type: "page_view", name: "Visit" });
    expect(one({ event_type: "clicked" }).type).toBe("custom");
  });
});

describe("actionhub normalizer: user, session and target", () => {
  it("sets userId from the options, never a sessionId, and no page or context", () => {
    const event = one({}, { userId: "cust-10482" });
    expect(event.userId).toBe("cust-10482");
    expect(event).not.toHaveProperty("sessionId");
    expect(event).not.toHaveProperty("page");
    expect(event).not.toHaveProperty("context");
    expect(event).not.toHaveProperty("deviceId");
    expect(one()).not.toHaveProperty("userId");
    expect(one({}, { userId: "" })).not.toHaveProperty("userId");
  });

  it("keeps a 64-bit numeric user id and asset id as strings", () => {
    const event = one({ asset_id: "9007199254740993" }, { userId: "18446744073709551615" });
    expect(event.userId).toBe("18446744073709551615");
    expect(event.target?.id).toBe("9007199254740993");
    expect(event.properties.asset_id).toBe("9007199254740993");
  });

  it("makes the asset the target: asset_id as id, asset_name as name", () => {
    expect(one().target).toEqual({ id: "prod-7731", name: "Trail Runner 2" });
  });

  it("leaves an empty asset_name (or asset_id) out of the target, and the target out when both are empty", () => {
    expect(one({ asset_name: "" }).target).toEqual({ id: "prod-7731" });
    expect(one({ asset_id: "" }).target).toEqual({ name: "Trail Runner 2" });
    expect(one({ asset_id: "", asset_name: "" })).not.toHaveProperty("target");
  });

  it("keeps asset_id, asset_name and the timestamp text in properties, even when empty", () => {
    expect(one({ timestamp: "2023-01-07", asset_name: "" }).properties).toEqual({
      timestamp: "2023-01-07",
      event_type: "view",
      asset_id: "prod-7731",
      asset_name: "",
    });
  });
});

describe("actionhub normalizer: labels", () => {
  it("copies event_labels and asset_labels as they are, strings or objects", () => {
    const event = one({
      event_labels: ["rating:5", { placement: "hero", position: 1 }, 7, null],
      asset_labels: ["footwear", "running"],
    });
    expect(event.properties.event_labels).toEqual(["rating:5", { placement: "hero", position: 1 }, 7, null]);
    expect(event.properties.asset_labels).toEqual(["footwear", "running"]);
  });

  it("keeps empty label arrays and leaves absent ones absent", () => {
    const withEmpty = one({ event_labels: [], asset_labels: [] });
    expect(withEmpty.properties.event_labels).toEqual([]);
    expect(withEmpty.properties.asset_labels).toEqual([]);
    const without = one();
    expect(without.properties).not.toHaveProperty("event_labels");
    expect(without.properties).not.toHaveProperty("asset_labels");
  });

  it("gives properties their own label arrays, so changing them leaves the raw event alone", () => {
    const raw = action({ event_labels: ["a"], asset_labels: ["b"] });
    const [event] = run([raw]);
    if (!event) throw new Error("no event");
    (event.properties.event_labels as string[]).push("x");
    (event.properties.asset_labels as string[]).push("y");
    expect(raw.event_labels).toEqual(["a"]);
    expect(raw.asset_labels).toEqual(["b"]);
    expect(event.raw).toBe(raw);
  });

  it('keeps a label field that is not an array (the doc generator\'s `"array"`) as sent', () => {
    const event = one({ event_labels: "array" as unknown as unknown[] });
    expect(event.properties.event_labels).toBe("array");
  });
});

describe("actionhub normalizer: timestamps", () => {
  it("honours a Z or numeric offset", () => {
    expect(one({ timestamp: "2023-01-09T08:14:03Z" }).time).toBe("2023-01-09T08:14:03.000Z");
    expect(one({ timestamp: "2023-01-09T10:15:42+02:00" }).time).toBe("2023-01-09T08:15:42.000Z");
    expect(one({ timestamp: "2023-01-12T19:03:27-05:00" }).time).toBe("2023-01-13T00:03:27.000Z");
    expect(one({ timestamp: "2023-01-14T09:00:00+00:00" }).timestamp).toBe(Date.UTC(2023, 0, 14, 9));
  });

  it("reads a time without offset as UTC by default, truncating microseconds", () => {
    const event = one({ timestamp: "2023-01-09T08:24:55.118999" });
    expect(event.timestamp).toBe(Date.UTC(2023, 0, 9, 8, 24, 55, 118));
    expect(event.time).toBe("2023-01-09T08:24:55.118Z");
    expect(event.properties.timestamp).toBe("2023-01-09T08:24:55.118999");
  });

  it("reads a bare date as midnight, keeping the date text in properties", () => {
    const event = one({ timestamp: "2023-01-07" });
    expect(event.time).toBe("2023-01-07T00:00:00.000Z");
    expect(event.properties.timestamp).toBe("2023-01-07");
  });

  it("reads times without offset, and bare dates, in options.timeZone; offsets still win", () => {
    const opts = { timeZone: "America/New_York" };
    expect(one({ timestamp: "2023-01-09T08:24:55" }, opts).time).toBe("2023-01-09T13:24:55.000Z");
    expect(one({ timestamp: "2023-07-09T08:24:55" }, opts).time).toBe("2023-07-09T12:24:55.000Z");
    expect(one({ timestamp: "2023-01-07" }, opts).time).toBe("2023-01-07T05:00:00.000Z");
    expect(one({ timestamp: "2023-01-09T08:24:55Z" }, opts).time).toBe("2023-01-09T08:24:55.000Z");
    expect(one({ timestamp: "2023-01-09T08:24:55+01:00" }, opts).time).toBe("2023-01-09T07:24:55.000Z");
  });

  it("marks the zone of a time without offset as assumed: options.timeZone, else UTC", () => {
    expect(one({ timestamp: "2023-01-09T08:24:55" }).timeZoneAssumed).toBe("UTC");
    expect(one({ timestamp: "2023-01-07" }, { timeZone: "America/New_York" }).timeZoneAssumed).toBe(
      "America/New_York",
    );
    expect(
      one({ timestamp: "2023-01-09T08:24:55+01:00" }, { timeZone: "America/New_York" }),
    ).not.toHaveProperty("timeZoneAssumed");
    expect(one({ timestamp: "2023-01-09T08:24:55Z" })).not.toHaveProperty("timeZoneAssumed");
  });

  it("bounds and redacts a bad timestamp quoted in its error", () => {
    const secret = "actionhub_secret_key_91f3";
    registerSecret(secret);
    const error = thrown(() => one({ timestamp: `${secret} ${"x".repeat(5_000_000)}` }));
    expect(error.kind).toBe("invalid_response");
    expect(error.message.length).toBeLessThan(1000);
    expect(error.message).toContain('timestamp is not an ISO 8601 date: "[REDACTED] xxx');
    expect(error.message).not.toContain(secret);
    const zone = thrown(() => one({}, { timeZone: "x".repeat(5_000_000) }));
    expect(zone.issues[0]?.message.length).toBeLessThan(1000);
  });

  it("rejects a time zone that is not an IANA zone, as a validation error", () => {
    const error = thrown(() => one({}, { timeZone: "Mars/Olympus" }));
    expect(error.kind).toBe("validation");
    expect(error.issues[0]?.path).toBe("timeZone");
    expect(thrown(() => one({}, { timeZone: "" })).kind).toBe("validation");
  });
});

describe("actionhub normalizer: ids", () => {
  it("passes options.ids on: a twin on the next page gets the id it gets in one call", () => {
    const twin = action({ timestamp: "2023-01-09T08:14:03" });
    const ids = new EventIdScope();
    const paged = [...run([twin], { ids }), ...run([twin], { ids })].map((e) => e.id);
    expect(paged).toEqual(run([twin, twin]).map((e) => e.id));
    expect(new Set(paged).size).toBe(2);
  });

  it("has no vendor id: every id is a hash, stable across runs", () => {
    const history = [action(), action({ event_type: "click" }), action({ timestamp: "2023-01-07" })];
    const ids = run(history, { userId: "u1" }).map((e) => e.id);
    expect(ids.every((id) => /^h_[0-9a-f]{32}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(3);
    expect(run(structuredClone(history), { userId: "u1" }).map((e) => e.id)).toEqual(ids);
  });

  it("tells apart events that differ only in user, timestamp text, event_type or asset_id", () => {
    const base = one({}, { userId: "u1" }).id;
    expect(one({}, { userId: "u2" }).id).not.toBe(base);
    expect(one({}).id).not.toBe(base);
    // Same instant, written differently: still two different logged actions.
    expect(one({ timestamp: "2023-01-09T08:14:03+00:00" }, { userId: "u1" }).id).not.toBe(base);
    expect(one({ event_type: "View" }, { userId: "u1" }).id).not.toBe(base);
    expect(one({ asset_id: "prod-7732" }, { userId: "u1" }).id).not.toBe(base);
  });

  it("ignores asset_name and labels in the identity, but keeps twins distinct", () => {
    const base = one({}, { userId: "u1" }).id;
    expect(one({ asset_name: "Renamed", event_labels: ["x"] }, { userId: "u1" }).id).toBe(base);
    const twins = run([action(), action(), action()], { userId: "u1" });
    expect(twins[0]?.id).toBe(base);
    expect(new Set(twins.map((e) => e.id)).size).toBe(3);
  });
});

describe("actionhub normalizer: invalid events", () => {
  const broken: [string, unknown, RegExp][] = [
    ["no timestamp", { event_type: "view", asset_id: "a", asset_name: "" }, /event #1 has no timestamp/],
    ["a numeric timestamp", action({ timestamp: 1673049600000 as unknown as string }), /timestamp/],
    ["an unparseable timestamp", action({ timestamp: "yesterday" }), /event #1 timestamp .*"yesterday"/],
    ["an impossible date", action({ timestamp: "2023-02-30T10:00:00Z" }), /timestamp/],
    ["an empty timestamp", action({ timestamp: "" }), /timestamp/],
    ["no event_type", { timestamp: "2023-01-07", asset_id: "a", asset_name: "" }, /event #1 .*event_type/],
    ["a null event", null, /event #1 expected an object, got null/],
    ["a string event", "visit", /event #1 expected an object, got string/],
    ["an array event", [action()], /event #1 expected an object/],
  ];

  for (const [what, bad, message] of broken) {
    it(`throws invalid_response for ${what}`, () => {
      const error = thrown(() => run([action(), bad, action()]));
      expect(error.kind).toBe("invalid_response");
      expect(error.message).toMatch(message);
    });
  }

  it("skips invalid events with a warning naming the index when onInvalid is skip", () => {
    const warnings: { index: number; message: string }[] = [];
    const events = run(
      [action({ event_type: "visit" }), action({ timestamp: "soon" }), null, action({ event_type: "click" })],
      { onInvalid: "skip", onWarning: (w) => warnings.push({ index: w.index, message: w.message }) },
    );
    expect(events.map((e) => e.name)).toEqual(["visit", "click"]);
    expect(warnings.map((w) => w.index)).toEqual([1, 2]);
    expect(warnings[0]?.message).toMatch(/^event #1 timestamp/);
    expect(warnings[1]?.message).toBe("event #2 expected an object, got null");
  });

  it("normalizes an action missing its asset: no target, nothing invented", () => {
    const event = run([{ timestamp: "2023-01-07", event_type: "visit" }])[0];
    expect(event).toMatchObject({ type: "page_view", name: "visit", timestamp: Date.UTC(2023, 0, 7) });
    expect(event).not.toHaveProperty("target");
    expect(event?.properties).toEqual({ timestamp: "2023-01-07", event_type: "visit" });
  });
});

describe("actionhub normalizer: broken bodies", () => {
  const bodies: [string, unknown][] = [
    ["null", null],
    ["a string", "history"],
    ["a number", 42],
    ["an array", [action()]],
    ["an object without history", {}],
    ["a null history", { history: null }],
    ["an object history", { history: { 0: action() } }],
    ["a string history", { history: "[]" }],
    ["an error body", { detail: "User not found" }],
  ];
  for (const [what, body] of bodies) {
    it(`rejects ${what} as invalid_response, never []`, () => {
      const error = thrown(() => normalizeActionHubEvents(body as never));
      expect(error.kind).toBe("invalid_response");
      expect(error.vendor).toBe("actionhub");
      expect(error.message).toMatch(/unexpected response body/);
    });
  }

  it("returns [] for an empty history", () => {
    expect(normalizeActionHubEvents({ history: [] })).toEqual([]);
  });
});

describe("actionhub normalizer: hostile keys", () => {
  it("keeps __proto__ and constructor keys as plain properties without polluting prototypes", () => {
    const item = JSON.parse(
      '{"timestamp": "2023-01-07", "event_type": "visit", "asset_id": "home", "asset_name": "Home",' +
        ' "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
    );
    const [event] = run([item]);
    const properties = event?.properties as Record<string, unknown>;
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(Object.keys(properties)).toEqual([
      "timestamp",
      "event_type",
      "asset_id",
      "asset_name",
      "__proto__",
      "constructor",
    ]);
    expect(Object.getOwnPropertyDescriptor(properties, "__proto__")?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((properties as { polluted?: unknown }).polluted).toBeUndefined();
    expect(sessionEventErrors([event])).toEqual([]);
  });

  it("keeps fields the schema does not list, verbatim", () => {
    const event = one({ ...({ program_id: "acme", "weird key": 1 } as object) });
    expect(event.properties).toMatchObject({ program_id: "acme", "weird key": 1 });
  });
});
