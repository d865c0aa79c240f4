// The CLI's vendor registry and what derives from it: one flag per setting however many vendors
// share it, each vendor's variables and hints, mock lines for every vendor.
import type { AnyVendorDescriptor } from "@sessiontrail/core";
import { fullStoryVendor } from "@sessiontrail/fullstory";
import { openReplayVendor } from "@sessiontrail/openreplay";
import { describe, expect, it } from "vitest";
import { run } from "../src/cli.ts";
import { fieldHint, settingFlags } from "../src/options.ts";
import { vendorDescriptors } from "../src/registry.ts";
import { mockEnvironment, settingHint, vendorNames } from "../src/vendors.ts";

/** A second vendor with OpenReplay's project key setting, as PostHog's project would be. */
const twin: AnyVendorDescriptor = {
  ...fullStoryVendor,
  name: "twin",
  label: "Twin",
  settings: [
    { ...openReplayVendor.settings[0], description: "project id" } as AnyVendorDescriptor["settings"][number],
  ],
};

async function help(command: string): Promise<string> {
  let out = "";
  const io = { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => true }, env: {} };
  expect(await run([command, "--help"], io)).toBe(0);
  return out;
}

describe("vendor registry", () => {
  it("every vendor's lane colour is far enough from every other's to tell the lanes apart", () => {
    const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as number[];
    const colours = vendorDescriptors.map((d) => [d.name, rgb(d.timeline.colour)] as const);
    for (const [i, [a, ca]] of colours.entries()) {
      for (const [b, cb] of colours.slice(i + 1)) {
        const distance = Math.hypot(...ca.map((c, k) => c - (cb[k] as number)));
        // Euclidean RGB distance: below ~60, two lanes read as one colour at a glance.
        expect(distance, `${a} and ${b}`).toBeGreaterThan(60);
      }
    }
  });

  it("a flag two vendors share is one option naming both vendors' variables", () => {
    const flags = settingFlags([openReplayVendor, twin]);
    expect(flags.map((f) => f.flag)).toEqual(["--project-key"]);
    expect(flags[0]?.uses.map((u) => `${u.descriptor.label} ${u.setting.description}`)).toEqual([
      "OpenReplay project key",
      "Twin project id",
    ]);
  });

  it.each(["events", "timeline", "raw"])(
    "%s --help lists each setting flag once, with its variable",
    async (command) => {
      const text = await help(command);
      for (const { flag, uses } of settingFlags()) {
        expect(text.split(`${flag} <`)).toHaveLength(2);
        for (const { descriptor, setting } of uses) {
          expect(text).toContain(`SESSIONTRAIL_${descriptor.name.toUpperCase()}_${setting.env}`);
        }
      }
      for (const vendor of vendorNames) expect(text).toContain(vendor);
    },
  );

  it("hints name the flag and the vendor's own variable, and a page size range is the vendor's", () => {
    expect(settingHint("openreplay", "projectKey")).toBe(
      "pass --project-key or set SESSIONTRAIL_OPENREPLAY_PROJECT_KEY",
    );
    expect(settingHint("hardal", "baseUrl")).toBe(
      "pass --base-url or set SESSIONTRAIL_HARDAL_BASE_URL (https, or http on loopback)",
    );
    expect(settingHint("fullstory", "projectKey")).toBeUndefined();
    expect(fieldHint("hardal", "pageSize")).toBe("--page-size takes a positive integer (Hardal: 1-1000)");
    expect(fieldHint("openreplay", "since")).toContain("OpenReplay needs since >= 2000-01-01");
  });

  it("mock lines: a base URL and a key per vendor, then each vendor setting's spec example", () => {
    const urls = Object.fromEntries(vendorNames.map((v, i) => [v, `http://127.0.0.1:${4000 + i}`]));
    const lines = Object.fromEntries(mockEnvironment(urls));
    for (const d of vendorDescriptors) {
      const prefix = `SESSIONTRAIL_${d.name.toUpperCase()}_`;
      expect(lines[`${prefix}BASE_URL`]).toBe(urls[d.name]);
      expect(lines[`${prefix}API_KEY`]).toBe("mock");
      for (const s of d.settings) expect(lines[`${prefix}${s.env}`]).toBe(d.mock.settings?.[s.key as never]);
    }
  });
});
