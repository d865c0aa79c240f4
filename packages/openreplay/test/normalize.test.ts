import { EventIdScope } from "@sessiontrail/core";
import { normalizerSuite, sessionEventErrors, thrown } from "@sessiontrail/test-utils";
import { describe, expect, it } from "vitest";
import { type components, normalizeOpenReplayEvents, type OpenReplayNormalizeOptions } from "../src/index.ts";

type EventEntry = components["schemas"]["EventEntry"];

normalizerSuite({ vendor: "openreplay", normalize: normalizeOpenReplayEvents });

const base = {
  event_id: "0a4ba311-5446-4cf8-9c0d-7e9b355bc66d",
  $event_name: "LOCATION",
  created_at: 1778577245312,
  distinct_id: "jane.doe@example.com",
  session_id: "7388421535427108315",
};

function event(fields: Partial<EventEntry> & Record<string, unknown> = {}): EventEntry {
  return { ...base, ...fields } as EventEntry;
}

function normalize(events: unknown[], options?: OpenReplayNormalizeOptions) {
  const out = normalizeOpenReplayEvents({ data: { total: events.length, events } }, options);
  expect(sessionEventErrors(out)).toEqual([]);
  return out;
}

function one(fields: Partial<EventEntry> & Record<string, unknown> = {}) {
  const [first] = normalize([event(fields)], { includeRaw: false });
  if (!first) throw new Error("no event");
  return first;
}

describe("openreplay normalizer: ids and time", () => {
  it("passes options.ids on: a twin without event_id on the next page gets the id it gets in one call", () => {
    const { event_id: _id, ...twin } = event({ $event_name: "CLICK" });
    const ids = new EventIdScope();
    const paged = [...normalize([twin], { ids }), ...normalize([twin], { ids })].map((e) => e.id);
    expect(paged).toEqual(normalize([twin, twin]).map((e) => e.id));
    expect(new Set(paged).size).toBe(2);
  });

  it("takes created_at (epoch ms) as the instant, event_id as the id and session_id verbatim", () => {
    const e = one({ created_at: 1623440905732, $time: 1 });
    expect(e.timestamp).toBe(1623440905732);
    expect(e.time).toBe("2021-06-11T19:48:25.732Z");
    expect(e.id).toBe("0a4ba311-5446-4cf8-9c0d-7e9b355bc66d");
    expect(e.vendor).toBe("openreplay");
    expect(e.sessionId).toBe("7388421535427108315");
  });

  it("hashes ids when event ids repeat (the docs' 01H7Z... placeholder), distinct and stable", () => {
    const events = [
      event({ event_id: "01H7Z...", $event_name: "$pageview", created_at: 1 }),
      event({ event_id: "01H7Z...", $event_name: "$click", created_at: 2 }),
      event({ event_id: "01H7Z...", $event_name: "$click", created_at: 2 }),
    ];
    const ids = normalize(events).map((e) => e.id);
    expect(ids.every((id) => id.startsWith("h_"))).toBe(true);
    expect(new Set(ids).size).toBe(3);
    expect(normalize(structuredClone(events)).map((e) => e.id)).toEqual(ids);
  });

  it("tells events apart by label, selector and url when their ids repeat", () => {
    const click = (label: string, selector: string, url: string) =>
      event({ event_id: "dup", $event_name: "CLICK", $properties: { label, selector, url } });
    const events = [
      click("a", "#x", "https://a/"),
      click("b", "#x", "https://a/"),
      click("a", "#y", "https://a/"),
      click("a", "#x", "https://b/"),
    ];
    const ids = normalize(events).map((e) => e.id);
    // Reordering twins must not change which id each one gets.
    const reversed = normalize([...events].reverse()).map((e) => e.id);
    expect(reversed).toEqual([...ids].reverse());
    expect(new Set(ids).size).toBe(4);
  });

  it("keeps the untouched event in raw by default", () => {
    const raw = event({ $properties: { url: "https://x/?a=1&amp;b=2" } });
    const [e] = normalize([raw]);
    expect(e?.raw).toBe(raw);
  });
});

