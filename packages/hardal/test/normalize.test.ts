import { EventIdScope, registerSecret, SessionTrailError } from "@sessiontrail/core";
import { normalizerSuite, sessionEventErrors } from "@sessiontrail/test-utils";
import { describe, expect, it } from "vitest";
import { type HardalNormalizeOptions, normalizeHardalEvents } from "../src/index.ts";

normalizerSuite({
  vendor: "hardal",
  normalize: normalizeHardalEvents,
  // The spec's utcNoOffset example was rendered for timezone=UTC; the others carry +03:00 offsets
  // and are checked with the default zone (Europe/Istanbul).
  optionsFor: (name) => (name === "utcNoOffset" ? { timeZone: "UTC" } : {}),
});

/** A schema-valid Hardal event; `fields` override or add to it. */
function hardalEvent(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "evt_1",
    type: "custom",
    name: "signup",
    timestamp: "2025-03-14T14:02:11+03:00",
    url: "https://example.com/a?x=1",
    path: "/a",
    title: "A",
    referrer: "https://ref.example/",
    properties: {},
    ...fields,
  };
}

function bodyOf(...events: unknown[]): Record<string, unknown> {
  return { events, totalCount: events.length, page: 1, pageSize: 50, hasMore: false };
}

// Tests pass loose JSON on purpose: the normalizer must cope with anything the wire sends.
const normalize = (body: unknown, options?: HardalNormalizeOptions) => normalizeHardalEvents(body, options);

function caught(fn: () => unknown): SessionTrailError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SessionTrailError);
    return error as SessionTrailError;
  }
  throw new Error("expected a SessionTrailError");
}

describe("hardal normalizer: timeZone option", () => {
  it("rejects an unknown time zone as a validation error, before looking at the body", () => {
    const error = caught(() => normalize("not even a body", { timeZone: "Mars/Olympus_Mons" }));
    expect(error.kind).toBe("validation");
    expect(error.vendor).toBe("hardal");
    expect(error.issues).toEqual([
      { path: "timeZone", message: expect.stringContaining("Mars/Olympus_Mons") },
    ]);
  });

  it("still takes the deprecated `timezone`, naming it in its error; `timeZone` wins over it", () => {
    const body = bodyOf(hardalEvent({ timestamp: "2025-03-16 07:15:04" }));
    expect(normalize(body, { timezone: "UTC" })[0]?.time).toBe("2025-03-16T07:15:04.000Z");
    expect(normalize(body, { timeZone: "UTC", timezone: "Asia/Tokyo" })[0]?.time).toBe(
      "2025-03-16T07:15:04.000Z",
    );
    expect(caught(() => normalize(body, { timezone: "Mars/Olympus_Mons" })).issues[0]?.path).toBe("timezone");
  });

  it("marks no event's zone as assumed: Hardal renders times in the zone the request chose", () => {
    const [event] = normalize(bodyOf(hardalEvent({ timestamp: "2025-03-16 07:15:04" })), { timeZone: "UTC" });
    expect(event).not.toHaveProperty("timeZoneAssumed");
  });

  it("bounds and redacts an invalid time zone echoed in its error", () => {
    const error = caught(() => normalize(bodyOf(), { timeZone: `Mars/${"x".repeat(5_000_000)}` }));
    expect(error.issues[0]?.message.length).toBeLessThan(1000);
  });

  it("reads a timestamp without offset as wall time in Europe/Istanbul by default (UTC+3)", () => {
    const [event] = normalize(bodyOf(hardalEvent({ timestamp: "2025-03-16 07:15:04" })));
    expect(event?.time).toBe("2025-03-16T04:15:04.000Z");
  });

  it("reads a timestamp without offset in the requested zone, DST included", () => {
    const body = bodyOf(hardalEvent({ timestamp: "2025-03-16 07:15:04" }));
    expect(normalize(body, { timeZone: "UTC" })[0]?.time).toBe("2025-03-16T07:15:04.000Z");
    // New York is on EDT (UTC-4) from 9 March 2025.
    expect(normalize(body, { timeZone: "America/New_York" })[0]?.time).toBe("2025-03-16T11:15:04.000Z");
    const winter = bodyOf(hardalEvent({ timestamp: "2025-01-16 07:15:04" }));
    expect(normalize(winter, { timeZone: "America/New_York" })[0]?.time).toBe("2025-01-16T12:15:04.000Z");
  });

  it("honours an offset in the timestamp whatever the requested zone", () => {
    const body = bodyOf(hardalEvent({ timestamp: "2025-03-14T14:02:11+03:00" }));
    for (const timeZone of ["UTC", "Europe/Istanbul", "Asia/Tokyo"]) {
      expect(normalize(body, { timeZone })[0]?.timestamp).toBe(Date.UTC(2025, 2, 14, 11, 2, 11));
    }
    const zulu = bodyOf(hardalEvent({ timestamp: "2025-03-14T11:02:11.250Z" }));
    expect(normalize(zulu)[0]?.time).toBe("2025-03-14T11:02:11.250Z");
  });
});

