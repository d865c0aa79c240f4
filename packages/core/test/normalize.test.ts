import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  copyProperties,
  EventIdScope,
  type EventMapping,
  InvalidEventError,
  type NormalizeOptions,
  newEvent,
  normalizeEvents,
  registerSecret,
  SessionTrailError,
  utmCampaign,
} from "../src/index.ts";

interface Item {
  at?: number;
  id?: string;
  what: string;
}

const toDraft: EventMapping<Item> = {
  event(item) {
    if (item.at === undefined) throw new InvalidEventError("has no time");
    return newEvent("v", item.id ?? "", "custom", item.what, item.at, {});
  },
  identity(item, _event, hash) {
    hash.number(item.at as number);
    hash.text("|");
    hash.text(item.what);
  },
};

/** The id scheme, written plainly: `h_` and the 128-bit cyrb-style hash of the whole text in hex. */
function referenceId(text: string): string {
  let [h1, h2, h3, h4] = [0xdeadbeef, 0x41c6ce57, 0x9e3779b9, 0x85ebca6b];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
    h3 = Math.imul(h3 ^ c, 2246822519);
    h4 = Math.imul(h4 ^ c, 3266489917);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h3 ^ (h3 >>> 13), 3266489909);
  h3 = Math.imul(h3 ^ (h3 >>> 16), 2246822507) ^ Math.imul(h4 ^ (h4 >>> 13), 3266489909);
  h4 = Math.imul(h4 ^ (h4 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `h_${[h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, "0")).join("")}`;
}

describe("normalizeEvents", () => {
  it("hashes vendor, NUL, identity, NUL, n, where n counts earlier events with that identity", () => {
    const items: Item[] = [
      { at: 5, what: "w" },
      { at: 4, id: "dup", what: "w" },
      { at: 4, what: "w" },
      { at: -12, what: "é\u0000" },
      { at: 4, id: "dup", what: "w" },
      { at: 4, id: "unique", what: "w" },
    ];
    const ids = normalizeEvents("v", items, undefined, toDraft).map((e) => e.id);
    expect(ids).toEqual([
      referenceId("v\u00005|w\u00000"),
      referenceId("v\u00004|w\u00000"),
      referenceId("v\u00004|w\u00001"),
      referenceId("v\u0000-12|é\u0000\u00000"),
      referenceId("v\u00004|w\u00002"),
      "unique",
    ]);
    // Many identities, three of them seen 10 times each.
    const many: Item[] = Array.from({ length: 3000 }, (_, i) => ({
      at: i % 100 === 0 ? 7 : i,
      what: `${i % 3}`,
    }));
    const seen = new Map<string, number>();
    const expected = many.map((item) => {
      const identity = `${item.at}|${item.what}`;
      const n = seen.get(identity) ?? 0;
      seen.set(identity, n + 1);
      return referenceId(`v\u0000${identity}\u0000${n}`);
    });
    expect(normalizeEvents("v", many, undefined, toDraft).map((e) => e.id)).toEqual(expected);
    const prefixed = normalizeEvents("v", items.slice(0, 1), undefined, { ...toDraft, identityPrefix: "s|" });
    expect(prefixed[0]?.id).toBe(referenceId("v\u0000s|5|w\u00000"));
  });

  it("uses unique vendor ids, and hashes the rest so twins stay distinct and ids are stable", () => {
    const items: Item[] = [
      { at: 1, id: "a", what: "x" },
      { at: 2, id: "dup", what: "y" },
      { at: 3, id: "dup", what: "z" },
      { at: 4, what: "w" },
      { at: 4, what: "w" },
    ];
    const events = normalizeEvents("v", items, undefined, toDraft);
    const ids = events.map((e) => e.id);
    expect(ids[0]).toBe("a");
    expect(ids.slice(1).every((id) => id.startsWith("h_"))).toBe(true);
    expect(new Set(ids).size).toBe(5);
    expect(normalizeEvents("v", structuredClone(items), undefined, toDraft).map((e) => e.id)).toEqual(ids);
    expect(events[3]?.time).toBe("1970-01-01T00:00:00.004Z");
    expect(events[0]?.raw).toBe(items[0]);
    expect(normalizeEvents("v", items, { includeRaw: false }, toDraft)[0]).not.toHaveProperty("raw");
  });

  it("throws a typed error for a malformed event, or skips it with a warning when asked", () => {
    const items = [{ at: 1, what: "ok" }, { what: "no time" }, null] as unknown as Item[];
    expect(() => normalizeEvents("v", items, undefined, toDraft)).toThrow(SessionTrailError);
    try {
      normalizeEvents("v", items, undefined, toDraft);
    } catch (error) {
      expect((error as SessionTrailError).kind).toBe("invalid_response");
      expect((error as SessionTrailError).message).toContain("event #1 has no time");
    }
    const warnings: string[] = [];
    const events = normalizeEvents(
      "v",
      items,
      { onInvalid: "skip", onWarning: (w) => warnings.push(w.message) },
      toDraft,
    );
    expect(events.map((e) => e.name)).toEqual(["ok"]);
    expect(warnings).toEqual(["event #1 has no time", "event #2 expected an object, got null"]);
  });

  it("rejects an out-of-range timestamp", () => {
    expect(() => normalizeEvents("v", [{ at: Number.NaN, what: "x" }], undefined, toDraft)).toThrow(
      /timestamp/,
    );
  });
});

describe("copyProperties", () => {
  it("keeps __proto__ as a plain key and never touches prototypes", () => {
    const parsed = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}, "a": 1}',
    );
    const copy = copyProperties(parsed);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(["__proto__", "constructor", "a"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(copyProperties([1, 2])).toEqual({});
    expect(copyProperties(null)).toEqual({});
  });
});

