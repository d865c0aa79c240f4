import { EventIdScope, registerSecret, SessionTrailError } from "@sessiontrail/core";
import { normalizerSuite, sessionEventErrors } from "@sessiontrail/test-utils";
import { describe, expect, it } from "vitest";
import { type components, normalizeFullStoryEvents } from "../src/index.ts";

type Body = components["schemas"]["SessionEventsResponse"];

normalizerSuite({ vendor: "fullstory", normalize: normalizeFullStoryEvents });

const base = {
  device_id: "17117",
  session_id: "5916567459329906423",
  view_id: "4376064173749384629",
  event_time: "2024-04-03T17:06:12.290Z",
};

/** A body of events built on `base`; each entry overrides or adds fields. */
const body = (...events: Record<string, unknown>[]): Body =>
  ({ events: events.map((e) => ({ ...base, ...e })) }) as unknown as Body;

const one = (event: Record<string, unknown>) => {
  const events = normalizeFullStoryEvents(body(event), { includeRaw: false });
  expect(events).toHaveLength(1);
  expect(sessionEventErrors(events)).toEqual([]);
  return events[0] as NonNullable<(typeof events)[0]>;
};

const thrown = (fn: () => unknown): SessionTrailError => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SessionTrailError);
    return error as SessionTrailError;
  }
  throw new Error("expected a throw");
};

describe("fullstory normalizer: time and ids across pages", () => {
  it("passes options.ids on: a twin on the next page gets the id it gets in one call", () => {
    const twin = { event_type: "click" };
    const ids = new EventIdScope();
    const paged = [
      ...normalizeFullStoryEvents(body(twin), { ids }),
      ...normalizeFullStoryEvents(body(twin), { ids }),
    ].map((e) => e.id);
    expect(paged).toEqual(normalizeFullStoryEvents(body(twin, twin)).map((e) => e.id));
    expect(new Set(paged).size).toBe(2);
  });

  it("marks a time without offset (not RFC 3339) as read in UTC, and a stated one not at all", () => {
    expect(one({ event_type: "click", event_time: "2024-04-03T17:06:12.290" }).timeZoneAssumed).toBe("UTC");
    expect(one({ event_type: "click" })).not.toHaveProperty("timeZoneAssumed");
  });

  it("bounds and redacts an invalid event_time quoted in its error", () => {
    const secret = "fullstory_secret_key_2b8d";
    registerSecret(secret);
    const error = thrown(() =>
      one({ event_type: "click", event_time: `${secret} ${"x".repeat(5_000_000)}` }),
    );
    expect(error.message.length).toBeLessThan(1000);
    expect(error.message).toContain("has an invalid event_time: [REDACTED] xxx");
    expect(error.message).not.toContain(secret);
  });
});

describe("fullstory normalizer: body shape", () => {
  it.each([
    ["null", null],
    ["a string", "events"],
    ["an array", [{ ...base, event_type: "click" }]],
    ["an object without events", { message: "Server error was encountered", code: "server_error" }],
    ["events as an object", { events: { 0: { ...base, event_type: "click" } } }],
    ["events null", { events: null }],
  ])("rejects %s as invalid_response", (_, value) => {
    const error = thrown(() => normalizeFullStoryEvents(value as never));
    expect(error.kind).toBe("invalid_response");
    expect(error.vendor).toBe("fullstory");
    expect(error.message).toMatch(/unexpected response body/);
  });

  it("returns [] for an empty session and ignores unknown top-level fields", () => {
    expect(normalizeFullStoryEvents({ events: [], next: "x" } as unknown as Body)).toEqual([]);
  });
});

