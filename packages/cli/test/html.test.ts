// The HTML timeline page in headless Chromium, written by `timelineHtml` from made-up timelines that
// are hard to draw: a dense session (events milliseconds apart, some at the same instant), hundreds
// of events over days, hostile vendor text, an unknown vendor and type, no events at all. The page
// from a real `sessiontrail timeline` run against the Prism mocks is checked in cli.test.ts.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type SessionEvent, type SessionEventType, sessionEventTypes } from "@sessiontrail/core";
import { sessionEventErrors } from "@sessiontrail/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { timelineHtml } from "../src/html.ts";
import { type Browser, checkTimelinePage, launchChromium } from "./page.ts";

let launching: Promise<Browser>;
let tmp: string;
let written = 0;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "sessiontrail-html-"));
  launching = launchChromium();
  launching.catch(() => {}); // reported by each test below
});

afterAll(async () => {
  await launching?.then((b) => b.close()).catch(() => {});
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Each test fails on its own, saying how to install Chromium, when it is missing. */
async function check(file: string, events: readonly SessionEvent[]) {
  return checkTimelinePage(await launching, file, events);
}

const START = Date.parse("2025-03-14T11:02:03.004Z");

function event(
  vendor: string,
  type: SessionEventType,
  timestamp: number,
  extra: Partial<SessionEvent> = {},
): SessionEvent {
  const n = ++written;
  return {
    id: `${vendor}-${n}`,
    vendor,
    type,
    name: `${type} ${n}`,
    timestamp,
    time: new Date(timestamp).toISOString(),
    properties: { n },
    ...extra,
  };
}

/** Chronological, as `mergeTimelines` yields events (stable for equal times). */
const chronological = (events: SessionEvent[]) => [...events].sort((a, b) => a.timestamp - b.timestamp);

function pageOf(events: readonly SessionEvent[], title?: string): string {
  const file = join(tmp, `page-${++written}.html`);
  writeFileSync(file, timelineHtml(events, title));
  return file;
}

describe("timeline page in headless Chromium", () => {
  it("a dense session: events milliseconds apart and at the same instant each get a visible marker", async () => {
    const events = chronological([
      ...[0, 0, 1, 2, 40, 41, 5_000, 5_000, 5_001, 60_000].map((ms, i) =>
        event("hardal", sessionEventTypes[i % sessionEventTypes.length] as SessionEventType, START + ms),
      ),
      ...[0, 3, 3, 900, 59_999].map((ms) => event("fullstory", "click", START + ms)),
      event("openreplay", "page_view", START + 30_000, { page: { url: "https://shop.example/" } }),
    ]);
    expect(sessionEventErrors(events)).toEqual([]);
    const report = await check(pageOf(events), events);
    expect(report.lanes).toEqual(["hardal", "fullstory", "openreplay"]);
    // Same-instant events cannot be told apart by time: spaced by order instead.
    expect(report.mode).toBe("order");
  });

  it("a session of a minute, events half a second apart: spaced by time, zoomed in to keep them apart", async () => {
    const events = Array.from({ length: 120 }, (_, i) => event("openreplay", "click", START + i * 500));
    const report = await check(pageOf(events), events);
    expect(report.mode).toBe("time");
    expect(report.zoom).toBeGreaterThan(1);
  });

  it("hundreds of events over several days, in every vendor's lane", async () => {
    const vendors = ["roundtable", "openreplay", "fullstory", "actionhub", "hardal"];
    const events = chronological(
      Array.from({ length: 400 }, (_, i) =>
        event(
          // Half of them in one lane.
          vendors[i % 2 ? 4 : i % vendors.length] as string,
          sessionEventTypes[i % sessionEventTypes.length] as SessionEventType,
          START + Math.floor(i / 7) * 3_600_000 + (i % 7) * 250,
        ),
      ),
    );
    const report = await check(pageOf(events), events);
    expect([...report.lanes].sort()).toEqual([...vendors].sort());
    expect(report.laneColours).toEqual({
      roundtable: "rgb(124, 58, 237)",
      openreplay: "rgb(37, 99, 235)",
      fullstory: "rgb(225, 29, 72)",
      actionhub: "rgb(5, 150, 105)",
      hardal: "rgb(217, 119, 6)",
    });
  }, 30_000);

  it("hostile vendor text stays text: nothing runs, nothing loads", async () => {
    const evil = `</script><script>alert(1)</script><img src="http://127.0.0.1:9/x.png" onerror="alert(2)"> & \u2028\u2029 "'`;
    const events = [
      event("roundtable", "click", START, {
        name: evil,
        target: { label: evil, selector: `a[href="javascript:alert(3)"]` },
        page: { url: "javascript:alert(4)", title: evil },
        properties: { [evil]: evil, style: "background:url(http://127.0.0.1:9/bg.png)" },
      }),
      event("fullstory", "input", START + 10, { name: "<!-- <script>", properties: {} }),
    ];
    const file = pageOf(events, `Session ${evil}`);
    const dialogs: string[] = [];
    (await launching).context.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await check(file, events);
    expect(dialogs).toEqual([]);
  });

  it("an unknown vendor gets its own lane, and every event type its own shape", async () => {
    const events = sessionEventTypes.map((type, i) =>
      event(i % 2 ? "acme" : "hardal", type, START + i * 1_000),
    );
    const report = await check(pageOf(events), events);
    expect(report.lanes).toEqual(["hardal", "acme"]);
  });

  it("one event, and no events at all", async () => {
    const one = [event("actionhub", "custom", START)];
    await check(pageOf(one), one);
    await check(pageOf([]), []);
  });
});
