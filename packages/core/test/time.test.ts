import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IsoTimeFormatter, isoTime, parseTimestamp, readTimestamp } from "../src/index.ts";

describe("parseTimestamp", () => {
  it("honours Z and every offset form", () => {
    expect(parseTimestamp("2024-04-03T17:06:12.290Z")).toBe(Date.UTC(2024, 3, 3, 17, 6, 12, 290));
    expect(parseTimestamp("2024-01-15T10:30:00+03:00")).toBe(Date.UTC(2024, 0, 15, 7, 30));
    expect(parseTimestamp("2024-01-15T10:30:00+0300")).toBe(Date.UTC(2024, 0, 15, 7, 30));
    expect(parseTimestamp("2024-01-15 10:30:00-05")).toBe(Date.UTC(2024, 0, 15, 15, 30));
  });

  it("reads a time without offset in the given zone, UTC by default", () => {
    expect(parseTimestamp("2024-01-15 10:30:00")).toBe(Date.UTC(2024, 0, 15, 10, 30));
    expect(parseTimestamp("2024-01-15 10:30:00", "Europe/Istanbul")).toBe(Date.UTC(2024, 0, 15, 7, 30));
    // New York is UTC-5 in January and UTC-4 in July.
    expect(parseTimestamp("2024-01-15T10:30:00", "America/New_York")).toBe(Date.UTC(2024, 0, 15, 15, 30));
    expect(parseTimestamp("2024-07-15T10:30:00", "America/New_York")).toBe(Date.UTC(2024, 6, 15, 14, 30));
  });

  it("resolves wall times at DST changes", () => {
    // 2024-03-10 02:30 does not exist in New York; 01:30 on 2024-11-03 happens twice (earlier wins).
    expect(parseTimestamp("2024-11-03T01:30:00", "America/New_York")).toBe(Date.UTC(2024, 10, 3, 5, 30));
    const gap = parseTimestamp("2024-03-10T02:30:00", "America/New_York");
    expect(gap).toBeTypeOf("number");
  });

  it("reads a bare date as midnight, and truncates microseconds", () => {
    expect(parseTimestamp("2023-01-07")).toBe(Date.UTC(2023, 0, 7));
    expect(parseTimestamp("2024-05-01T08:00:00.123456")).toBe(Date.UTC(2024, 4, 1, 8, 0, 0, 123));
  });

  it("rejects what is not a real date and time", () => {
    for (const bad of [
      "",
      "yesterday",
      "2024-02-30",
      "2024-13-01",
      "2024-01-01T25:00:00",
      "Mar 25, 2025 14:30:50",
    ]) {
      expect(parseTimestamp(bad), bad).toBeUndefined();
    }
  });

  it("formats the instant as ISO UTC", () => {
    expect(isoTime(1743055850000)).toBe("2025-03-27T06:10:50.000Z");
  });
});

describe("parseTimestamp edge years", () => {
  it("keeps years below 100 as they are", () => {
    expect(new Date(parseTimestamp("0050-01-01T00:00:00Z") as number).getUTCFullYear()).toBe(50);
    expect(parseTimestamp("2024-02-29")).toBe(Date.UTC(2024, 1, 29));
    expect(parseTimestamp("2023-02-29")).toBeUndefined();
  });
});

describe("isoTime", () => {
  it("matches Date#toISOString across eras, leap days and millisecond edges", () => {
    const samples = [
      0, -1, 951782400000, 951868799999, 1743055850000, -62135596800000, 253402300799999, 4102444800123,
    ];
    for (let i = 0; i < 2000; i++) samples.push(Math.floor((i * 7919.123 - 900) * 86_400_000 * 0.37 + i));
    for (const ms of samples) expect(isoTime(ms), String(ms)).toBe(new Date(ms).toISOString());
  });
});

/**
 * The implementation parseTimestamp had before its hand-written scanner: the regular expression
 * that defines the grammar, and Date for the arithmetic. The scanner must agree with it on
 * everything, well-formed or not.
 */