describe("normalizeEvents timestamp range", () => {
  it("accepts years 0000-9999 only, and whole milliseconds", () => {
    const one = (at: number) => normalizeEvents("v", [{ at, what: "x" }], undefined, toDraft);
    expect(one(253402300799999)[0]?.time).toBe("9999-12-31T23:59:59.999Z");
    expect(one(-62167219200000)[0]?.time).toBe("0000-01-01T00:00:00.000Z");
    expect(() => one(253402300800000)).toThrow(/timestamp/);
    expect(() => one(1.5)).toThrow(/timestamp/);
  });
});

describe("normalizeEvents re-entered from a callback", () => {
  const outer: Item[] = Array.from({ length: 40 }, (_, i) => ({
    at: 1_700_000_000_000 + (i >> 2),
    what: `o${i % 3}`,
  }));
  const inner: Item[] = Array.from({ length: 25 }, (_, i) => ({
    at: 86_400_000 * (i % 2),
    what: `i${i % 2}`,
  }));
  const idsOf = (events: { id: string; time: string }[]) => events.map((e) => `${e.id} ${e.time}`);

  it("gives each of two interleaved normalizations the ids and times it gives alone", () => {
    const alone = idsOf(normalizeEvents("v", outer, undefined, toDraft));
    const innerAlone = idsOf(normalizeEvents("w", inner, undefined, toDraft));
    const innerRuns: string[][] = [];
    // The outer mapping normalizes another response in the middle of hashing each fifth event.
    const reentrant: EventMapping<Item> = {
      event: toDraft.event,
      identity(item, _event, hash) {
        hash.number(item.at as number);
        if (innerRuns.length < 8 && (item.at as number) % 5 === 0) {
          innerRuns.push(idsOf(normalizeEvents("w", inner, undefined, toDraft)));
        }
        hash.text("|");
        hash.text(item.what);
      },
    };
    expect(idsOf(normalizeEvents("v", outer, undefined, reentrant))).toEqual(alone);
    expect(innerRuns.length).toBeGreaterThan(1);
    for (const run of innerRuns) expect(run).toEqual(innerAlone);
  });

  it("is unaffected by a normalization made from onWarning, with or without a scope", () => {
    const withBad = [...outer.slice(0, 10), { what: "no time" }, ...outer.slice(10)] as Item[];
    const expected = idsOf(normalizeEvents("v", withBad, { onInvalid: "skip" }, toDraft));
    let innerIds: string[] = [];
    const options: NormalizeOptions = {
      onInvalid: "skip",
      ids: new EventIdScope(),
      onWarning: () => {
        innerIds = idsOf(normalizeEvents("w", inner, { ids: new EventIdScope() }, toDraft));
      },
    };
    expect(idsOf(normalizeEvents("v", withBad, options, toDraft))).toEqual(expected);
    expect(innerIds).toEqual(idsOf(normalizeEvents("w", inner, undefined, toDraft)));
  });
});