describe("fullstory normalizer: event_time is the instant", () => {
  it("reads RFC 3339 UTC with milliseconds", () => {
    const event = one({ event_type: "click", event_time: "2024-06-14T09:22:49.930Z" });
    expect(event.timestamp).toBe(Date.UTC(2024, 5, 14, 9, 22, 49, 930));
    expect(event.time).toBe("2024-06-14T09:22:49.930Z");
  });

  it("honours an explicit offset", () => {
    expect(one({ event_type: "click", event_time: "2024-06-14T11:22:49.930+02:00" }).time).toBe(
      "2024-06-14T09:22:49.930Z",
    );
  });

  it.each([
    ["missing", undefined, "event #1 has no event_time"],
    ["a number", 1712163972290, "event #1 has no event_time"],
    ["not a date", "yesterday", "event #1 has an invalid event_time: yesterday"],
    ["an impossible date", "2024-02-30T10:00:00.000Z", "event #1 has an invalid event_time"],
  ])("throws for an event_time that is %s, or skips it with a warning", (_, eventTime, message) => {
    const input = body({ event_type: "navigate" }, { event_type: "click", event_time: eventTime });
    const error = thrown(() => normalizeFullStoryEvents(input));
    expect(error.kind).toBe("invalid_response");
    expect(error.message).toContain(message);

    const warnings: { index: number; message: string }[] = [];
    const events = normalizeFullStoryEvents(input, {
      onInvalid: "skip",
      onWarning: (w) => warnings.push({ index: w.index, message: w.message }),
    });
    expect(events.map((e) => e.name)).toEqual(["navigate"]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.index).toBe(1);
    expect(warnings[0]?.message).toContain(message);
  });

  it("throws for an event without event_type and for an event that is not an object", () => {
    expect(thrown(() => normalizeFullStoryEvents(body({})))).toHaveProperty(
      "message",
      "fullstory: event #0 has no event_type",
    );
    const input = { events: [null, 3, { ...base, event_type: "load" }] } as unknown as Body;
    expect(thrown(() => normalizeFullStoryEvents(input)).message).toContain(
      "event #0 expected an object, got null",
    );
    const warnings: number[] = [];
    const events = normalizeFullStoryEvents(input, {
      onInvalid: "skip",
      onWarning: (w) => warnings.push(w.index),
    });
    expect(events.map((e) => e.name)).toEqual(["load"]);
    expect(warnings).toEqual([0, 1]);
  });
});

describe("fullstory normalizer: ids", () => {
  it("uses the full session id device_id:session_id, and device_id as deviceId, digits intact", () => {
    const event = one({
      event_type: "click",
      device_id: "18446744073709551615",
      session_id: "9223372036854775807",
    });
    expect(event.sessionId).toBe("18446744073709551615:9223372036854775807");
    expect(event.deviceId).toBe("18446744073709551615");
  });

  it("has no sessionId for a server event without a session", () => {
    const event = one({ event_type: "custom", session_id: undefined, view_id: undefined });
    expect(event.sessionId).toBeUndefined();
    expect(event.deviceId).toBe("17117");
  });

  it("keeps a bare session_id when device_id is missing", () => {
    expect(one({ event_type: "click", device_id: undefined }).sessionId).toBe("5916567459329906423");
  });

  it("rejects an id that arrived as a JSON number (its digits may already be lost)", () => {
    expect(
      thrown(() => normalizeFullStoryEvents(body({ event_type: "click", session_id: 5916567459 }))).message,
    ).toContain("event #0 has a session_id that is not a string");
    expect(
      thrown(() => normalizeFullStoryEvents(body({ event_type: "click", device_id: 17117 }))).message,
    ).toContain("event #0 has a device_id that is not a string");
  });

  it("uses an event_id when present and unique, and hashes otherwise", () => {
    const events = normalizeFullStoryEvents(
      body(
        { event_type: "click", event_id: "e-1" },
        { event_type: "click", event_id: "e-2", event_time: "2024-04-03T17:06:13.000Z" },
        { event_type: "click", event_id: "e-2", event_time: "2024-04-03T17:06:14.000Z" },
        { event_type: "click", event_time: "2024-04-03T17:06:15.000Z" },
      ),
    );
    expect(events.map((e) => (e.id.startsWith("h_") ? "hash" : e.id))).toEqual([
      "e-1",
      "hash",
      "hash",
      "hash",
    ]);
    expect(new Set(events.map((e) => e.id)).size).toBe(4);
  });

  it("tells apart events of one kind at the same instant by what they acted on, whatever their order", () => {
    const buy = { event_type: "click", event_properties: { target: { text: "Buy", raw_selector: "#buy" } } };
    const back = {
      event_type: "click",
      event_properties: { target: { text: "Back", raw_selector: "#back" } },
    };
    const home = { event_type: "navigate", source_properties: { url: { full_url: "https://a.example/" } } };
    const cart = {
      event_type: "navigate",
      source_properties: { url: { full_url: "https://a.example/cart" } },
    };
    const added = { event_type: "custom", event_properties: { event_name: "Added" } };
    const paid = { event_type: "custom", event_properties: { event_name: "Paid" } };
    const forward = normalizeFullStoryEvents(body(buy, back, home, cart, added, paid));
    const reversed = normalizeFullStoryEvents(body(paid, added, cart, home, back, buy));
    expect(new Set(forward.map((e) => e.id)).size).toBe(6);
    expect(reversed.map((e) => e.id).reverse()).toEqual(forward.map((e) => e.id));
  });

  it("keeps exact twins distinct", () => {
    const events = normalizeFullStoryEvents(
      body({ event_type: "mouse_thrash" }, { event_type: "mouse_thrash" }),
    );
    expect(events[0]?.id).not.toBe(events[1]?.id);
  });
});