const REFERENCE_GRAMMAR =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function referenceParse(text: string, zone = "UTC"): number | undefined {
  const m = REFERENCE_GRAMMAR.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "", offset] = m;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as number[] as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(
    Date.UTC(2000, month - 1, day, hour, minute, second, Number(frac.slice(0, 3).padEnd(3, "0"))),
  );
  date.setUTCFullYear(year, month - 1, day);
  const wall = date.getTime();
  if (new Date(wall).getUTCDate() !== day) return undefined;
  if (offset) {
    if (offset.toUpperCase() === "Z") return wall;
    const digits = offset.slice(1).replace(":", "");
    const [offHours, offMinutes] = [Number(digits.slice(0, 2)), Number(digits.slice(2) || "0")];
    if (offHours > 23 || offMinutes > 59) return undefined;
    return wall - (offset.startsWith("-") ? -1 : 1) * (offHours * 60 + offMinutes) * 60_000;
  }
  if (zone === "UTC") return wall;
  const offsetAt = (ms: number) => {
    const parts: Record<string, number> = {};
    let bc = false;
    const format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    for (const p of format.formatToParts(new Date(ms))) {
      if (p.type === "era") bc = p.value === "BC";
      else if (p.type !== "literal") parts[p.type] = Number(p.value);
    }
    const { year = 0, month = 1, day: d = 1, hour = 0, minute = 0, second = 0 } = parts;
    const local = new Date(Date.UTC(2000, month - 1, d, hour, minute, second));
    local.setUTCFullYear(bc ? 1 - year : year, month - 1, d);
    return local.getTime() - (ms - (((ms % 1000) + 1000) % 1000));
  };
  const first = wall - offsetAt(wall);
  return Math.min(first, wall - offsetAt(first));
}

