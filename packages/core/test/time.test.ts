import { describe, expect, it } from "vitest";
import { isoTime, parseTimestamp } from "../src/index.ts";

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