describe("hardal normalizer: body shapes", () => {
  const events = [hardalEvent()];

  it("accepts the bare body, {data} and {success: true, data}", () => {
    const bare = normalize(bodyOf(...events));
    expect(bare.map((e) => e.id)).toEqual(["evt_1"]);
    expect(normalize({ data: bodyOf(...events) })).toEqual(bare);
    expect(normalize({ success: true, data: bodyOf(...events) })).toEqual(bare);
  });

  it("prefers a top-level events array over data", () => {
    const body = { ...bodyOf(hardalEvent({ id: "top" })), data: bodyOf(hardalEvent({ id: "inner" })) };
    expect(normalize(body).map((e) => e.id)).toEqual(["top"]);
  });

  it.each([
    ["null", null],
    ["a string", "events"],
    ["an array", [hardalEvent()]],
    ["an error body", { error: { code: 401, message: "Invalid API key" } }],
    ["events that are not an array", { events: { 0: hardalEvent() } }],
    ["data without events", { success: true, data: { totalCount: 0 } }],
    ["data.events that is not an array", { data: { events: "none" } }],
    ["success: false", { success: false, error: { code: "signal-not-found", message: "no" } }],
    ["success: false even with events", { success: false, data: bodyOf(hardalEvent()) }],
  ])("rejects %s as an invalid_response, never []", (_label, body) => {
    const error = caught(() => normalize(body));
    expect(error.kind).toBe("invalid_response");
    expect(error.message).toContain("unexpected response body");
  });

  it("returns [] for an empty session", () => {
    expect(normalize(bodyOf())).toEqual([]);
    expect(normalize({ success: true, data: bodyOf() })).toEqual([]);
  });

  it("keeps the body's order (newest first by default); it does not sort", () => {
    const body = bodyOf(
      hardalEvent({ id: "c", timestamp: "2025-03-14T14:03:00+03:00" }),
      hardalEvent({ id: "b", timestamp: "2025-03-14T14:02:00+03:00" }),
      hardalEvent({ id: "a", timestamp: "2025-03-14T14:01:00+03:00" }),
    );
    expect(normalize(body).map((e) => e.id)).toEqual(["c", "b", "a"]);
  });
});

describe("hardal normalizer: type and name", () => {
  const typeOf = (type: string, name: string) => normalize(bodyOf(hardalEvent({ type, name })))[0];

  it.each([
    ["pageview", "page_view", "page_view"],
    ["page_view", "page_view", "page_view"],
    ["PageView", "page_view", "page_view"],
    ["click", "click", "click"],
    ["click", "cta_click", "click"],
    ["form", "form_submit", "form_submit"],
    ["form", "newsletter_signup", "form_submit"],
    ["form", "form_start", "form_submit"],
    ["form", "form_field_change", "input"],
    ["form", "input", "input"],
    ["form", "email-changed", "input"],
    ["form", "formFieldInput", "input"],
    ["custom", "purchase", "custom"],
    ["custom", "page_view", "custom"],
    ["identify", "identify", "identify"],
    ["error", "js_error", "error"],
  ])("maps type %s with name %s to %s", (type, name, expected) => {
    expect(typeOf(type, name)).toMatchObject({ type: expected, name });
  });

  it("maps an unknown category to custom and keeps the event", () => {
    const events = normalize(
      bodyOf(hardalEvent({ id: "1", type: "scroll", name: "scroll_75" }), hardalEvent({ id: "2", type: "" })),
    );
    expect(events.map((e) => [e.type, e.name])).toEqual([
      ["custom", "scroll_75"],
      ["custom", "signup"],
    ]);
  });

  it("keeps the vendor's name verbatim, and falls back to the type when the name is empty", () => {
    expect(typeOf("custom", 'Clicked "Buy" – Ödeme 🎉')?.name).toBe('Clicked "Buy" – Ödeme 🎉');
    expect(typeOf("pageview", "")?.name).toBe("pageview");
    expect(normalize(bodyOf(hardalEvent({ type: "click", name: null })))[0]?.name).toBe("click");
  });
});