describe("fullstory normalizer: type and name", () => {
  it.each([
    ["navigate", "page_view"],
    ["click", "click"],
    ["change", "input"],
    ["custom", "custom"],
    ["identify", "identify"],
    ["exception", "error"],
    ["crash", "error"],
    ["console_message", "other"],
    ["form_abandon", "other"],
    ["element_seen", "other"],
    ["load", "other"],
    ["copy", "other"],
    ["paste", "other"],
    ["highlight", "other"],
    ["mouse_thrash", "other"],
    ["request", "other"],
    ["consent", "other"],
    ["background", "other"],
    ["cumulative_layout_shift", "other"],
    ["pinch_gesture", "other"],
    ["a_kind_nobody_has_seen_yet", "other"],
    ["Navigate", "other"],
  ])("maps %s to %s, named verbatim, never dropped", (kind, type) => {
    const event = one({ event_type: kind });
    expect(event.type).toBe(type);
    expect(event.name).toBe(kind);
  });

  it("names a custom event by its event_name", () => {
    const event = one({ event_type: "custom", event_properties: { event_name: "Order Completed ✓" } });
    expect(event).toMatchObject({ type: "custom", name: "Order Completed ✓" });
    expect(event.properties.event_name).toBe("Order Completed ✓");
  });

  it("names a custom event without event_name 'custom', and ignores event_name on other kinds", () => {
    expect(one({ event_type: "custom", event_properties: {} }).name).toBe("custom");
    expect(one({ event_type: "custom", event_properties: { event_name: "" } }).name).toBe("custom");
    expect(one({ event_type: "click", event_properties: { event_name: "x" } }).name).toBe("click");
  });

  it("keeps navigate_reason in properties", () => {
    expect(
      one({ event_type: "navigate", event_properties: { navigate_reason: "reload" } }).properties,
    ).toEqual({
      navigate_reason: "reload",
    });
  });
});

describe("fullstory normalizer: userId", () => {
  it("takes identify's user_id", () => {
    const event = one({
      event_type: "identify",
      event_properties: { user_id: "cust_58213", user_email: "a@b.c" },
    });
    expect(event.userId).toBe("cust_58213");
    expect(event.properties.user_email).toBe("a@b.c");
  });

  it("does not take a user_id property of other kinds, nor an identify without one", () => {
    expect(one({ event_type: "custom", event_properties: { user_id: "u1" } }).userId).toBeUndefined();
    expect(one({ event_type: "identify", event_properties: {} }).userId).toBeUndefined();
    expect(one({ event_type: "identify", event_properties: { user_id: 42 } }).userId).toBeUndefined();
  });
});

describe("fullstory normalizer: page", () => {
  it("takes url.full_url, url.path, and initial_referrer.full_url", () => {
    const event = one({
      event_type: "navigate",
      source_properties: {
        url: { full_url: "https://shop.example/a/b?x=1#h", host: "shop.example", path: "/a/b" },
        initial_referrer: { full_url: "https://www.google.fr/", host: "www.google.fr", path: "/" },
      },
    });
    expect(event.page).toEqual({
      url: "https://shop.example/a/b?x=1#h",
      path: "/a/b",
      referrer: "https://www.google.fr/",
    });
  });

  it("takes a referrer given as a string, and none for null", () => {
    expect(
      one({ event_type: "navigate", source_properties: { initial_referrer: "https://r.example/" } }).page,
    ).toEqual({
      referrer: "https://r.example/",
    });
    expect(
      one({ event_type: "navigate", source_properties: { url: { path: "/p" }, initial_referrer: null } })
        .page,
    ).toEqual({ path: "/p" });
  });

  it("takes a page title when source_properties has one", () => {
    expect(one({ event_type: "navigate", source_properties: { page_title: "Panier" } }).page).toEqual({
      title: "Panier",
    });
    expect(one({ event_type: "navigate", source_properties: { title: "Accueil" } }).page).toEqual({
      title: "Accueil",
    });
  });

  it("has no page when nothing about it is known", () => {
    expect(one({ event_type: "custom", source_properties: { origin: "server" } })).not.toHaveProperty("page");
    expect(one({ event_type: "custom", source_properties: { url: { full_url: "" } } })).not.toHaveProperty(
      "page",
    );
    expect(one({ event_type: "custom", source_properties: "web" })).not.toHaveProperty("page");
    expect(one({ event_type: "custom" })).not.toHaveProperty("page");
  });
});

