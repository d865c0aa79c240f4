import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { amplitudeVendor } from "../src/index.ts";

const spec = readFileSync(new URL("../../../specs/amplitude/openapi.yaml", import.meta.url), "utf8");

describe("amplitude descriptor", () => {
  it("names the id and settings the spec's named examples use, which its Prism mock answers to", () => {
    const { id, settings = {} } = amplitudeVendor.mock;
    for (const value of [id, ...Object.values(settings)]) {
      expect(value, "the descriptor's mock: a value of the spec's examples").not.toBe("");
      expect(spec, "the descriptor's mock: a value of the spec's examples").toContain(value);
    }
  });

  it("turns the CLI's id into the events() query the client takes", () => {
    const query = amplitudeVendor.toQuery({ id: "an-id", settings: {} });
    expect(query).toHaveProperty(amplitudeVendor.query.idField, "an-id");
  });
});