describe("openreplay normalizer: HTML entities", () => {
  it("unescapes the five html.EscapeString entities everywhere a string is output", () => {
    const e = one({
      event_id: "id&amp;1",
      $event_name: "Clicked &#34;Buy&#34; &amp; paid",
      session_id: "s&lt;1&gt;",
      distinct_id: "o&#39;brien",
      $auto_captured: false,
      $current_url: "https://x.test/a?b=1&amp;c=&lt;2&gt;",
      $referrer: "https://r.test/?q=&#34;x&#34;",
      $browser: "Fire&amp;fox",
      utm_campaign: "spring &amp; summer",
      properties: {
        "k&amp;ey": "v&lt;a&gt;l",
        nested: { "in&#39;ner": ["a&amp;b", 1, true, null, { deep: "&#34;q&#34;" }] },
        n: 1.5,
      },
      $properties: { page_title: "Shoes &amp; Boots", "sel&gt;": "x" },
    });
    expect(e.id).toBe("id&1");
    expect(e.name).toBe('Clicked "Buy" & paid');
    expect(e.sessionId).toBe("s<1>");
    expect(e.userId).toBe("o'brien");
    expect(e.page).toEqual({
      url: "https://x.test/a?b=1&c=<2>",
      path: "/a",
      title: "Shoes & Boots",
      referrer: 'https://r.test/?q="x"',
    });
    expect(e.context).toEqual({ browser: "Fire&fox", campaign: { name: "spring & summer" } });
    expect(e.properties).toEqual({
      "k&ey": "v<a>l",
      nested: { "in'ner": ["a&b", 1, true, null, { deep: '"q"' }] },
      n: 1.5,
      $properties: { page_title: "Shoes & Boots", "sel>": "x" },
    });
  });

  it("unescapes once: &amp;lt; stays &lt;, and other entities are left alone", () => {
    const e = one({
      $event_name: "a &amp;lt; b &amp;amp; &nbsp; &#x27; &quot; &#39",
      $auto_captured: false,
    });
    expect(e.name).toBe("a &lt; b &amp; &nbsp; &#x27; &quot; &#39");
  });

  it("does not touch strings without entities, nor numbers and booleans", () => {
    const e = one({ $event_name: "plain", properties: { a: "no entity & here", b: 0, c: false } });
    expect(e.properties).toEqual({ a: "no entity & here", b: 0, c: false });
  });

  it("leaves the vendor's raw event untouched", () => {
    const raw = event({ properties: { a: "x&amp;y", o: { b: "&lt;" } } });
    const copy = structuredClone(raw);
    normalize([raw]);
    expect(raw).toEqual(copy);
  });
});

describe("openreplay normalizer: event types", () => {
  it.each([
    ["LOCATION", "page_view"],
    ["CLICK", "click"],
    ["INPUT", "input"],
    ["ERROR", "error"],
    ["$pageview", "page_view"],
    ["$click", "click"],
    ["TAP", "click"],
    ["CRASH", "error"],
    ["CUSTOM", "custom"],
    ["PERFORMANCE", "other"],
    ["REQUEST", "other"],
    ["ISSUE", "other"],
    ["GRAPHQL", "other"],
    ["SWIPE", "other"],
    ["TAG_TRIGGER", "other"],
    ["$identify_something", "other"],
    ["add_to_cart", "custom"],
    ["Checkout Started", "custom"],
    ["location", "custom"],
    ["constructor", "custom"],
    ["__proto__", "custom"],
    ["", "custom"],
  ] as const)("%s without $auto_captured -> %s, name kept verbatim", (name, type) => {
    const e = one({ $event_name: name });
    expect(e.type).toBe(type);
    expect(e.name).toBe(name);
  });

  it("uses $auto_captured: false makes any name custom, true makes unknown names other", () => {
    expect(one({ $event_name: "CLICK", $auto_captured: false }).type).toBe("custom");
    expect(one({ $event_name: "LOCATION", $auto_captured: false }).type).toBe("custom");
    expect(one({ $event_name: "SIGNUP", $auto_captured: false }).type).toBe("custom");
    expect(one({ $event_name: "new_tracker_kind", $auto_captured: true }).type).toBe("other");
    expect(one({ $event_name: "CLICK", $auto_captured: true }).type).toBe("click");
    expect(one({ $event_name: "CUSTOM", $auto_captured: true }).type).toBe("custom");
  });

  it("never drops an unknown kind", () => {
    const out = normalize([
      event({ event_id: "1", $event_name: "BRAND_NEW_KIND", $auto_captured: true }),
      event({ event_id: "2", $event_name: "weird kind ✨" }),
    ]);
    expect(out.map((e) => [e.type, e.name])).toEqual([
      ["other", "BRAND_NEW_KIND"],
      ["custom", "weird kind ✨"],
    ]);
  });
});