describe("hardal normalizer: ids, session and user", () => {
  it("passes options.ids on: a twin on the next page gets the id it gets in one call", () => {
    const twin = hardalEvent({ id: undefined });
    const ids = new EventIdScope();
    const paged = [...normalize(bodyOf(twin), { ids }), ...normalize(bodyOf(twin), { ids })].map((e) => e.id);
    expect(paged).toEqual(normalize(bodyOf(twin, twin)).map((e) => e.id));
    expect(new Set(paged).size).toBe(2);
  });

  it("uses the vendor id verbatim, also for long digit strings", () => {
    const [event] = normalize(bodyOf(hardalEvent({ id: "9007199254740993123" })));
    expect(event?.id).toBe("9007199254740993123");
  });

  it("hashes duplicate or missing ids from session, timestamp, type and name", () => {
    const twin = hardalEvent({ id: "dup" });
    const body = bodyOf(twin, { ...twin }, hardalEvent({ id: undefined }), hardalEvent({ id: "" }));
    const ids = normalize(body, { sessionId: "sess_1" }).map((e) => e.id);
    expect(ids.every((id) => id.startsWith("h_"))).toBe(true);
    expect(new Set(ids).size).toBe(4);
    expect(normalize(structuredClone(body), { sessionId: "sess_1" }).map((e) => e.id)).toEqual(ids);
    // The session is part of the identity: the same events of another session get other ids.
    const other = normalize(body, { sessionId: "sess_2" }).map((e) => e.id);
    expect(other.some((id) => ids.includes(id))).toBe(false);
    // A different name or instant makes a different identity.
    const [renamed] = normalize(bodyOf(hardalEvent({ id: undefined, name: "other" })), {
      sessionId: "sess_1",
    });
    expect(ids).not.toContain(renamed?.id);
  });

  it("sets sessionId from the options (Hardal events do not carry one)", () => {
    expect(normalize(bodyOf(hardalEvent()), { sessionId: "sess_8f3k2j9d7a1c" })[0]?.sessionId).toBe(
      "sess_8f3k2j9d7a1c",
    );
    expect(normalize(bodyOf(hardalEvent()))[0]).not.toHaveProperty("sessionId");
    expect(normalize(bodyOf(hardalEvent()), { sessionId: "" })[0]).not.toHaveProperty("sessionId");
  });

  it("takes userId from properties.user_id only when it is a non-empty string", () => {
    const user = (userId: unknown) => normalize(bodyOf(hardalEvent({ properties: { user_id: userId } })))[0];
    expect(user("usr_51842")?.userId).toBe("usr_51842");
    for (const value of [51842, "", null, { id: 1 }]) {
      const event = user(value);
      expect(event).not.toHaveProperty("userId");
      expect(event?.properties).toEqual({ user_id: value });
    }
  });
});

