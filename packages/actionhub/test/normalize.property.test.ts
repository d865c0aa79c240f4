import { SessionTrailError } from "@sessiontrail/core";
import { sessionEventErrors } from "@sessiontrail/test-utils";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type components, normalizeActionHubEvents } from "../src/index.ts";

type Action = components["schemas"]["UserRawHistoryAction"];

const params = { seed: 42, numRuns: 200 };
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A timestamp text in one of the forms ActionHub sends, with the instant it stands for (read in UTC). */
interface Stamp {
  text: string;
  /** Epoch ms when read with no offset in UTC. */
  instant: number;
  /** The wall-clock ms (Date.UTC of the fields) and the offset in minutes, when the text has one. */
  wall: number;
  offsetMinutes: number | undefined;
}

const stampArb: fc.Arbitrary<Stamp> = fc
  .record({
    year: fc.integer({ min: 1970, max: 2099 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,6}$/), { nil: undefined }),
    form: fc.constantFrom("date", "time", "Z", "colon", "compact"),
    offset: fc.integer({ min: -14 * 60, max: 14 * 60 }),
  })
  .map(({ year, month, day, hour, minute, second, fraction, form, offset }) => {
    const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
    if (form === "date") {
      const wall = Date.UTC(year, month - 1, day);
      return { text: date, instant: wall, wall, offsetMinutes: undefined };
    }
    const ms = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, "0"));
    const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
    const time = `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction === undefined ? "" : `.${fraction}`}`;
    if (form === "time") return { text: time, instant: wall, wall, offsetMinutes: undefined };
    if (form === "Z") return { text: `${time}Z`, instant: wall, wall, offsetMinutes: 0 };
    const sign = offset < 0 ? "-" : "+";
    const abs = Math.abs(offset);
    const hhmm =
      form === "colon"
        ? `${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
        : pad(Math.floor(abs / 60)) + pad(abs % 60);
    return { text: `${time}${sign}${hhmm}`, instant: wall - offset * 60_000, wall, offsetMinutes: offset };
  });

const labelsArb = fc.option(fc.array(fc.oneof(fc.string(), fc.jsonValue()), { maxLength: 4 }), {
  nil: undefined,
});

const eventTypeArb = fc.oneof(
  fc.constantFrom("visit", "view", "click", "order", "purchase", "add_to_cart", "VIEW", "__proto__"),
  fc.string(),
);

// A Map, not an object literal: event_type may be "__proto__" or "constructor".
const expectedType = new Map([
  ["visit", "page_view"],
  ["view", "page_view"],
  ["click", "click"],
]);

const actionArb: fc.Arbitrary<{ action: Action; stamp: Stamp }> = fc
  .record({
    stamp: stampArb,
    event_type: eventTypeArb,
    asset_id: fc.oneof(fc.string(), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(String)),
    asset_name: fc.oneof(fc.constant(""), fc.string()),
    event_labels: labelsArb,
    asset_labels: labelsArb,
  })
  .map(({ stamp, event_labels, asset_labels, ...rest }) => {
    const action: Action = { timestamp: stamp.text, ...rest };
    if (event_labels !== undefined) action.event_labels = event_labels;
    if (asset_labels !== undefined) action.asset_labels = asset_labels;
    return { action, stamp };
  });

const historyArb = fc.array(actionArb, { maxLength: 25 });

/** Events that cannot be normalized, each for a reason named in the vendor's schema. */
const malformedArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, 0, "visit", true, [] as unknown[]),
  actionArb.map(({ action }) => {
    const { timestamp: _, ...rest } = action;
    return rest;
  }),
  fc
    .tuple(actionArb, fc.oneof(fc.integer(), fc.constant(null), fc.object(), fc.boolean()))
    .map(([{ action }, timestamp]) => ({ ...action, timestamp })),
  fc
    .tuple(
      actionArb,
      fc.constantFrom(
        "",
        "yesterday",
        "2023-13-01",
        "2023-02-30",
        "2023-01-09T24:00:00Z",
        "01/09/2023",
        "2023-01-09T08:14:03+25:00",
      ),
    )
    .map(([{ action }, timestamp]) => ({ ...action, timestamp })),
  fc
    .tuple(
      actionArb,
      fc.oneof(fc.constant(undefined), fc.integer(), fc.constant(null), fc.array(fc.string())),
    )
    .map(([{ action }, event_type]) => ({ ...action, event_type })),
);

describe("actionhub normalizer: properties", () => {
  it("maps every valid action to one schema-valid event with the vendor's instant, type and name", () => {
    fc.assert(
      fc.property(historyArb, fc.option(fc.string(), { nil: undefined }), (items, userId) => {
        const body = { history: items.map((i) => i.action) };
        const events = normalizeActionHubEvents(body, userId === undefined ? {} : { userId });
        expect(events).toHaveLength(items.length);
        expect(sessionEventErrors(events)).toEqual([]);
        events.forEach((event, i) => {
          const { action, stamp } = items[i] as (typeof items)[number];
          expect(event.timestamp).toBe(stamp.instant);
          expect(event.time).toBe(new Date(stamp.instant).toISOString());
          expect(event.name).toBe(action.event_type);
          expect(event.type).toBe(expectedType.get(action.event_type.trim().toLowerCase()) ?? "custom");
          expect(event.properties.timestamp).toBe(action.timestamp);
          expect(event.properties.asset_id).toBe(action.asset_id);
          expect(event.target?.id).toBe(action.asset_id === "" ? undefined : action.asset_id);
          expect(event.target?.name).toBe(action.asset_name === "" ? undefined : action.asset_name);
          expect(event.properties.event_labels).toEqual(action.event_labels);
          expect(event.properties.asset_labels).toEqual(action.asset_labels);
          expect(event.userId).toBe(userId === "" ? undefined : userId);
          expect(event).not.toHaveProperty("sessionId");
          expect(event.raw).toBe(action);
        });
      }),
      params,
    );
  });

  it("reads times without an offset in options.timeZone, and leaves offsets alone", () => {
    // Etc/GMT-3 is UTC+3 all year (POSIX sign): a wall time there is 3 hours earlier in UTC.
    fc.assert(
      fc.property(historyArb, (items) => {
        const events = normalizeActionHubEvents(
          { history: items.map((i) => i.action) },
          { timeZone: "Etc/GMT-3" },
        );
        events.forEach((event, i) => {
          const { stamp } = items[i] as (typeof items)[number];
          const expected =
            stamp.offsetMinutes === undefined
              ? stamp.wall - 3 * 3_600_000
              : stamp.wall - stamp.offsetMinutes * 60_000;
          expect(event.timestamp).toBe(expected);
        });
      }),
      params,
    );
  });

  it("gives unique ids, identical when the same body is normalized again", () => {
    // Few distinct values, so twins and near-twins are common.
    const twinArb = fc.array(
      fc.record({
        timestamp: fc.constantFrom("2023-01-07", "2023-01-07T00:00:00Z", "2023-01-07T00:00:00+00:00"),
        event_type: fc.constantFrom("visit", "view", "order"),
        asset_id: fc.constantFrom("home", "prod-1", ""),
        asset_name: fc.constantFrom("Home", ""),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          historyArb.map((items) => items.map((i) => i.action)),
          twinArb,
        ),
        (history) => {
          const ids = normalizeActionHubEvents({ history }, { userId: "u" }).map((e) => e.id);
          expect(new Set(ids).size).toBe(ids.length);
          const again = normalizeActionHubEvents(structuredClone({ history }), { userId: "u" }).map(
            (e) => e.id,
          );
          expect(again).toEqual(ids);
        },
      ),
      params,
    );
  });

  it("with onInvalid skip, never throws and accounts for every action", () => {
    const mixedArb = fc.array(
      fc.oneof(
        actionArb.map((i) => i.action as unknown),
        malformedArb,
      ),
      {
        maxLength: 25,
      },
    );
    fc.assert(
      fc.property(mixedArb, (history) => {
        const warnings: number[] = [];
        const events = normalizeActionHubEvents({ history } as never, {
          onInvalid: "skip",
          onWarning: (w) => warnings.push(w.index),
        });
        expect(events.length + warnings.length).toBe(history.length);
        expect(sessionEventErrors(events)).toEqual([]);
      }),
      params,
    );
  });

  it("by default throws a SessionTrailError, never a raw TypeError, for a malformed action", () => {
    fc.assert(
      fc.property(historyArb, malformedArb, fc.nat(), (items, bad, at) => {
        const history: unknown[] = items.map((i) => i.action);
        history.splice(at % (history.length + 1), 0, bad);
        let error: unknown;
        try {
          normalizeActionHubEvents({ history } as never);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(SessionTrailError);
        expect((error as SessionTrailError).kind).toBe("invalid_response");
      }),
      params,
    );
  });

  it("rejects any body that is not an object with a history array as invalid_response", () => {
    const badBodyArb = fc.oneof(
      fc
        .anything()
        .filter(
          (v) =>
            !(v !== null && typeof v === "object" && Array.isArray((v as { history?: unknown }).history)),
        ),
      fc
        .anything()
        .map((history) => ({ history }))
        .filter((b) => !Array.isArray(b.history)),
    );
    fc.assert(
      fc.property(badBodyArb, (body) => {
        let error: unknown;
        try {
          normalizeActionHubEvents(body as never);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(SessionTrailError);
        expect((error as SessionTrailError).kind).toBe("invalid_response");
      }),
      params,
    );
  });
});
