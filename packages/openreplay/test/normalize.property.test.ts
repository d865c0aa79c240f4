import { SessionTrailError } from "@sessiontrail/core";
import { sessionEventErrors } from "@sessiontrail/test-utils";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeOpenReplayEvents, type OpenReplayNormalizeOptions } from "../src/index.ts";

const params = { seed: 42, numRuns: 200 };
const normalize = (body: unknown, options?: OpenReplayNormalizeOptions) =>
  normalizeOpenReplayEvents(body as never, options);

/** What the server does to every string: Go's html.EscapeString. */
function htmlEscape(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll("'", "&#39;")
    .replaceAll('"', "&#34;");
}

/** A JSON value with every string and key escaped as the server sends it. */
function escapeDeep(value: unknown): unknown {
  if (typeof value === "string") return htmlEscape(value);
  if (Array.isArray(value)) return value.map(escapeDeep);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [htmlEscape(k), escapeDeep(v)]));
  }
  return value;
}

// Strings rich in the characters the server escapes, and in entity look-alikes.
const plain = fc.oneof(
  fc.string(),
  fc.string({
    unit: fc.constantFrom("&", "<", ">", "'", '"', "a", ";", "#", "amp", "lt;", "&amp;", "é", "→"),
  }),
);
const names = fc.oneof(
  fc.constantFrom(
    "LOCATION",
    "CLICK",
    "INPUT",
    "ERROR",
    "PERFORMANCE",
    "REQUEST",
    "ISSUE",
    "TAP",
    "CRASH",
    "CUSTOM",
    "$pageview",
    "$click",
    "add_to_cart",
    "constructor",
  ),
  plain,
);
// Any instant with a four-digit year: 0001-01-01 to 9999-12-31, before and after 1970.
const instant = fc.integer({ min: -62135596800000, max: 253402300799999 });
const propertyMap = fc.dictionary(
  fc.oneof(
    fc.constantFrom("path", "label", "selector", "url", "page_title", "__proto__", "constructor"),
    plain,
  ),
  fc.jsonValue({ maxDepth: 3 }),
  { maxKeys: 5 },
);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

interface Generated {
  /** The event as the server sends it (escaped). */
  event: Record<string, unknown>;
  /** The unescaped name the normalizer must output. */
  name: string;
  createdAt: number;
}

const validEvent: fc.Arbitrary<Generated> = fc
  .record({
    eventId: fc.oneof(fc.uuid(), fc.constantFrom("01H7Z...", "dup"), plain),
    name: names,
    createdAt: instant,
    distinctId: plain,
    sessionId: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(String),
    userId: optional(fc.oneof(fc.constant(""), plain)),
    deviceId: optional(plain),
    autoCaptured: optional(fc.boolean()),
    properties: optional(propertyMap),
    autoProperties: optional(propertyMap),
    currentUrl: optional(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), plain)),
    currentPath: optional(plain),
    browser: optional(plain),
    country: optional(fc.constantFrom("", "DE", "US")),
    screen: optional(fc.nat({ max: 65535 })),
    utm: optional(plain),
    time: optional(fc.nat()),
  })
  .map((g) => {
    const event: Record<string, unknown> = {
      event_id: htmlEscape(g.eventId),
      $event_name: htmlEscape(g.name),
      created_at: g.createdAt,
      distinct_id: htmlEscape(g.distinctId),
      session_id: g.sessionId,
    };
    const columns: [string, unknown][] = [
      ["$user_id", g.userId],
      ["$device_id", g.deviceId],
      ["$auto_captured", g.autoCaptured],
      ["properties", g.properties],
      ["$properties", g.autoProperties],
      ["$current_url", g.currentUrl],
      ["$current_path", g.currentPath],
      ["$browser", g.browser],
      ["$country", g.country],
      ["$screen_width", g.screen],
      ["$screen_height", g.screen],
      ["utm_source", g.utm],
      ["$time", g.time],
    ];
    for (const [key, value] of columns) {
      if (value !== undefined) event[key] = escapeDeep(value);
    }
    return { event, name: g.name, createdAt: g.createdAt };
  });

const validBody = fc.array(validEvent, { maxLength: 12 }).map((events) => ({
  events,
  body: { data: { total: events.length, events: events.map((e) => e.event) } },
}));

