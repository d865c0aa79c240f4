import { SessionTrailError } from "@sessiontrail/core";
import { sessionEventErrors } from "@sessiontrail/test-utils";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type components, normalizeFullStoryEvents } from "../src/index.ts";

type Body = components["schemas"]["SessionEventsResponse"];
type Event = Record<string, unknown>;

const params = { seed: 42, numRuns: 200 };

const int64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(String);
const eventTime = fc
  .date({
    min: new Date("1970-01-01T00:00:00.000Z"),
    max: new Date("2100-12-31T23:59:59.999Z"),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString());
const eventType = fc.oneof(
  fc.constantFrom(
    "navigate",
    "click",
    "change",
    "custom",
    "identify",
    "exception",
    "crash",
    "console_message",
    "element_seen",
    "form_abandon",
    "load",
    "mouse_thrash",
  ),
  fc.string({ minLength: 1, maxLength: 20 }),
);
const maybeText = fc.option(fc.string({ maxLength: 12 }), { nil: undefined });
const target = fc.record(
  { text: maybeText, masked: fc.boolean(), raw_selector: maybeText, element_definition_id: maybeText },
  { requiredKeys: [] },
);
const eventProperties = fc
  .tuple(
    fc.record(
      {
        navigate_reason: fc.constantFrom("navigate", "reload", "back_forward"),
        event_name: fc.string({ maxLength: 12 }),
        user_id: fc.string({ maxLength: 12 }),
        target,
        additional_event_definition_ids: fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 }),
      },
      { requiredKeys: [] },
    ),
    fc.dictionary(
      fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("__proto__", "constructor")),
      fc.jsonValue({ maxDepth: 2 }),
      {
        maxKeys: 3,
      },
    ),
  )
  .map(([known, extra]) => ({ ...extra, ...known }));
const url = fc.record({ full_url: fc.webUrl(), path: fc.string({ maxLength: 10 }) }, { requiredKeys: [] });
const sourceProperties = fc.record(
  {
    url,
    initial_referrer: fc.oneof(fc.constant(null), url, fc.webUrl()),
    user_agent: fc.record(
      {
        raw_user_agent: maybeText,
        browser: maybeText,
        browser_version: maybeText,
        operating_system: maybeText,
        device: maybeText,
      },
      { requiredKeys: [] },
    ),
    location: fc.record({ country: maybeText, city: maybeText }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

/** A schema-valid FullStory event; optional fields may be absent. */
const validEvent: fc.Arbitrary<Event> = fc.record(
  {
    device_id: int64,
    session_id: int64,
    view_id: int64,
    event_time: eventTime,
    event_type: eventType,
    event_properties: eventProperties,
    source_type: fc.constantFrom("web", "mobile_app", "server"),
    source_properties: sourceProperties,
  },
  { requiredKeys: ["device_id", "event_time", "event_type"] },
);
/** A small pool of events repeated, so twins and same-instant events are common. */
const validEvents = fc
  .tuple(fc.array(validEvent, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 25 }))
  .map(([pool, picks]) => picks.map((i) => structuredClone(pool[i % pool.length] as Event)));

/** A valid event broken in one way that makes it impossible to normalize. */
const malformedEvent: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, 0, "event", true, [] as unknown[]),
  fc.tuple(validEvent, fc.constantFrom("event_time", "event_type")).map(([e, key]) => {
    const { [key]: _, ...rest } = e;
    return rest;
  }),
  fc
    .tuple(
      validEvent,
      fc.oneof(
        fc.string().filter((s) => !/^\d{4}-\d{2}-\d{2}/.test(s)),
        fc.integer(),
        fc.constant(null),
      ),
    )
    .map(([e, t]) => ({ ...e, event_time: t })),
  fc
    .tuple(validEvent, fc.oneof(fc.integer(), fc.constant(""), fc.constant(null), fc.object()))
    .map(([e, t]) => ({
      ...e,
      event_type: t,
    })),
  fc
    .tuple(validEvent, fc.constantFrom("device_id", "session_id", "view_id"), fc.integer())
    .map(([e, key, n]) => ({
      ...e,
      [key]: n,
    })),
);
const mixedEvents = fc.array(fc.oneof(validEvent, malformedEvent), { maxLength: 20 });
const malformedBody = fc.oneof(
  fc.constantFrom(null, undefined, 0, "", "events", [] as unknown[]),
  fc.array(validEvent, { maxLength: 2 }),
  fc.record({ events: fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.object()) }),
  fc.record({ message: fc.string(), code: fc.string() }),
);

const bodyOf = (events: unknown[]): Body => ({ events }) as unknown as Body;

describe("fullstory normalizer: properties", () => {
  it("maps every event of a valid body to one schema-valid event at the vendor's instant", () => {
    fc.assert(
      fc.property(validEvents, (events) => {
        const out = normalizeFullStoryEvents(bodyOf(events));
        expect(out).toHaveLength(events.length);
        expect(sessionEventErrors(out)).toEqual([]);
        out.forEach((event, i) => {
          const input = events[i] as Event;
          expect(event.timestamp).toBe(Date.parse(input.event_time as string));
          expect(event.time).toBe(input.event_time);
          expect(event.raw).toBe(input);
          expect(event.deviceId).toBe(input.device_id);
          if (input.session_id !== undefined)
            expect(event.sessionId).toBe(`${input.device_id}:${input.session_id}`);
        });
      }),
      params,
    );
  });

  it("gives unique ids, the same on re-normalization", () => {
    fc.assert(
      fc.property(validEvents, (events) => {
        const ids = normalizeFullStoryEvents(bodyOf(events)).map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(normalizeFullStoryEvents(bodyOf(structuredClone(events))).map((e) => e.id)).toEqual(ids);
      }),
      params,
    );
  });

  it("with onInvalid: skip never throws, and output + warnings == input", () => {
    fc.assert(
      fc.property(mixedEvents, (events) => {
        const warnings: number[] = [];
        const out = normalizeFullStoryEvents(bodyOf(events), {
          onInvalid: "skip",
          onWarning: (w) => warnings.push(w.index),
        });
        expect(out.length + warnings.length).toBe(events.length);
        expect(sessionEventErrors(out)).toEqual([]);
      }),
      params,
    );
  });

  it("throws a SessionTrailError (never a raw TypeError) for a malformed event by default", () => {
    fc.assert(
      fc.property(fc.array(validEvent, { maxLength: 4 }), malformedEvent, fc.nat(), (valid, bad, at) => {
        const events: unknown[] = [...valid];
        events.splice(at % (valid.length + 1), 0, bad);
        let caught: unknown;
        try {
          normalizeFullStoryEvents(bodyOf(events));
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(SessionTrailError);
        expect((caught as SessionTrailError).kind).toBe("invalid_response");
      }),
      params,
    );
  });

  it("throws a SessionTrailError for a body that is not {events: [...]}", () => {
    fc.assert(
      fc.property(malformedBody, (body) => {
        let caught: unknown;
        try {
          normalizeFullStoryEvents(body as never, { onInvalid: "skip" });
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(SessionTrailError);
        expect((caught as SessionTrailError).kind).toBe("invalid_response");
      }),
      params,
    );
  });
});
