import { type NormalizeWarning, SessionTrailError } from "@sessiontrail/core";
import { sessionEventErrors } from "@sessiontrail/test-utils";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type components, normalizeRoundtableEvents } from "../src/index.ts";

type Body = components["schemas"]["SessionEvents"];

const params = { seed: 42, numRuns: 200 };

const text = fc.string({ unit: "binary", maxLength: 30 });

/** Action text in every known wording, with arbitrary objects, plus free prose. */
const action = fc.oneof(
  text.map((s) => `Navigated to /${s}`),
  text.map((s) => `User navigated to https://app.example.com/${s}`),
  text.map((s) => `Clicked "${s}"`),
  text.map((s) => `User clicked "${s}"`),
  text.map((s) => `User edited #${s}`),
  text.map((s) => `User submitted ${s}`),
  fc.constantFrom("Signed in", "Page became hidden", "Page became visible", "USER CLICKED", ""),
  text,
);

/** Any instant of years 0000 to 9999 (what SessionEvent.time can write), as epoch milliseconds. */
const unixTimestamp = fc
  .date({
    min: new Date("0000-01-01T00:00:00.000Z"),
    max: new Date("9999-12-31T23:59:59.999Z"),
    noInvalidDate: true,
  })
  .map((d) => d.getTime());

/** Extra fields, among them keys that would reach a prototype if assigned. */
const extras = fc.array(
  fc.tuple(fc.constantFrom("__proto__", "constructor", "page_title", "element", "toString"), fc.jsonValue()),
  { maxLength: 3 },
);

const validEvent = fc
  .record(
    {
      action,
      user_time: fc.constantFrom("Mar 25, 2025 14:30:45", "Jun 1, 2025 00:03:07", ""),
      unix_timestamp: unixTimestamp,
    },
    { requiredKeys: ["unix_timestamp"] },
  )
  .chain((event) => extras.map((extra) => Object.fromEntries([...extra, ...Object.entries(event)])));

const validBody = fc.record(
  {
    session_id: fc.string({ maxLength: 12 }),
    event_count: fc.nat({ max: 50 }),
    events: fc.array(validEvent, { maxLength: 25 }),
  },
  { requiredKeys: ["events"] },
);

/** Events that cannot be normalized: not objects, or without a usable unix_timestamp or action. */
const malformedEvent = fc.oneof(
  fc.constantFrom(null, 0, "event", true, [], [{ unix_timestamp: 1 }]),
  fc.record({ action }, { requiredKeys: [] }),
  fc.record({
    action,
    unix_timestamp: fc.constantFrom(
      "1743055845000",
      null,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      1e16,
      253402300800000,
      -62167219200001,
      {},
    ),
  }),
  fc.record({ action: fc.constantFrom(42, null, ["x"], { text: "x" }), unix_timestamp: unixTimestamp }),
);

/** A body mixing valid and malformed events, with the positions of the malformed ones. */
const mixedBody = fc
  .array(
    fc.oneof(
      validEvent.map((e) => ({ e, ok: true })),
      malformedEvent.map((e) => ({ e, ok: false })),
    ),
    {
      maxLength: 25,
    },
  )
  .map((items) => ({
    body: { session_id: "s1", events: items.map((i) => i.e) } as unknown as Body,
    bad: items.flatMap((i, index) => (i.ok ? [] : [index])),
  }));

describe("roundtable normalizer: properties", () => {
  it("maps every event of a valid body to a schema-valid event with a unique, stable id", () => {
    fc.assert(
      fc.property(validBody, (body) => {
        const events = normalizeRoundtableEvents(body as Body);
        expect(events).toHaveLength(body.events.length);
        expect(sessionEventErrors(events)).toEqual([]);
        const ids = events.map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(normalizeRoundtableEvents(structuredClone(body) as Body).map((e) => e.id)).toEqual(ids);
        events.forEach((event, i) => {
          const raw = body.events[i] as Record<string, unknown>;
          expect(event.raw).toBe(raw);
          expect(event.timestamp).toBe(raw.unix_timestamp);
          expect(event.name).toBe(raw.action ?? "");
          expect(event.properties.user_time).toBe(raw.user_time);
          expect(Object.getPrototypeOf(event.properties)).toBe(Object.prototype);
          expect(Object.keys(event.properties).sort()).toEqual(
            Object.keys(raw)
              .filter((k) => k !== "action" && k !== "unix_timestamp")
              .sort(),
          );
        });
      }),
      params,
    );
  });

  it("with onInvalid skip, never throws and accounts for every event", () => {
    fc.assert(
      fc.property(mixedBody, ({ body, bad }) => {
        const warnings: NormalizeWarning[] = [];
        const events = normalizeRoundtableEvents(body, {
          onInvalid: "skip",
          onWarning: (w) => warnings.push(w),
        });
        expect(events.length + warnings.length).toBe(body.events?.length);
        expect(warnings.map((w) => w.index)).toEqual(bad);
        expect(sessionEventErrors(events)).toEqual([]);
      }),
      params,
    );
  });

  it("by default, throws a typed invalid_response error for a malformed event", () => {
    fc.assert(
      fc.property(
        mixedBody.filter(({ bad }) => bad.length > 0),
        ({ body, bad }) => {
          try {
            normalizeRoundtableEvents(body);
          } catch (error) {
            expect(error).toBeInstanceOf(SessionTrailError);
            expect((error as SessionTrailError).kind).toBe("invalid_response");
            expect((error as SessionTrailError).message).toContain(`event #${bad[0]} `);
            return;
          }
          throw new Error("expected a throw");
        },
      ),
      params,
    );
  });

  it("returns events or throws a SessionTrailError for any JSON body, never a raw error", () => {
    const anyBody = fc.oneof(
      fc.jsonValue(),
      fc.record({ session_id: fc.jsonValue(), event_count: fc.jsonValue(), events: fc.jsonValue() }),
      fc.record({ events: fc.array(fc.jsonValue(), { maxLength: 5 }) }),
    );
    fc.assert(
      fc.property(anyBody, fc.boolean(), (body, skip) => {
        try {
          const events = normalizeRoundtableEvents(body as never, skip ? { onInvalid: "skip" } : undefined);
          expect(sessionEventErrors(events)).toEqual([]);
        } catch (error) {
          expect(error).toBeInstanceOf(SessionTrailError);
        }
      }),
      params,
    );
  });
});