// An event the normalizer cannot read: not an object, or no usable created_at / $event_name.
const malformedEvent: fc.Arbitrary<unknown> = fc.oneof(
  fc.oneof(
    fc.constant(null),
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.array(fc.jsonValue(), { maxLength: 2 }),
  ),
  fc
    .tuple(
      validEvent,
      fc.oneof(
        fc.constant(undefined),
        fc.constant(null),
        fc.string(),
        fc.double({ noInteger: true }),
        fc.constantFrom(9e15, -9e15, Number.NaN),
        fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 2 }),
      ),
    )
    .map(([g, createdAt]) => ({ ...g.event, created_at: createdAt })),
  fc
    .tuple(
      validEvent,
      fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.array(fc.string())),
    )
    .map(([g, name]) => ({ ...g.event, $event_name: name })),
);

const mixedEvents = fc.array(
  fc.oneof(
    validEvent.map((g) => ({ item: g.event as unknown, valid: true })),
    malformedEvent.map((item) => ({ item, valid: false })),
  ),
  { maxLength: 12 },
);

describe("openreplay normalizer: properties", () => {
  it("maps every event of a valid body to one schema-valid event at the vendor's instant", () => {
    fc.assert(
      fc.property(validBody, ({ events, body }) => {
        const out = normalize(body);
        expect(out).toHaveLength(events.length);
        expect(sessionEventErrors(out)).toEqual([]);
        out.forEach((e, i) => {
          const g = events[i] as Generated;
          expect(e.timestamp).toBe(g.createdAt);
          expect(e.time).toBe(new Date(g.createdAt).toISOString());
          expect(e.raw).toBe(g.event);
          // One html.EscapeString undone once: the original text, whatever it contained.
          expect(e.name).toBe(g.name);
          expect(e.sessionId).toBe(g.event.session_id);
        });
      }),
      params,
    );
  });

  it("gives unique ids, identical when the same body is normalized again", () => {
    fc.assert(
      fc.property(validBody, ({ body }) => {
        const ids = normalize(body).map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(normalize(structuredClone(body)).map((e) => e.id)).toEqual(ids);
      }),
      params,
    );
  });

  it("unescapes property keys and values exactly once", () => {
    fc.assert(
      fc.property(propertyMap, (properties) => {
        const event = { event_id: "e", $event_name: "x", created_at: 1, distinct_id: "d", session_id: "1" };
        const raw = { ...event, properties: escapeDeep(properties) };
        const [out] = normalize({ data: { total: 1, events: [raw] } }, { includeRaw: false });
        expect(out?.properties).toEqual(properties);
      }),
      params,
    );
  });

  it("with onInvalid: skip never throws, and events + warnings == input", () => {
    fc.assert(
      fc.property(mixedEvents, (items) => {
        const warnings: number[] = [];
        const out = normalize(
          { data: { total: items.length, events: items.map((i) => i.item) } },
          { onInvalid: "skip", onWarning: (w) => warnings.push(w.index) },
        );
        expect(out.length + warnings.length).toBe(items.length);
        expect(warnings).toEqual(items.flatMap((i, index) => (i.valid ? [] : [index])));
        expect(sessionEventErrors(out)).toEqual([]);
      }),
      params,
    );
  });

  it("throws SessionTrailError (never a raw TypeError) on a malformed event by default", () => {
    fc.assert(
      fc.property(mixedEvents, malformedEvent, fc.nat(), (items, bad, at) => {
        const events = items.map((i) => i.item);
        events.splice(at % (events.length + 1), 0, bad);
        let caught: unknown;
        try {
          normalize({ data: { total: events.length, events } });
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(SessionTrailError);
        expect((caught as SessionTrailError).kind).toBe("invalid_response");
      }),
      params,
    );
  });

  it("rejects any body that is not {data: {events: [...]}} with invalid_response", () => {
    const broken = fc.oneof(
      fc.jsonValue(),
      fc.record({ data: fc.jsonValue() }),
      fc.record({ data: fc.record({ total: fc.nat(), events: fc.jsonValue() }) }),
    );
    fc.assert(
      fc.property(
        broken.filter((b) => {
          const data = (b as { data?: unknown } | null)?.data as { events?: unknown } | null | undefined;
          return !(
            data !== null &&
            typeof data === "object" &&
            !Array.isArray(data) &&
            Array.isArray(data.events)
          );
        }),
        (body) => {
          let caught: unknown;
          try {
            normalize(body);
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(SessionTrailError);
          expect((caught as SessionTrailError).kind).toBe("invalid_response");
        },
      ),
      params,
    );
  });
});
