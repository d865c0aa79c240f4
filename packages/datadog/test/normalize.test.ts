import { EventIdScope } from "@sessiontrail/core";
import { normalizerSuite, sessionEventErrors, thrown } from "@sessiontrail/test-utils";
import { describe, expect, it } from "vitest";
import { normalizeDatadogEvents } from "../src/index.ts";

// Golden output of every named 200 example of the spec: written to test/golden/ on the first run
// (read their diff line by line), then compared.
normalizerSuite({ vendor: "datadog", normalize: normalizeDatadogEvents });

const sessionId = "eabb14f7-9c85-4ef4-a456-674988dd69b1";
let n = 0;
/** A stored RUM event of `type` with `fields` in its `attributes.attributes`. */
function rum(type: string, fields: Record<string, unknown> = {}, timestamp = "2022-03-01T15:40:44.649Z") {
  n++;
  return {
    id: `AQAAAX9GJBbp${n}`,
    type: "rum",
    attributes: {
      timestamp,
      tags: ["source:browser"],
      attributes: { type, session: { id: sessionId }, ...fields },
    },
  };
}
// Tests pass loose JSON on purpose: the normalizer must cope with anything the wire sends.
const normalize = (body: unknown, options?: Parameters<typeof normalizeDatadogEvents>[1]) =>
  normalizeDatadogEvents(body, { includeRaw: false, ...options });
const one = (event: unknown) => normalize({ data: [event] })[0];

