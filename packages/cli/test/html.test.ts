// The HTML timeline page in headless Chromium, written by `timelineHtml` from made-up timelines that
// are hard to draw: a dense session (events milliseconds apart, some at the same instant), hundreds
// of events over days, hostile vendor text, an unknown vendor and type, no events at all; and what
// a support engineer does with it: list, filter, search, select, zoom, pan, switch time zones.
// Screenshots land in test/.screenshots/. The page from a real `sessiontrail timeline` run against
// the Prism mocks is checked in cli.test.ts.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type SessionEvent, type SessionEventType, sessionEventTypes } from "@sessiontrail/core";
import { sessionEventErrors } from "@sessiontrail/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { timelineHtml } from "../src/html.ts";
import {
  type Browser,
  checkTimelinePage,
  launchChromium,
  listedRows,
  markersOffScreen,
  openTimeline,
  rowVisibleInList,
  screenshot,
  shownMarkers,
  WIDTHS,
} from "./page.ts";

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
async function check(file: string, events: readonly SessionEvent[], name?: string) {
  return checkTimelinePage(await launching, file, events, name);
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

function pageOf(events: readonly SessionEvent[], options?: Parameters<typeof timelineHtml>[1]): string {
  const file = join(tmp, `page-${++written}.html`);
  writeFileSync(file, timelineHtml(events, options));
  return file;
}

/** A Hardal session as its mock serves it: nine events over four and a half minutes, two seconds apart at the end. */
function hardalSession(): SessionEvent[] {
  const shop = "https://shop.example.com.tr";
  const at = (time: string) => Date.parse(`2025-03-14T${time}Z`);
  return [
    event("hardal", "page_view", at("11:02:11"), { name: "page_view", page: { url: `${shop}/`, path: "/" } }),
    event("hardal", "click", at("11:02:48"), {
      name: "click",
      page: { url: `${shop}/`, path: "/" },
      target: { label: "Kışlık Mont", selector: `a.product-card[data-id="SKU-1042"]` },
    }),
    event("hardal", "page_view", at("11:02:49"), { name: "page_view", page: { path: "/urun/kislik-mont" } }),
    event("hardal", "custom", at("11:03:30"), { name: "add_to_cart", page: { path: "/urun/kislik-mont" } }),
    event("hardal", "page_view", at("11:04:05"), { name: "page_view", page: { path: "/sepet" } }),
    event("hardal", "form_submit", at("11:05:10"), { name: "form_submit", page: { path: "/odeme" } }),
    event("hardal", "custom", at("11:06:40"), { name: "payment_authorized" }),
    event("hardal", "custom", at("11:06:42"), { name: "purchase", page: { path: "/odeme" } }),
    event("hardal", "page_view", at("11:06:43"), {
      name: "page_view",
      page: { path: "/siparis/tesekkurler" },
    }),
  ];
}

/** Three vendors, three types, one event with a distinctive property to search for. */
function threeVendors(): SessionEvent[] {
  return chronological([
    event("hardal", "page_view", START, { page: { path: "/sepet" } }),
    event("fullstory", "click", START + 1_000, { target: { label: "Pay now" } }),
    event("hardal", "custom", START + 2_000, {
      name: "payment_authorized",
      properties: { order: "ORD-731" },
    }),
    event("openreplay", "error", START + 3_000, { name: "TypeError: card is undefined" }),
    event("fullstory", "click", START + 4_000, { target: { label: "Retry" } }),
    event("openreplay", "page_view", START + 5_000, { page: { path: "/odeme" } }),
  ]);
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
    const report = await check(pageOf(events), events, "dense");
    expect(report.lanes).toEqual(["hardal", "fullstory", "openreplay"]);
    // Same-instant events cannot be told apart by time: spaced by order instead.
    expect(report.mode).toBe("order");
  });

  it("a session of a minute, events half a second apart: spaced by time, the first view shows all of it", async () => {
    const events = Array.from({ length: 120 }, (_, i) => event("openreplay", "click", START + i * 500));
    const report = await check(pageOf(events), events, "minute");
    expect(report.mode).toBe("time");
    // Zoomed out to the whole session; the page used to open zoomed in with most markers off screen.
    expect(report.zoom).toBe(1);
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
    const report = await check(pageOf(events), events, "days");
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
    const file = pageOf(events, { title: `Session ${evil}`, failed: [{ vendor: "hardal", message: evil }] });
    const dialogs: string[] = [];
    (await launching).context.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await check(file, events, "hostile");
    expect(dialogs).toEqual([]);
  });

  it("an unknown vendor gets its own lane, and every event type its own shape", async () => {
    const events = sessionEventTypes.map((type, i) =>
      event(i % 2 ? "acme" : "hardal", type, START + i * 1_000),
    );
    const report = await check(pageOf(events), events, "unknown-vendor");
    expect(report.lanes).toEqual(["hardal", "acme"]);
  });

  it("one event, and no events at all", async () => {
    const one = [event("actionhub", "custom", START)];
    await check(pageOf(one), one, "one-event");
    await check(pageOf([]), [], "no-events");
  });

  it("a nine-event Hardal session: every marker on screen at first, at 1,400 and 800 px, and a row per event", async () => {
    const events = hardalSession();
    const report = await check(pageOf(events), events, "hardal");
    expect(report).toMatchObject({ mode: "time", zoom: 1 });
    const opened = await openTimeline(await launching, pageOf(events), WIDTHS[1]);
    try {
      expect(await markersOffScreen(opened.page)).toEqual([]);
      // Time (UTC, the page's default zone), vendor, type, name, and the page or, for a click, the target.
      expect((await listedRows(opened.page)).map((r) => r.cells)).toEqual([
        ["2025-03-14 11:02:11.000", "hardal", "page_view", "page_view", "https://shop.example.com.tr/"],
        ["2025-03-14 11:02:48.000", "hardal", "click", "click", "Kışlık Mont"],
        ["2025-03-14 11:02:49.000", "hardal", "page_view", "page_view", "/urun/kislik-mont"],
        ["2025-03-14 11:03:30.000", "hardal", "custom", "add_to_cart", "/urun/kislik-mont"],
        ["2025-03-14 11:04:05.000", "hardal", "page_view", "page_view", "/sepet"],
        ["2025-03-14 11:05:10.000", "hardal", "form_submit", "form_submit", "/odeme"],
        ["2025-03-14 11:06:40.000", "hardal", "custom", "payment_authorized", ""],
        ["2025-03-14 11:06:42.000", "hardal", "custom", "purchase", "/odeme"],
        ["2025-03-14 11:06:43.000", "hardal", "page_view", "page_view", "/siparis/tesekkurler"],
      ]);
    } finally {
      await opened.page.close();
    }
  });

  it("filters by vendor and type and the search change the list's rows and the chart's markers", async () => {
    const events = threeVendors();
    const ids = (pick: (e: SessionEvent) => boolean) => events.filter(pick).map((e) => e.id);
    const { page } = await openTimeline(await launching, pageOf(events));
    try {
      const rows = async () => (await listedRows(page)).map((r) => r.id);
      expect(await rows()).toEqual(ids(() => true));

      await page.getByRole("checkbox", { name: "fullstory" }).uncheck();
      expect(await rows()).toEqual(ids((e) => e.vendor !== "fullstory"));
      expect(await shownMarkers(page)).toEqual(expect.arrayContaining(await rows()));
      expect(await shownMarkers(page)).toHaveLength((await rows()).length);

      await page.getByRole("checkbox", { name: "page_view" }).uncheck();
      expect(await rows()).toEqual(ids((e) => e.vendor !== "fullstory" && e.type !== "page_view"));
      expect(await page.locator("#shown").textContent()).toBe(`2 of ${events.length} events`);

      // The search looks in every value of an event, properties included, whatever its case.
      await page.getByRole("checkbox", { name: "fullstory" }).check();
      await page.getByRole("checkbox", { name: "page_view" }).check();
      await page.getByRole("searchbox").fill("ord-731");
      expect(await rows()).toEqual(ids((e) => e.name === "payment_authorized"));
      expect(await shownMarkers(page)).toEqual(await rows());
      await page.getByRole("searchbox").fill("pay");
      expect(await rows()).toEqual(ids((e) => /pay/i.test(e.name) || e.target?.label === "Pay now"));
      await screenshot(page, "filtered-search-pay");
      await page.getByRole("searchbox").fill("nothing like this");
      expect(await rows()).toEqual([]);
      await expect.poll(() => page.locator("#no-rows").isVisible()).toBe(true);
    } finally {
      await page.close();
    }
  });

  it("clicking a row highlights its marker, and clicking a marker highlights its row", async () => {
    const events = threeVendors();
    const { page } = await openTimeline(await launching, pageOf(events));
    try {
      const error = events.find((e) => e.type === "error") as SessionEvent;
      await page.locator(`#rows tr[data-id="${error.id}"]`).click();
      expect(await page.locator("#lanes .m.sel").getAttribute("data-id")).toBe(error.id);
      expect(JSON.parse((await page.locator("#detail").textContent()) ?? "")).toEqual(error);

      const retry = events.find((e) => e.target?.label === "Retry") as SessionEvent;
      await page.locator(`#lanes .m[data-id="${retry.id}"]`).click();
      expect(await page.locator("#rows tr.sel").getAttribute("data-id")).toBe(retry.id);
      expect(await page.locator("#lanes .m.sel").count()).toBe(1);
      expect(await rowVisibleInList(page)).toBe(true);
      expect(JSON.parse((await page.locator("#detail").textContent()) ?? "")).toEqual(retry);
      await screenshot(page, "selected-marker");

      // The arrow keys walk the list, the marker following.
      await page.keyboard.press("ArrowDown");
      const next = events[events.indexOf(retry) + 1] as SessionEvent;
      expect(await page.locator("#rows tr.sel").getAttribute("data-id")).toBe(next.id);
      expect(await page.locator("#lanes .m.sel").getAttribute("data-id")).toBe(next.id);
    } finally {
      await page.close();
    }
  });

  it("zooms and pans with the wheel, a drag and the keyboard, and fits every event again", async () => {
    const events = Array.from({ length: 60 }, (_, i) => event("fullstory", "click", START + i * 1_000));
    const { page } = await openTimeline(await launching, pageOf(events));
    try {
      const zoom = async () => Number(await page.locator("#track").getAttribute("data-zoom"));
      /** The index of the earliest event on screen. */
      const firstShown = async () => {
        const id = (await shownMarkers(page))[0];
        return events.findIndex((e) => e.id === id);
      };
      expect(await shownMarkers(page)).toHaveLength(events.length);

      // The wheel over the chart zooms in around the pointer: fewer markers, all still in order.
      const track = (await page.locator("#track").boundingBox()) as {
        x: number;
        y: number;
        width: number;
        height: number;
      };
      await page.mouse.move(track.x + track.width / 2, track.y + track.height / 2);
      await page.mouse.wheel(0, -600);
      await expect.poll(zoom).toBeGreaterThan(4);
      const zoomedIn = await shownMarkers(page);
      expect(zoomedIn.length).toBeLessThan(events.length);
      expect(zoomedIn).toContain(events[30]?.id);

      // Dragging the chart leftwards moves the view later in the session.
      const before = await firstShown();
      await page.mouse.move(track.x + track.width * 0.8, track.y + track.height / 2);
      await page.mouse.down();
      await page.mouse.move(track.x + track.width * 0.3, track.y + track.height / 2, { steps: 5 });
      await page.mouse.up();
      const afterDrag = await firstShown();
      expect(afterDrag).toBeGreaterThan(before);

      // Keys: left pans earlier, minus zooms out, plus zooms in, 0 fits the whole session.
      await page.keyboard.press("ArrowLeft");
      expect(await firstShown()).toBeLessThan(afterDrag);
      const z = await zoom();
      await page.keyboard.press("-");
      expect(await zoom()).toBeCloseTo(z / 2);
      await page.keyboard.press("+");
      expect(await zoom()).toBeCloseTo(z);
      await screenshot(page, "zoomed-in");
      await page.keyboard.press("0");
      expect(await zoom()).toBe(1);
      expect(await shownMarkers(page)).toHaveLength(events.length);
    } finally {
      await page.close();
    }
  });

  it("names vendors that failed, so their missing events are not mistaken for a quiet session", async () => {
    const events = hardalSession();
    const failed = [
      { vendor: "fullstory", message: "auth (HTTP 401): access is unauthorized" },
      { vendor: "roundtable", message: "network: connect ECONNREFUSED 127.0.0.1:8080" },
    ];
    await check(pageOf(events, { failed }), events, "failed-vendors");
    const { page } = await openTimeline(await launching, pageOf(events, { failed }));
    try {
      const alert = page.getByRole("alert");
      expect(await alert.isVisible()).toBe(true);
      expect(await alert.textContent()).toBe(
        "2 vendors failed; their events are missing from this page:" +
          "fullstory: auth (HTTP 401): access is unauthorized" +
          "roundtable: network: connect ECONNREFUSED 127.0.0.1:8080",
      );
    } finally {
      await page.close();
    }
    // No failure given: no alert.
    const quiet = await openTimeline(await launching, pageOf(events));
    try {
      expect(await quiet.page.getByRole("alert").count()).toBe(0);
    } finally {
      await quiet.page.close();
    }
  });
});

