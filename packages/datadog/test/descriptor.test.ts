import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { datadogVendor } from "../src/index.ts";

const spec = readFileSync(new URL("../../../specs/datadog/openapi.yaml", import.meta.url), "utf8");

describe("datadog descriptor", () => {
  it("names the id and settings the spec's named examples use, which its Prism mock answers to", () => {
    const { id, settings = {} } = datadogVendor.mock;
    for (const value of [id, ...Object.values(settings)]) {
      expect(value, "the descriptor's mock: a value of the spec's examples").not.toBe("");
      expect(spec, "the descriptor's mock: a value of the spec's examples").toContain(value);
    }
  });

  it("turns the CLI's id and window into the events() query the client takes", () => {
    expect(datadogVendor.toQuery({ id: "an-id", settings: {} })).toEqual({ sessionId: "an-id" });
    expect(datadogVendor.toQuery({ id: "an-id", settings: {}, since: 1, until: 2 })).toEqual({
      sessionId: "an-id",
      since: 1,
      until: 2,
    });
  });

  it("gives the CLI --application-key (a required secret) and --site, with their variables", () => {
    expect(
      datadogVendor.settings.map(({ flag, env, secret, required }) => ({ flag, env, secret, required })),
    ).toEqual([
      { flag: "--application-key", env: "APPLICATION_KEY", secret: true, required: true },
      { flag: "--site", env: "SITE", secret: undefined, required: undefined },
    ]);
  });
});