describe("datadog normalizer: what the vendor's events mean", () => {
  it("reads the type, name and instant of each kind of RUM event", () => {
    const view = {
      id: "v1",
      url: "https://shop.example/cart?x=1",
      url_path: "/cart",
      name: "/cart",
      referrer: "",
    };
    const body = {
      data: [
        rum("session", { session: { id: sessionId, type: "user", time_spent: 9889000000 } }),
        rum("view", { view }),
        rum("action", { view, action: { type: "click", name: "click on Pay", target: { name: "Pay" } } }),
        rum("action", {
          action: { type: "tap", name: "Tap on UIButton(Pay now)", target: { name: "Pay now" } },
        }),
        rum("action", { action: { type: "custom", name: "checkout", target: { name: "checkout" } } }),
        rum("action", { action: { type: "scroll", name: "Scroll on UITableView" } }),
        rum("action", { action: { type: "swipe" } }),
        rum("action", { action: { type: "application_start", name: "application_start" } }),
        rum("action", { action: { type: "back", name: "back" } }),
        rum("error", { error: { message: "Payment declined", type: "PaymentError", source: "network" } }),
        rum("resource", { resource: { url: "https://cdn.example/app.js", type: "js" } }),
        rum("long_task", { long_task: { duration: 201000000 } }),
        rum("vital", { vital: { name: "checkout_render" } }),
        rum("some_future_type"),
      ],
    };
    const events = normalize(body);
    expect(sessionEventErrors(events)).toEqual([]);
    expect(events.map(({ type, name, time }) => [type, name, time])).toEqual([
      ["other", "session", "2022-03-01T15:40:44.649Z"],
      ["page_view", "/cart", "2022-03-01T15:40:44.649Z"],
      ["click", "click on Pay", "2022-03-01T15:40:44.649Z"],
      ["click", "Tap on UIButton(Pay now)", "2022-03-01T15:40:44.649Z"],
      ["custom", "checkout", "2022-03-01T15:40:44.649Z"],
      ["other", "Scroll on UITableView", "2022-03-01T15:40:44.649Z"],
      ["other", "swipe", "2022-03-01T15:40:44.649Z"],
      ["other", "application_start", "2022-03-01T15:40:44.649Z"],
      ["navigation", "back", "2022-03-01T15:40:44.649Z"],
      ["error", "Payment declined", "2022-03-01T15:40:44.649Z"],
      ["other", "https://cdn.example/app.js", "2022-03-01T15:40:44.649Z"],
      ["other", "long_task", "2022-03-01T15:40:44.649Z"],
      ["other", "checkout_render", "2022-03-01T15:40:44.649Z"],
      ["other", "some_future_type", "2022-03-01T15:40:44.649Z"],
    ]);
    expect(events[0]?.timestamp).toBe(Date.UTC(2022, 2, 1, 15, 40, 44, 649));
  });

  it("names an event by what is there: the view's name, path or URL; the action's name or target", () => {
    expect(one(rum("view", { view: { url: "https://a.example/x", url_path: "/x" } }))?.name).toBe("/x");
    expect(one(rum("view", { view: { url: "https://a.example/x" } }))?.name).toBe("https://a.example/x");
    expect(one(rum("view"))?.name).toBe("view");
    expect(one(rum("action", { action: { type: "click", target: { name: "Buy" } } }))?.name).toBe("Buy");
    expect(one(rum("error", { error: { type: "TypeError" } }))?.name).toBe("TypeError");
  });

  it("keeps Datadog's event id, session and user exactly", () => {
    const event = one({
      ...rum("view", { usr: { id: "1586212", org_id: 94691 } }),
      id: "AQAAAX9GJCPK-3PnLgAAAABydl81",
    });
    expect(event).toMatchObject({
      id: "AQAAAX9GJCPK-3PnLgAAAABydl81",
      sessionId,
      userId: "1586212",
      vendor: "datadog",
    });
    // A numeric user id is not an id string: left in raw, not coerced.
    expect(one(rum("view", { usr: { id: 42 } }))).not.toHaveProperty("userId");
  });

  it("builds page from view.url, url_path, name and referrer, leaving out an empty referrer", () => {
    const view = {
      url: "https://a.example/p?q=1",
      url_path: "/p",
      name: "/p/:id",
      referrer: "https://b.example/",
    };
    expect(one(rum("view", { view }))?.page).toEqual({
      url: "https://a.example/p?q=1",
      path: "/p",
      title: "/p/:id",
      referrer: "https://b.example/",
    });
    expect(one(rum("view", { view: { ...view, referrer: "" } }))?.page).not.toHaveProperty("referrer");
    expect(one(rum("session"))).not.toHaveProperty("page");
  });

  it("takes the target from action.target.name, only for actions", () => {
    expect(
      one(rum("action", { action: { type: "click", target: { name: "Make a fetch request" } } }))?.target,
    ).toEqual({
      label: "Make a fetch request",
    });
    expect(one(rum("action", { action: { type: "scroll" } }))).not.toHaveProperty("target");
    expect(one(rum("error", { action: { target: { name: "x" } } }))?.target).toEqual({ label: "x" });
  });

  it("builds context from browser, os, device, geo and the session's user agent, open strings kept as stored", () => {
    const event = one(
      rum("view", {
        session: { id: sessionId, useragent: "Mozilla/5.0 (X11; Linux x86_64)" },
        browser: { name: "Edge", version: "95.0.1020.9" },
        os: { name: "Linux" },
        device: { type: "Desktop", name: "Other" },
        geo: { country_iso_code: "KR", city: "Seoul", location: [126.9784, 37.566] },
      }),
    );
    expect(event?.context).toEqual({
      userAgent: "Mozilla/5.0 (X11; Linux x86_64)",
      browser: "Edge",
      browserVersion: "95.0.1020.9",
      os: "Linux",
      device: "Desktop",
      country: "KR",
      city: "Seoul",
    });
    expect(one(rum("view"))).not.toHaveProperty("context");
  });

  it("puts the application's own context in properties, keys verbatim, __proto__ an ordinary key", () => {
    const context = JSON.parse(
      '{"cart":{"amount":42,"items":["socks"]},"__proto__":{"polluted":true},"ü":1}',
    );
    const event = one(rum("action", { action: { type: "custom", name: "checkout" }, context }));
    expect(Object.keys(event?.properties ?? {})).toEqual(["cart", "__proto__", "ü"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(event?.properties)).toBe(Object.prototype);
    expect(one(rum("view"))?.properties).toEqual({});
  });

  it("reads a type such as __proto__ or constructor as an unknown type, never the prototype", () => {
    for (const type of ["__proto__", "constructor", "toString"]) {
      expect(one(rum(type))).toMatchObject({ type: "other", name: type });
    }
  });
});

describe("datadog normalizer: bodies and bad events", () => {
  it.each([
    ["null", null],
    ["an array", [rum("view")]],
    ["a body without data", { meta: { status: "done" } }],
    ["data that is not an array", { data: { 0: rum("view") } }],
    ["an error body", { errors: ["Forbidden"] }],
  ])("refuses %s as invalid_response, never as no events", (_label, body) => {
    const error = thrown(() => normalize(body));
    expect(error).toMatchObject({ kind: "invalid_response", vendor: "datadog" });
  });

  it("returns [] for an empty search, with or without meta", () => {
    expect(normalize({ data: [] })).toEqual([]);
    expect(normalize({ data: [], meta: { status: "done", elapsed: 8 } })).toEqual([]);
  });

  it.each([
    ["no attributes", { id: "a", type: "rum" }],
    ["no timestamp", { id: "a", attributes: { attributes: { type: "view" } } }],
    [
      "an unparseable timestamp",
      { id: "a", attributes: { timestamp: "yesterday", attributes: { type: "view" } } },
    ],
    ["no RUM event", { id: "a", attributes: { timestamp: "2022-03-01T15:40:44.649Z" } }],
    [
      "no RUM type",
      { id: "a", attributes: { timestamp: "2022-03-01T15:40:44.649Z", attributes: { view: {} } } },
    ],
  ])("refuses an event with %s, or skips it and says so with onInvalid: skip", (_label, bad) => {
    const body = { data: [rum("view"), bad] };
    expect(thrown(() => normalize(body))).toMatchObject({ kind: "invalid_response", vendor: "datadog" });
    const warnings: unknown[] = [];
    const events = normalize(body, { onInvalid: "skip", onWarning: (w) => warnings.push(w) });
    expect(events).toHaveLength(1);
    expect(warnings).toEqual([expect.objectContaining({ vendor: "datadog", index: 1 })]);
  });

  it("hashes events without an id from instant, kind, name, view and own id: twins distinct, stable", () => {
    const twin = {
      ...rum("action", { view: { id: "v1" }, action: { type: "click", name: "c", id: "a1" } }),
      id: undefined,
    };
    const body = { data: [twin, structuredClone(twin), { ...twin, id: "" }] };
    const ids = normalize(body).map((e) => e.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => id.startsWith("h_"))).toBe(true);
    expect(normalize(structuredClone(body)).map((e) => e.id)).toEqual(ids);
    const other = {
      ...twin,
      attributes: {
        ...twin.attributes,
        attributes: { ...twin.attributes.attributes, action: { type: "click", name: "c", id: "a2" } },
      },
    };
    expect(ids).not.toContain(normalize({ data: [other] })[0]?.id);
    // Across pages, with the stream's scope, twins get the ids one response would give them.
    const scope = new EventIdScope();
    const paged = [
      ...normalize({ data: [twin] }, { ids: scope }),
      ...normalize({ data: [twin] }, { ids: scope }),
    ];
    expect(paged.map((e) => e.id)).toEqual(normalize({ data: [twin, twin] }).map((e) => e.id));
  });

  it("keeps the untouched event in raw by default", () => {
    const event = rum("view");
    expect(normalizeDatadogEvents({ data: [event] })[0]?.raw).toBe(event);
  });
});