describe("parseTimestamp against its grammar", () => {
  // Texts built from the grammar's own pieces, each piece sometimes broken, so that both the
  // accepting paths and every way of failing are reached.
  const digits = (n: number) =>
    fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: n, maxLength: n });
  // Mostly in range, sometimes any two digits (25:00, 61...).
  const twoBelow = (n: number) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0, max: n - 1 }).map((v) => String(v).padStart(2, "0")) },
      { weight: 1, arbitrary: digits(2) },
    );
  const piece = (good: fc.Arbitrary<string>) =>
    fc.oneof({ weight: 40, arbitrary: good }, { weight: 1, arbitrary: fc.string({ maxLength: 3 }) });
  const text = fc
    .tuple(
      fc.constantFrom("", " ", "\t"),
      piece(fc.oneof(digits(4), fc.constantFrom("2024", "0000", "1970", "9999"))),
      piece(fc.constant("-")),
      piece(
        fc.oneof(
          { weight: 1, arbitrary: digits(2) },
          { weight: 6, arbitrary: fc.constantFrom("01", "02", "06", "12") },
        ),
      ),
      piece(fc.constant("-")),
      piece(
        fc.oneof(
          { weight: 1, arbitrary: digits(2) },
          { weight: 6, arbitrary: fc.constantFrom("01", "15", "28", "29", "30", "31") },
        ),
      ),
      fc.option(
        fc.tuple(
          piece(fc.constantFrom("T", "t", " ")),
          piece(twoBelow(24)),
          piece(fc.constant(":")),
          piece(twoBelow(60)),
          fc.option(
            fc.tuple(
              piece(fc.constant(":")),
              piece(twoBelow(60)),
              fc.option(
                fc.tuple(
                  fc.constantFrom(".", ","),
                  fc.string({ unit: fc.constantFrom(..."0123456789"), maxLength: 8 }),
                ),
              ),
            ),
          ),
        ),
      ),
      fc.constantFrom("", " ", "  "),
      fc.option(
        fc.oneof(
          fc.constantFrom("Z", "z", "+", "-03", "+14:00"),
          fc
            .tuple(
              fc.constantFrom("+", "-"),
              digits(2),
              fc.constantFrom("", ":", "::"),
              fc.oneof(digits(2), digits(1), fc.constant("")),
            )
            .map((p) => p.join("")),
        ),
      ),
      fc.constantFrom("", "", "", "", " ", "x"),
    )
    .map((parts) =>
      parts
        .flat(3)
        .filter((p) => typeof p === "string")
        .join(""),
    );

  it("agrees with the regular expression and Date on generated texts", () => {
    fc.assert(
      fc.property(
        text,
        fc.constantFrom("UTC", "Europe/Istanbul", "America/New_York", "Asia/Kathmandu"),
        (t, zone) => {
          const expected = referenceParse(t, zone);
          expect(parseTimestamp(t, zone)).toBe(expected);
          // The zone is assumed exactly when the grammar found no offset group.
          const reading = readTimestamp(t, zone);
          expect(reading?.epochMs).toBe(expected);
          if (reading) expect(reading.zoneAssumed).toBe(REFERENCE_GRAMMAR.exec(t.trim())?.[8] === undefined);
        },
      ),
      { seed: 7, numRuns: 3000 },
    );
  });

  it("accepts most generated texts, so the comparison is not only of failures", () => {
    const samples = fc.sample(text, { seed: 7, numRuns: 1000 });
    const accepted = samples.filter((t) => referenceParse(t) !== undefined).length;
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(950);
  });

  it("agrees with Intl on wall times around DST changes (the offset cache)", () => {
    for (const zone of ["America/New_York", "Europe/Istanbul", "Australia/Lord_Howe", "America/St_Johns"]) {
      for (let minutes = 0; minutes < 3 * 24 * 60; minutes += 7) {
        // Around New York's 2024-11-03 and Lord Howe's 2024-04-07 changes, minute by minute.
        for (const day of ["2024-11-02", "2024-04-06", "2024-03-09"]) {
          const at = new Date(Date.parse(`${day}T00:00:00Z`) + minutes * 60_000).toISOString().slice(0, 19);
          expect(parseTimestamp(at, zone), `${at} ${zone}`).toBe(referenceParse(at, zone));
        }
      }
    }
  });
});

describe("readTimestamp", () => {
  it("tells a stated offset from an assumed zone, with parseTimestamp's instant", () => {
    expect(readTimestamp("2024-01-15T10:30:00+03:00", "America/New_York")).toEqual({
      epochMs: Date.UTC(2024, 0, 15, 7, 30),
      zoneAssumed: false,
    });
    expect(readTimestamp("2024-01-15T10:30:00Z")).toEqual({
      epochMs: Date.UTC(2024, 0, 15, 10, 30),
      zoneAssumed: false,
    });
    expect(readTimestamp("2024-01-15T10:30:00", "America/New_York")).toEqual({
      epochMs: Date.UTC(2024, 0, 15, 15, 30),
      zoneAssumed: true,
    });
    // A bare date's `-15` is its day, not an offset.
    expect(readTimestamp("2023-01-07")).toEqual({ epochMs: Date.UTC(2023, 0, 7), zoneAssumed: true });
    expect(readTimestamp("2023-02-30")).toBeUndefined();
  });
});

describe("IsoTimeFormatter", () => {
  it("keeps its day to itself: formatters used in turn on different days never mix their dates", () => {
    const a = new IsoTimeFormatter();
    const b = new IsoTimeFormatter();
    const dayA = Date.UTC(2024, 1, 29, 23, 59, 59, 999);
    const dayB = Date.UTC(1999, 11, 31, 0, 0, 0, 1);
    for (let i = 0; i < 50; i++) {
      expect(a.format(dayA + i)).toBe(new Date(dayA + i).toISOString());
      expect(b.format(dayB + i)).toBe(new Date(dayB + i).toISOString());
      expect(isoTime(dayB - i)).toBe(new Date(dayB - i).toISOString());
    }
  });
});
