import { describe, expect, it } from "vitest";
import { asRecord, isRecord, text } from "../src/index.ts";

describe("value guards", () => {
  it("calls only JSON objects records", () => {
    expect(isRecord({ a: 1 })).toBe(true);
    expect(isRecord(Object.create(null))).toBe(true);
    for (const value of [null, undefined, [], "x", 1, true])
      expect(isRecord(value), String(value)).toBe(false);
    const record = { b: 2 };
    expect(asRecord(record)).toBe(record);
    expect(asRecord([1])).toBeUndefined();
  });

  it("reads a non-empty string as text, anything else as nothing", () => {
    expect(text("x")).toBe("x");
    expect(text(" ")).toBe(" ");
    for (const value of ["", null, undefined, 0, {}, ["x"]])
      expect(text(value), String(value)).toBeUndefined();
  });
});