describe("timeline page in Chromium with TZ=America/New_York", () => {
  let newYork: Promise<Browser>;
  beforeAll(() => {
    newYork = launchChromium("America/New_York");
    newYork.catch(() => {}); // reported by the test below
  });
  afterAll(async () => {
    await newYork?.then((b) => b.close()).catch(() => {});
  });

  it("list, axis and summary show the same zone, named, and the UTC/local switch changes them all", async () => {
    const events = hardalSession();
    const { page, problems } = await openTimeline(await newYork, pageOf(events));
    try {
      const purchase = events.find((e) => e.name === "purchase") as SessionEvent;
      await page.locator(`#rows tr[data-id="${purchase.id}"]`).click();
      /** The purchase's time in its row and on the axis's cursor, the zone in the summary and the axis's ticks. */
      const shown = async () => ({
        row: (await listedRows(page)).find((r) => r.id === purchase.id)?.cells[0],
        cursor: await page.locator("#cursor span").textContent(),
        heading: await page.locator("#time-heading").textContent(),
        summary: await page.locator("#summary").textContent(),
        ticks: await page.locator("#axis .tick").allTextContents(),
      });

      // UTC first, the zone a file shared between people in different places reads the same in.
      const utc = await shown();
      expect(utc.row).toBe("2025-03-14 11:06:42.000");
      expect(utc.cursor).toBe(utc.row);
      expect(utc.heading).toBe("Time (UTC)");
      expect(utc.summary).toContain("2025-03-14 11:02:11.000 to 2025-03-14 11:06:43.000 UTC");
      // Ticks at whole minutes of the session, 11:03 to 11:06 in UTC (not 07:03, New York's clock).
      expect(utc.ticks.join(" ")).toMatch(/11:0[3-6]/);
      expect(utc.ticks.join(" ")).not.toMatch(/07:0/);
      await screenshot(page, "new-york-utc");

      await page.getByRole("radio", { name: /local/ }).check();
      const local = await shown();
      expect(local.row).toBe("2025-03-14 07:06:42.000"); // EDT, UTC-4, since 9 March 2025
      expect(local.cursor).toBe(local.row);
      expect(local.heading).toBe("Time (America/New_York)");
      expect(local.summary).toContain(
        "2025-03-14 07:02:11.000 to 2025-03-14 07:06:43.000 America/New_York (UTC\u221204:00)",
      );
      expect(local.ticks.join(" ")).toMatch(/07:0[3-6]/);
      expect(local.ticks.join(" ")).not.toMatch(/11:0/);
      // Tooltips too: one zone everywhere.
      expect(await page.locator(`#lanes .m[data-id="${purchase.id}"]`).getAttribute("title")).toMatch(
        /^2025-03-14 07:06:42\.000 America\/New_York/,
      );
      await screenshot(page, "new-york-local");
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
