import { SessionTrailError } from "@sessiontrail/core";
import { sessionEventErrors } from "@sessiontrail/test-utils";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type HardalNormalizeOptions, normalizeHardalEvents } from "../src/index.ts";

const params = { seed: 42, numRuns: 200 };
const normalize = (body: unknown, options?: HardalNormalizeOptions) =>
  normalizeHardalEvents(body as never, options);

// Europe/Istanbul has been UTC+03:00 all year since September 2016: within this range a wall time
// without offset has one known instant in both zones used here.
const zones = [
  { timeZone: "UTC", offsetMinutes: 0 },
  { timeZone: "Europe/Istanbul", offsetMinutes: 180 },
] as const;
const instant = fc.integer({ min: Date.UTC(2017, 0, 1), max: Date.UTC(2037, 0, 1) });

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** The instant as Hardal could render it: wall time at `offsetMinutes`, with or without the offset. */
function render(epochMs: number, offsetMinutes: number, withOffset: boolean, separator: "T" | " "): string {
  const wall = new Date(epochMs + offsetMinutes * 60_000).toISOString();
  const ms = epochMs % 1000 === 0 ? "" : wall.slice(19, 23);
  const text = `${wall.slice(0, 10)}${separator}${wall.slice(11, 19)}${ms}`;
  if (!withOffset) return text;
  if (offsetMinutes === 0) return `${text}Z`;
  const abs = Math.abs(offsetMinutes);
  return `${text}${offsetMinutes < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const text = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }));
const nullableText = fc.oneof(fc.constant(null), fc.constant(""), text);
const category = fc.oneof(
  fc.constantFrom("pageview", "page_view", "click", "form", "custom", "identify", "error", "scroll"),
  text,
);
const properties = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      "user_id",
      "utm_source",
      "utm_medium",
      "utm_campaign",
      "element",
      "__proto__",
      "constructor",
    ),
    fc.string(),
  ),
  fc.jsonValue(),
  { maxKeys: 6 },
);

interface Generated {
  event: Record<string, unknown>;
  expectedMs: number;
}

/** A schema-valid Hardal event for a body fetched in zone number `zone`, with its expected instant. */
function validEvent(zone: (typeof zones)[number]): fc.Arbitrary<Generated> {
  return fc
    .record({
      id: fc.oneof(
        fc.constantFrom("evt_1", "evt_2"),
        fc.string({ minLength: 1 }),
        fc.stringMatching(/^\d{18,20}$/),
      ),
      type: category,
      name: text,
      at: instant,
      offset: fc.option(
        fc.integer({ min: -12 * 4, max: 14 * 4 }).map((q) => q * 15),
        { nil: undefined },
      ),
      separator: fc.constantFrom("T" as const, " " as const),
      url: nullableText,
      path: nullableText,
      title: nullableText,
      referrer: nullableText,
      properties,
    })
    .filter((r) => r.type !== "" || r.name !== "")
    .map(({ at, offset, separator, ...fields }) => ({
      event: {
        ...fields,
        timestamp:
          offset === undefined
            ? render(at, zone.offsetMinutes, false, separator)
            : render(at, offset, true, separator),
      },
      expectedMs: at,
    }));
}

const validBody = fc.constantFrom(...zones).chain((zone) =>
  fc.record({
    zone: fc.constant(zone),
    generated: fc.array(validEvent(zone), { maxLength: 25 }),
    enveloped: fc.constantFrom("bare", "data", "success"),
  }),
);

function wrap(events: unknown[], enveloped: string): unknown {
  const activity = { events, totalCount: events.length, page: 1, pageSize: 50, hasMore: false };
  if (enveloped === "data") return { data: activity };
  if (enveloped === "success") return { success: true, data: activity };
  return activity;
}

/** An event no normalizer can read: broken in one required part. */
const malformedEvent = fc.oneof(
  fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.boolean(), fc.array(fc.jsonValue())),
  validEvent(zones[0]).chain(({ event }) =>
    fc
      .oneof(
        fc.record({
          timestamp: fc.oneof(
            fc.integer(),
            fc.constant(null),
            fc.constantFrom("", "yesterday", "2025-13-01"),
          ),
        }),
        fc.record({ type: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string())) }),
        fc.record({ name: fc.oneof(fc.integer(), fc.boolean(), fc.object()) }),
        fc.constant({ timestamp: undefined }),
      )
      .map((broken) => ({ ...event, ...broken })),
  ),
);

describe("hardal normalizer: properties", () => {
  it("maps every event of a valid body to a schema-valid event at the vendor's instant", () => {
    fc.assert(
      fc.property(validBody, ({ zone, generated, enveloped }) => {
        const body = wrap(
          generated.map((g) => g.event),
          enveloped,
        );
        const options = { timeZone: zone.timeZone, sessionId: "sess_prop" };
        const events = normalize(body, options);
        expect(events).toHaveLength(generated.length);
        expect(sessionEventErrors(events)).toEqual([]);
        expect(events.map((e) => e.timestamp)).toEqual(generated.map((g) => g.expectedMs));
        for (const e of events) expect(e.time).toBe(new Date(e.timestamp).toISOString());
        const ids = events.map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(normalize(structuredClone(body), options).map((e) => e.id)).toEqual(ids);
      }),
      params,
    );
  });

  it("with onInvalid: skip never throws, and output + warnings == input", () => {
    const mixed = fc.array(
      fc.oneof(
        validEvent(zones[1]).map((g) => g.event),
        malformedEvent,
        fc.anything(),
      ),
      {
        maxLength: 25,
      },
    );
    fc.assert(
      fc.property(mixed, fc.constantFrom("bare", "data", "success"), (events, enveloped) => {
        let warnings = 0;
        const out = normalize(wrap(events, enveloped), { onInvalid: "skip", onWarning: () => warnings++ });
        expect(out.length + warnings).toBe(events.length);
        expect(sessionEventErrors(out)).toEqual([]);
      }),
      params,
    );
  });

  it("throws a SessionTrailError (never a raw TypeError) on a malformed event by default", () => {
    const withBroken = fc
      .tuple(
        fc.array(
          validEvent(zones[1]).map((g) => g.event),
          { maxLength: 5 },
        ),
        malformedEvent,
        fc.nat(),
      )
      .map(([events, broken, at]) => {
        const copy: unknown[] = [...events];
        copy.splice(at % (copy.length + 1), 0, broken);
        return copy;
      });
    fc.assert(
      fc.property(withBroken, (events) => {
        let error: unknown;
        try {
          normalize(wrap(events, "bare"));
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(SessionTrailError);
        expect((error as SessionTrailError).kind).toBe("invalid_response");
      }),
      params,
    );
  });

  it("on any body whatsoever, returns events or throws a SessionTrailError", () => {
    const anyBody = fc.oneof(
      fc.anything(),
      fc.record({ events: fc.anything() }),
      fc.record({ success: fc.anything(), data: fc.anything() }),
    );
    fc.assert(
      fc.property(anyBody, (body) => {
        try {
          expect(sessionEventErrors(normalize(body))).toEqual([]);
        } catch (error) {
          expect(error).toBeInstanceOf(SessionTrailError);
        }
      }),
      params,
    );
  });
});