describe("openreplay normalizer: properties", () => {
  it("puts custom properties at the top level and auto-captured ones under $properties", () => {
    const e = one({
      $event_name: "add_to_cart",
      properties: { sku: "SH-1", price: 9.5 },
      $properties: { page_title: "Cart", user_device_type: "desktop" },
    });
    expect(e.properties).toEqual({
      sku: "SH-1",
      price: 9.5,
      $properties: { page_title: "Cart", user_device_type: "desktop" },
    });
  });

  it("omits an empty $properties map and gives {} without any property map", () => {
    expect(one({ properties: { a: 1 }, $properties: {} }).properties).toEqual({ a: 1 });
    expect(one().properties).toEqual({});
    expect(one({ properties: [1, 2] as never, $properties: "x" as never }).properties).toEqual({});
  });

  it("keeps __proto__ and constructor keys as plain keys without polluting prototypes", () => {
    const raw = JSON.parse(
      JSON.stringify(base).replace(
        /}$/,
        ',"properties":{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},"a&amp;b":{"__proto__":{"p":1}}},' +
          '"$properties":{"__proto__":{"polluted":"auto"},"label":"x"}}',
      ),
    );
    const [e] = normalize([raw]);
    if (!e) throw new Error("no event");
    expect(Object.getPrototypeOf(e.properties)).toBe(Object.prototype);
    expect(Object.keys(e.properties)).toEqual(["__proto__", "constructor", "a&b", "$properties"]);
    expect(Object.getOwnPropertyDescriptor(e.properties, "__proto__")?.value).toEqual({ polluted: true });
    const nested = e.properties["a&b"] as object;
    expect(Object.getPrototypeOf(nested)).toBe(Object.prototype);
    expect(Object.keys(nested)).toEqual(["__proto__"]);
    const auto = e.properties.$properties as object;
    expect(Object.keys(auto)).toEqual(["__proto__", "label"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).p).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("unescapes the value of a __proto__ key in place without touching any prototype", () => {
    const raw = JSON.parse(
      JSON.stringify(base).replace(/}$/, ',"properties":{"__proto__":"x&amp;y","b":{"__proto__":"&lt;"}}}'),
    );
    const [e] = normalize([raw]);
    if (!e) throw new Error("no event");
    expect(Object.getPrototypeOf(e.properties)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(e.properties, "__proto__")?.value).toBe("x&y");
    const b = e.properties.b as object;
    expect(Object.getPrototypeOf(b)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(b, "__proto__")?.value).toBe("<");
    // The vendor event is left as it came.
    expect(Object.getOwnPropertyDescriptor(raw.properties, "__proto__")?.value).toBe("x&amp;y");
  });
});

describe("openreplay normalizer: page, target, context", () => {
  it("takes the page from $current_url/$current_path, $properties.page_title and $referrer", () => {
    const e = one({
      $current_url: "https://shop.test/Products?x=1",
      $current_path: "/Products",
      $referrer: "https://google.com/",
      $properties: { url: "https://other.test/", url_path: "/other", page_title: "Shop" },
    });
    expect(e.page).toEqual({
      url: "https://shop.test/Products?x=1",
      path: "/Products",
      title: "Shop",
      referrer: "https://google.com/",
    });
  });

  it("falls back to $properties.url, the url's path, then url_path without its query", () => {
    expect(one({ $current_url: "", $properties: { url: "https://a.test/Cart/?q=1#top" } }).page).toEqual({
      url: "https://a.test/Cart/?q=1#top",
      path: "/Cart/",
    });
    expect(one({ $properties: { url: "https://a.test" } }).page).toEqual({ url: "https://a.test" });
    expect(one({ $properties: { url_path: "/products?category=shoes" } }).page).toEqual({
      path: "/products",
    });
  });

  it("reads properties.path as the page path of a page view only (the docs' $pageview)", () => {
    expect(one({ $event_name: "$pageview", properties: { path: "/my-account/" } }).page).toEqual({
      path: "/my-account/",
    });
    const custom = one({ $event_name: "file_saved", properties: { path: "/tmp/a.txt" } });
    expect(custom.page).toBeUndefined();
    expect(custom.properties).toEqual({ path: "/tmp/a.txt" });
  });

  it("sets the target of clicks and inputs from $properties.label and selector", () => {
    expect(one({ $event_name: "CLICK", $properties: { label: "Buy", selector: "#buy" } }).target).toEqual({
      label: "Buy",
      selector: "#buy",
    });
    expect(one({ $event_name: "INPUT", $properties: { label: "Email" } }).target).toEqual({ label: "Email" });
    expect(one({ $event_name: "CLICK" }).target).toBeUndefined();
    expect(one({ $event_name: "ISSUE", $properties: { label: "incident" } }).target).toBeUndefined();
  });

  it("builds the context from the device columns and utm_* as the campaign", () => {
    const e = one({
      $browser: "Chrome",
      $browser_version: "126.0",
      $os: "Mac OS X",
      $os_version: "14.5",
      $device: "",
      $country: "DE",
      $city: "Berlin",
      $state: "Berlin",
      $screen_width: 1440,
      $screen_height: 900,
      $timezone: 20,
      utm_source: "newsletter",
      utm_medium: "email",
      utm_campaign: "spring",
    });
    expect(e.context).toEqual({
      browser: "Chrome",
      browserVersion: "126.0",
      os: "Mac OS X",
      osVersion: "14.5",
      country: "DE",
      city: "Berlin",
      screen: { width: 1440, height: 900 },
      campaign: { source: "newsletter", medium: "email", name: "spring" },
    });
  });

  it("leaves out unknown (0) screen sizes and empty columns", () => {
    const e = one({ $screen_width: 0, $screen_height: 0, $country: "", $browser: "", utm_source: "" });
    expect(e.context).toBeUndefined();
    expect(e.page).toBeUndefined();
    expect(e.target).toBeUndefined();
  });
});