describe("hardal normalizer: page, target, context, properties", () => {
  it("builds page from url, path, title and referrer, leaving out null, empty and non-string values", () => {
    const [full] = normalize(bodyOf(hardalEvent()));
    expect(full?.page).toEqual({
      url: "https://example.com/a?x=1",
      path: "/a",
      title: "A",
      referrer: "https://ref.example/",
    });
    const [partial] = normalize(bodyOf(hardalEvent({ title: null, referrer: "", path: 42 })));
    expect(partial?.page).toEqual({ url: "https://example.com/a?x=1" });
    const [none] = normalize(bodyOf(hardalEvent({ url: null, path: "", title: undefined, referrer: null })));
    expect(none).not.toHaveProperty("page");
  });

  it("gives clicks and form events a target from element, text and form_name", () => {
    const [click, form, custom] = normalize(
      bodyOf(
        hardalEvent({ id: "1", type: "click", properties: { element: "button#buy", text: "Satın al" } }),
        hardalEvent({ id: "2", type: "form", name: "form_submit", properties: { form_name: "checkout" } }),
        hardalEvent({ id: "3", type: "custom", properties: { element: "button#buy", text: "x" } }),
      ),
    );
    expect(click?.target).toEqual({ selector: "button#buy", label: "Satın al" });
    expect(form?.target).toEqual({ name: "checkout" });
    expect(custom).not.toHaveProperty("target");
    const [bare] = normalize(bodyOf(hardalEvent({ type: "click", properties: { element: 5 } })));
    expect(bare).not.toHaveProperty("target");
  });

  it("builds context.campaign from string utm_* properties", () => {
    const [event] = normalize(
      bodyOf(
        hardalEvent({
          properties: {
            utm_source: "google",
            utm_medium: "cpc",
            utm_campaign: "kis_indirimi",
            utm_term: "kışlık mont",
            utm_content: "banner_a",
          },
        }),
      ),
    );
    expect(event?.context).toEqual({
      campaign: {
        source: "google",
        medium: "cpc",
        name: "kis_indirimi",
        term: "kışlık mont",
        content: "banner_a",
      },
    });
    const [partial] = normalize(bodyOf(hardalEvent({ properties: { utm_source: "news", utm_medium: 3 } })));
    expect(partial?.context).toEqual({ campaign: { source: "news" } });
    const [none] = normalize(bodyOf(hardalEvent({ properties: { utm_source: "", source: "x" } })));
    expect(none).not.toHaveProperty("context");
  });

  it("copies properties as sent, with __proto__ and constructor as plain keys", () => {
    const body = JSON.parse(
      JSON.stringify(bodyOf(hardalEvent())).replace(
        '"properties":{}',
        '"properties":{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},"price":"2499.90"}',
      ),
    );
    const [event] = normalize(body);
    expect(Object.keys(event?.properties ?? {})).toEqual(["__proto__", "constructor", "price"]);
    expect(Object.getPrototypeOf(event?.properties)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(event?.properties.price).toBe("2499.90");
    expect(sessionEventErrors([event])).toEqual([]);
  });

  it("treats missing or non-object properties as {}", () => {
    expect(normalize(bodyOf(hardalEvent({ properties: undefined })))[0]?.properties).toEqual({});
    expect(normalize(bodyOf(hardalEvent({ properties: ["a"] })))[0]?.properties).toEqual({});
  });

  it("keeps the untouched event in raw unless includeRaw is false", () => {
    const event = hardalEvent();
    expect(normalize(bodyOf(event))[0]?.raw).toBe(event);
    expect(normalize(bodyOf(event), { includeRaw: false })[0]).not.toHaveProperty("raw");
  });
});

describe("hardal normalizer: invalid events", () => {
  const bad: [string, unknown, string][] = [
    [
      "an unparseable timestamp",
      hardalEvent({ timestamp: "yesterday" }),
      "has an unparseable timestamp: yesterday",
    ],
    ["an impossible date", hardalEvent({ timestamp: "2025-02-30 10:00:00" }), "has an unparseable timestamp"],
    ["a numeric timestamp", hardalEvent({ timestamp: 1741950131000 }), "has no timestamp string"],
    ["no timestamp", hardalEvent({ timestamp: undefined }), "has no timestamp string"],
    ["no type", hardalEvent({ type: undefined }), "has no type string"],
    ["a non-string name", hardalEvent({ name: 7 }), "has a name that is not a string"],
    ["neither name nor type", hardalEvent({ type: "", name: "" }), "has neither a name nor a type"],
    ["null", null, "expected an object, got null"],
    ["a string", "evt_1", "expected an object, got string"],
  ];

  it.each(bad)("throws invalid_response for %s", (_label, event, message) => {
    const error = caught(() => normalize(bodyOf(hardalEvent({ id: "ok" }), event)));
    expect(error.kind).toBe("invalid_response");
    expect(error.message).toContain(`event #1 ${message}`);
  });

  it("bounds and redacts an unparseable timestamp quoted in its error", () => {
    const secret = "hardal_secret_key_7c1e";
    registerSecret(secret);
    const stamp = `${secret}${"9".repeat(5_000_000)}`;
    const error = caught(() => normalize(bodyOf(hardalEvent({ timestamp: stamp }))));
    expect(error.message.length).toBeLessThan(1000);
    expect(error.message).toContain("has an unparseable timestamp: [REDACTED]999");
    expect(error.message).not.toContain(secret);
    expect(String((error.cause as Error).message).length).toBeLessThan(1000);
  });

  it("skips invalid events with onInvalid: skip, with a warning naming the index", () => {
    const warnings: { index: number; message: string }[] = [];
    const events = normalize(
      bodyOf(hardalEvent({ id: "a" }), ...bad.map((b) => b[1]), hardalEvent({ id: "z" })),
      {
        onInvalid: "skip",
        onWarning: ({ index, message }) => warnings.push({ index, message }),
      },
    );
    expect(events.map((e) => e.id)).toEqual(["a", "z"]);
    expect(warnings.map((w) => w.index)).toEqual(bad.map((_, i) => i + 1));
    warnings.forEach((w, i) => {
      expect(w.message).toContain(`event #${i + 1} ${bad[i]?.[2]}`);
    });
  });
});
