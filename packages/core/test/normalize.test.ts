import { describe, expect, it } from "vitest";
import {
  copyProperties,
  type EventMapping,
  InvalidEventError,
  newEvent,
  normalizeEvents,
  SessionTrailError,
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