describe("fullstory normalizer: context", () => {
  it("takes the user agent and the location", () => {
    const event = one({
      event_type: "navigate",
      source_properties: {
        user_agent: {
          raw_user_agent: "Mozilla/5.0 (X11; Linux x86_64)",
          device: "Desktop",
          operating_system: "Linux",
          browser: "Firefox",
          browser_version: "126.0",
        },
        location: { ip_address: "203.0.113.9", country: "Germany", region: "Berlin", city: "Berlin" },
      },
    });
    expect(event.context).toEqual({
      userAgent: "Mozilla/5.0 (X11; Linux x86_64)",
      browser: "Firefox",
      browserVersion: "126.0",
      os: "Linux",
      device: "Desktop",
      country: "Germany",
      city: "Berlin",
    });
  });

  it("has no context when neither is there or both are empty", () => {
    expect(one({ event_type: "click", source_properties: { url: { path: "/" } } })).not.toHaveProperty(
      "context",
    );
    expect(
      one({ event_type: "click", source_properties: { user_agent: {}, location: {} } }),
    ).not.toHaveProperty("context");
  });
});

describe("fullstory normalizer: target", () => {
  it("takes text, raw_selector and element_definition_id of a click", () => {
    const event = one({
      event_type: "click",
      event_properties: {
        target: {
          text: "Buy",
          masked: false,
          raw_selector: "button#buy",
          element_definition_id: "Buy-Button",
        },
      },
    });
    expect(event.target).toEqual({ label: "Buy", selector: "button#buy", id: "Buy-Button" });
  });

  it("takes a change's target; a masked one has no label", () => {
    expect(
      one({
        event_type: "change",
        event_properties: { target: { masked: true, raw_selector: "input#phone" } },
      }).target,
    ).toEqual({ selector: "input#phone" });
  });

  it("has no target when the event has none, or it is empty or not an object", () => {
    expect(one({ event_type: "click", event_properties: {} })).not.toHaveProperty("target");
    expect(one({ event_type: "click", event_properties: { target: { text: "" } } })).not.toHaveProperty(
      "target",
    );
    expect(one({ event_type: "click", event_properties: { target: "button" } })).not.toHaveProperty("target");
  });
});

describe("fullstory normalizer: properties", () => {
  it("copies event_properties and adds source_type", () => {
    const event = one({
      event_type: "custom",
      source_type: "server",
      event_properties: { event_name: "X", properties: { a: 1 } },
    });
    expect(event.properties).toEqual({ event_name: "X", properties: { a: 1 }, source_type: "server" });
  });

  it("does not overwrite a source_type event property, and survives event_properties that is not an object", () => {
    expect(
      one({ event_type: "custom", source_type: "web", event_properties: { source_type: "mine" } }).properties,
    ).toEqual({ source_type: "mine" });
    expect(one({ event_type: "custom", source_type: "web", event_properties: [1, 2] }).properties).toEqual({
      source_type: "web",
    });
  });

  it("keeps __proto__ and constructor as plain keys, without polluting any prototype", () => {
    const input = JSON.parse(
      `{"events":[{"device_id":"1","event_time":"2024-01-01T00:00:00.000Z","event_type":"custom",
        "event_properties":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},
        "event_name":"__proto__"}}]}`,
    );
    const [event] = normalizeFullStoryEvents(input);
    expect(event?.name).toBe("__proto__");
    expect(Object.keys(event?.properties ?? {})).toEqual(["__proto__", "constructor", "event_name"]);
    expect(Object.getPrototypeOf(event?.properties)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("keeps the untouched event in raw unless includeRaw is false", () => {
    const input = body({ event_type: "click" });
    expect(normalizeFullStoryEvents(input)[0]?.raw).toBe(input.events[0]);
    expect(normalizeFullStoryEvents(input, { includeRaw: false })[0]).not.toHaveProperty("raw");
  });
});