describe("EventIdScope", () => {
  // Few instants and few names, so twins are common and often straddle a page boundary; some
  // events carry a (unique) vendor id, some are invalid and skipped.
  const response = fc
    .array(
      fc.record({
        step: fc.constantFrom(0, 0, 0, 1, 2),
        what: fc.constantFrom("a", "b"),
        kind: fc.constantFrom("hashed", "hashed", "hashed", "vendor", "invalid"),
      }),
      { maxLength: 60 },
    )
    .map((parts) => {
      let at = 1_700_000_000_000;
      return parts.map(({ step, what, kind }, i): Item => {
        at += step;
        if (kind === "invalid") return { what };
        return kind === "vendor" ? { at, what, id: `vendor-${i}` } : { at, what };
      });
    });
  const pagesOf = (items: Item[], cuts: number[]) => {
    const at = [...new Set(cuts.map((c) => Math.floor(c * (items.length + 1))))].sort((a, b) => a - b);
    return [0, ...at].map((start, k) => items.slice(start, at[k] ?? items.length));
  };
  const options = (ids?: EventIdScope): NormalizeOptions => ({ onInvalid: "skip", ids });

  it("gives pages normalized in order with one scope the ids of one call over them all", () => {
    fc.assert(
      fc.property(
        response,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
        fc.boolean(),
        (items, cuts, shuffle) => {
          const whole = normalizeEvents("v", items, options(), toDraft).map((e) => e.id);
          // Within a page the vendor's order may be any; between pages, time only goes forward.
          const pages = pagesOf(items, cuts).map((page) => (shuffle ? [...page].reverse() : page));
          const scope = new EventIdScope();
          const paged = pages.flatMap((page) => normalizeEvents("v", page, options(scope), toDraft));
          const expected = normalizeEvents("v", pages.flat(), options(), toDraft);
          expect(paged.map((e) => e.id)).toEqual(expected.map((e) => e.id));
          expect(new Set(paged.map((e) => e.id)).size).toBe(paged.length);
          if (!shuffle) expect(paged.map((e) => e.id)).toEqual(whole);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("counts on from a clone exactly as from the scope it was taken from, and leaves that scope alone", () => {
    fc.assert(
      fc.property(
        response,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }),
        (items, cuts) => {
          const pages = pagesOf(items, cuts);
          const scope = new EventIdScope();
          for (const page of pages) {
            const snapshot = scope.clone();
            const first = normalizeEvents("v", page, options(scope), toDraft).map((e) => e.id);
            // Reading the page again from the snapshot (a resumed stream) gives the same ids.
            const again = normalizeEvents("v", page, options(snapshot), toDraft).map((e) => e.id);
            expect(again).toEqual(first);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("gives a twin on the next page the next ordinal, and keeps the scope as it was when a page fails", () => {
    const twin: Item = { at: 1000, what: "click" };
    const scope = new EventIdScope();
    const [first] = normalizeEvents("v", [twin], { ids: scope }, toDraft);
    expect(() => normalizeEvents("v", [twin, { what: "no time" }], { ids: scope }, toDraft)).toThrow(
      SessionTrailError,
    );
    const [second] = normalizeEvents("v", [twin], { ids: scope }, toDraft);
    const both = normalizeEvents("v", [twin, twin], undefined, toDraft);
    expect([first?.id, second?.id]).toEqual(both.map((e) => e.id));
    // Without a scope each call counts on its own, as before.
    expect(normalizeEvents("v", [twin], undefined, toDraft)[0]?.id).toBe(first?.id);
  });

  it("carries only the identities of the latest instant, however long the session", () => {
    const scope = new EventIdScope();
    const carried = () => (scope as unknown as { carried: { size: number } }).carried.size;
    // 1,000,000 events in pages of 1,000, each instant shared by two twins.
    for (let page = 0; page < 1000; page++) {
      const items = Array.from({ length: 1000 }, (_, i) => ({ at: (page * 1000 + i) >> 1, what: "x" }));
      normalizeEvents("v", items, { ids: scope, includeRaw: false }, toDraft);
      expect(carried()).toBeLessThanOrEqual(1);
    }
  });
});

describe("normalizeEvents messages", () => {
  it("bounds and redacts a vendor value quoted in an event's error", () => {
    const secret = "sk_test_normalize_5f2c9a";
    registerSecret(secret);
    const huge = `${secret} ${"9".repeat(5_000_000)}`;
    const quoting: EventMapping<Item> = {
      ...toDraft,
      event(item) {
        throw new InvalidEventError(`has a bad timestamp: ${item.what}`);
      },
    };
    let error: unknown;
    try {
      normalizeEvents("v", [{ at: 1, what: huge }], undefined, quoting);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SessionTrailError);
    const { message } = error as SessionTrailError;
    expect(message.length).toBeLessThan(1000);
    expect(message).toContain("event #0 has a bad timestamp: [REDACTED] 999");
    expect(message).not.toContain(secret);
  });
});

describe("utmCampaign", () => {
  it("reads the five UTM keys, leaves out empty ones, and is undefined without any", () => {
    expect(
      utmCampaign({ utm_source: "newsletter", utm_medium: "", utm_campaign: "spring", utm_term: 3 }),
    ).toEqual({
      source: "newsletter",
      name: "spring",
    });
    expect(utmCampaign({ path: "/" })).toBeUndefined();
    expect(utmCampaign({ utm_source: "" })).toBeUndefined();
  });
});