describe("openreplay normalizer: user and device", () => {
  it("takes userId from $user_id and deviceId from $device_id", () => {
    const e = one({ distinct_id: "u-1", $user_id: "u-1", $device_id: "dev-1" });
    expect([e.userId, e.deviceId]).toEqual(["u-1", "dev-1"]);
  });

  it("takes distinct_id as the user when $user_id was not requested (base fields only)", () => {
    const e = one({ distinct_id: "mickael@openreplay.com" });
    expect([e.userId, e.deviceId]).toEqual(["mickael@openreplay.com", undefined]);
  });

  it("treats distinct_id as the device when $user_id is empty or distinct_id equals $device_id", () => {
    const anonymous = one({ distinct_id: "dev-uuid", $user_id: "" });
    expect([anonymous.userId, anonymous.deviceId]).toEqual([undefined, "dev-uuid"]);
    const same = one({ distinct_id: "dev-uuid", $device_id: "dev-uuid" });
    expect([same.userId, same.deviceId]).toEqual([undefined, "dev-uuid"]);
  });

  it("keeps 64-bit session ids as strings and ignores a numeric one", () => {
    expect(one({ session_id: "18446744073709551615" }).sessionId).toBe("18446744073709551615");
    expect(one({ session_id: 4813023023591169 as never }).sessionId).toBeUndefined();
  });
});

describe("openreplay normalizer: invalid events and bodies", () => {
  const bad = [
    { ...base, created_at: undefined },
    { ...base, created_at: "1778577245312" },
    { ...base, created_at: 1.5 },
    { ...base, created_at: 9e15 },
    { ...base, $event_name: undefined },
    { ...base, $event_name: 42 },
    null,
    "event",
    [1],
  ];

  it("throws invalid_response naming the event and the field", () => {
    const error = thrown(() => normalize([event(), { ...base, created_at: "soon" }]));
    expect(error.kind).toBe("invalid_response");
    expect(error.vendor).toBe("openreplay");
    expect(error.message).toContain("event #1");
    expect(error.message).toContain("created_at");
    expect(thrown(() => normalize([{ ...base, $event_name: null }])).message).toContain("$event_name");
    for (const item of bad) expect(thrown(() => normalize([item])).kind).toBe("invalid_response");
  });

  it("skips invalid events with a warning naming the index when asked", () => {
    const warnings: { index: number; message: string }[] = [];
    const out = normalize([event({ event_id: "ok" }), ...bad], {
      onInvalid: "skip",
      onWarning: (w) => warnings.push({ index: w.index, message: w.message }),
    });
    expect(out.map((e) => e.id)).toEqual(["ok"]);
    expect(warnings.map((w) => w.index)).toEqual(bad.map((_, i) => i + 1));
    expect(warnings[0]?.message).toBe("event #1 has no created_at (integer epoch milliseconds)");
    expect(warnings[4]?.message).toBe("event #5 has no $event_name string");
    expect(warnings[6]?.message).toBe("event #7 expected an object, got null");
  });

  it.each([
    ["null", null],
    ["a string", "oops"],
    ["an array", []],
    ["no data", { total: 1, events: [] }],
    ["data null", { data: null }],
    ["data an array", { data: [] }],
    ["the v1 shape", { data: [{ sessionId: 1, timestamp: 1, type: "CLICK" }] }],
    ["no events", { data: { total: 0 } }],
    ["events null", { data: { total: 0, events: null } }],
    ["events an object", { data: { total: 1, events: { 0: base } } }],
    ["an error body", { error: "failed to search events" }],
  ])("rejects a broken body (%s) with invalid_response", (_, body) => {
    const error = thrown(() => normalizeOpenReplayEvents(body as never));
    expect(error.kind).toBe("invalid_response");
    expect(error.message).toMatch(/^openreplay: unexpected response body: /);
  });

  it("returns [] for an empty page", () => {
    expect(normalizeOpenReplayEvents({ data: { total: 0, events: [] } })).toEqual([]);
  });
});
