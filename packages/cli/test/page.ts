// Headless Chromium (Debian's `chromium` package, driven by playwright-core, which never downloads a
// browser) and one check of a timeline page written by `timelineHtml`: it loads without console
// errors, page errors or failed requests, requests nothing but its own file, fits every event on
// screen at 1,400 and 800 px, and shows every event as a marker in its vendor's lane and a row of
// the list, each selecting the other.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { SessionEvent } from "@sessiontrail/core";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

export const CHROMIUM = process.env.SESSIONTRAIL_CHROMIUM || "/usr/bin/chromium";

/** Screenshots of every checked page, kept (git-ignored) so that a person can look at them. */
export const SCREENSHOTS = fileURLToPath(new URL("./.screenshots/", import.meta.url));

/** The widths a page must fit every event into on first load: a laptop and a narrow window. */
export const WIDTHS = [1400, 800] as const;

/** The flags of ../shared/TOOLCHAIN.md: no sandbox, GPU, QUIC or background calls to the internet. */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Browser {
  context: BrowserContext;
  /** Closes Chromium (every process of it) and removes its profile. */
  close(): Promise<void>;
}

/**
 * Starts Chromium with a new empty profile, or fails saying how to install it. Never skips. Its
 * clock is UTC unless `timeZone` is given: then Chromium runs with that `TZ`, as a person's would.
 */
export async function launchChromium(timeZone?: string): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The HTML timeline tests need headless Chromium at ${CHROMIUM}, which is missing. On Debian or Ubuntu: ` +
        "apt-get update && apt-get install -y --no-install-recommends chromium (as root; .ci/run does this on CI). " +
        "Elsewhere, set SESSIONTRAIL_CHROMIUM to a Chromium or Chrome binary.",
    );
  }
  const profile = mkdtempSync(join(tmpdir(), "sessiontrail-chromium-"));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: WIDTHS[0], height: 900 },
      ...(timeZone === undefined ? { timezoneId: "UTC" } : { env: { ...process.env, TZ: timeZone } }),
    });
    return {
      context,
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/** A timeline page opened in Chromium, with what went wrong while it loaded and ran. */
export interface OpenPage {
  page: Page;
  url: string;
  /** Console errors and warnings, page errors, failed requests, Content-Security-Policy violations. */
  problems: string[];
  /** Every URL the page requested. */
  requests: string[];
}

/** Opens `file` in a new tab `width` px wide and waits until it has drawn its events. */
export async function openTimeline(
  browser: Browser,
  file: string,
  width: number = WIDTHS[0],
): Promise<OpenPage> {
  const url = pathToFileURL(file).href;
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`failed request: ${r.url()} ${r.failure()?.errorText}`));
  page.on("request", (r) => requests.push(r.url()));
  // Content-Security-Policy violations (a blocked load) are reported here as well as on the console.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
  return { page, url, problems, requests };
}

/** Saves the whole page as `<name>.png` under SCREENSHOTS. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The list's rows the filters show, as their cells' text. */
export function listedRows(page: Page): Promise<{ id: string; cells: string[] }[]> {
  return page.locator("#rows tr:not([hidden])").evaluateAll((rows) =>
    rows.map((r) => ({
      id: (r as HTMLElement).dataset.id ?? "",
      cells: [...r.querySelectorAll("td")].map((c) => (c.textContent ?? "").trim()),
    })),
  );
}

/** Ids of the markers on the chart (shown by the filters and inside the view). */
export function shownMarkers(page: Page): Promise<string[]> {
  return page
    .locator("#lanes .m:not([hidden])")
    .evaluateAll((ms) => ms.map((m) => (m as HTMLElement).dataset.id ?? ""));
}

/**
 * Markers outside the visible chart or the window, on first load: each as `id: left..right`.
 * The chart must not scroll either, since a scrolled-away marker is as good as missing.
 */
export function markersOffScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const track = document.getElementById("track") as HTMLElement;
    const box = track.getBoundingClientRect();
    const out: string[] = [];
    // Clipped (not hidden, which scrollIntoView can still scroll), or nothing wider than the chart.
    if (getComputedStyle(track).overflowX !== "clip" && track.scrollWidth > track.clientWidth)
      out.push(`the chart scrolls: ${track.scrollWidth} > ${track.clientWidth}`);
    if (document.documentElement.scrollWidth > window.innerWidth) out.push("the page scrolls sideways");
    for (const m of document.querySelectorAll<HTMLElement>("#lanes .m")) {
      const r = m.getBoundingClientRect();
      const inside =
        !m.hidden &&
        r.width > 0 &&
        r.left >= Math.max(0, box.left) &&
        r.right <= Math.min(window.innerWidth, box.right) &&
        r.top >= 0 &&
        r.bottom <= window.innerHeight;
      if (!inside)
        out.push(
          `${m.dataset.id}: ${Math.round(r.left)}..${Math.round(r.right)} of ${Math.round(box.left)}..${Math.round(box.right)}`,
        );
    }
    return out;
  });
}

/** What the page showed, for further checks by the caller. */
export interface PageReport {
  /** `data-vendor` of each lane, top to bottom. */
  lanes: string[];
  /** Each lane's label colour, by vendor. */
  laneColours: Record<string, string>;
  /** How markers are spaced ("time" or "order"), and the zoom of the first view (1: the whole session). */
  mode: string;
  zoom: number;
}

/**
 * Opens `file` at each of WIDTHS, checks it against `events` (the events it was written from, in
 * order) and saves a screenshot of each width as `<name>-<width>.png` (name: the file's by default).
 */
export async function checkTimelinePage(
  browser: Browser,
  file: string,
  events: readonly SessionEvent[],
  name = basename(file, ".html"),
): Promise<PageReport> {
  let report: PageReport | undefined;
  for (const width of WIDTHS) {
    const opened = await openTimeline(browser, file, width);
    try {
      await screenshot(opened.page, `${name}-${width}`);
      report = await checkOpenPage(opened, events);
    } finally {
      await opened.page.close();
    }
  }
  return report as PageReport;
}

async function checkOpenPage({ page, url, problems, requests }: OpenPage, events: readonly SessionEvent[]) {
  const markers = page.locator("#lanes .m");
  await expect.poll(() => markers.count()).toBe(events.length);
  const vendors = [...new Set(events.map((e) => e.vendor))];

  // The first view fits every event: no marker needs a scroll, a zoom or a pan to be seen.
  expect(await markersOffScreen(page), "markers off screen on first load").toEqual([]);

  // One lane per vendor, labelled and coloured; each marker in its vendor's lane, in its colour.
  const shown = await page.evaluate(() => {
    const lanes = [...document.querySelectorAll<HTMLElement>("#lanes .lane")];
    const labels = [...document.querySelectorAll<HTMLElement>("#labels div")].slice(1);
    const markers = [...document.querySelectorAll<HTMLElement>("#lanes .m")];
    return {
      lanes: lanes.map((l) => l.dataset.vendor ?? ""),
      labels: labels.map((l) => ({ text: l.textContent, colour: getComputedStyle(l).color })),
      markers: markers.map((m) => ({
        id: m.dataset.id,
        lane: (m.parentElement as HTMLElement).dataset.vendor,
        colour: getComputedStyle(m).backgroundColor,
        className: m.className,
        title: m.title,
        // The centre: markers of the type "other" are drawn smaller, so their left edge is not the time's.
        x: m.getBoundingClientRect().left + m.getBoundingClientRect().width / 2,
      })),
      mode: (document.getElementById("mode") as HTMLSelectElement).value,
      filters: document.getElementById("vendor-filter")?.textContent ?? "",
    };
  });
  expect(shown.lanes).toEqual(vendors);
  expect(shown.labels.map((l) => l.text)).toEqual(vendors);
  for (const v of vendors) expect(shown.filters).toContain(v);
  const laneColours = Object.fromEntries(vendors.map((v, i) => [v, shown.labels[i]?.colour ?? ""]));
  expect(new Set(Object.values(laneColours)).size, "one colour per vendor").toBe(vendors.length);
  // Markers are grouped by lane in the DOM: match them to events by id.
  const byId = new Map(events.map((e) => [e.id, e]));
  expect(byId.size, "test events need unique ids").toBe(events.length);
  expect(shown.markers.map((m) => m.id).sort()).toEqual([...byId.keys()].sort());
  for (const m of shown.markers) {
    const e = byId.get(m.id as string) as SessionEvent;
    expect(m.lane).toBe(e.vendor);
    expect(m.colour, `${e.id} in its vendor's colour`).toBe(laneColours[e.vendor]);
    expect(m.className).toBe(`m s-${e.type}`);
    expect(m.title).toContain(`${e.vendor}  ${e.type}\n${e.name}`);
  }
  // Left to right in timeline order.
  const xs = new Map(shown.markers.map((m) => [m.id, m.x]));
  const inOrder = events.map((e) => xs.get(e.id) as number);
  expect(inOrder).toEqual([...inOrder].sort((a, b) => a - b));

  // The list: one row per event, in timeline order, with its vendor, type and name.
  const rows = await listedRows(page);
  expect(rows.map((r) => r.id)).toEqual(events.map((e) => e.id));
  expect(rows.map((r) => r.cells.slice(1, 4))).toEqual(events.map((e) => [e.vendor, e.type, e.name]));

  // Clicking each row selects exactly its marker and shows every field of its event. (Markers may
  // overlap in the first view of a dense session; the list reaches every one of them.)
  const selections = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("#rows tr")].map((row) => {
      row.click();
      return {
        id: row.dataset.id,
        markers: [...document.querySelectorAll<HTMLElement>("#lanes .m.sel")].map((m) => m.dataset.id),
        rows: [...document.querySelectorAll<HTMLElement>("#rows tr.sel")].map((r) => r.dataset.id),
        detail: document.getElementById("detail")?.textContent ?? "",
      };
    }),
  );
  for (const s of selections) {
    expect(s.markers, `row ${s.id} selects its marker`).toEqual([s.id]);
    expect(s.rows).toEqual([s.id]);
    expect(JSON.parse(s.detail)).toEqual(byId.get(s.id as string));
  }

  // A real pointer on the first and last markers: hover highlights the marker under it, a click
  // selects that marker and its row, scrolled into the list's view, and shows its event.
  for (const index of events.length > 0 ? [0, events.length - 1] : []) {
    const box = await markers.nth(index).boundingBox();
    if (!box) throw new Error(`marker ${index} is not drawn`);
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(centre.x, centre.y);
    const under = await page.evaluate(({ x, y }) => {
      const top = document.elementFromPoint(x, y) as HTMLElement | null;
      return { id: top?.dataset.id, transform: top ? getComputedStyle(top).transform : "" };
    }, centre);
    expect(under.transform).toMatch(/^matrix\(1\.5, /);
    await page.mouse.click(centre.x, centre.y);
    await expect.poll(() => page.locator("#lanes .m.sel").getAttribute("data-id")).toBe(under.id);
    const row = page.locator("#rows tr.sel");
    expect(await row.getAttribute("data-id")).toBe(under.id);
    expect(await rowVisibleInList(page)).toBe(true);
    expect(JSON.parse((await page.locator("#detail").textContent()) ?? "")).toEqual(
      byId.get(under.id as string),
    );
  }

  // The axis: labels that do not overlap one another.
  const ticks = await page.locator("#axis .tick").evaluateAll((ts) =>
    ts.map((t) => {
      const r = t.getBoundingClientRect();
      return [r.left, r.right];
    }),
  );
  if (events.length > 0) expect(ticks.length).toBeGreaterThan(0);
  for (let k = 1; k < ticks.length; k++) {
    expect((ticks[k] as number[])[0]).toBeGreaterThanOrEqual((ticks[k - 1] as number[])[1] as number);
  }

  await page.waitForLoadState("networkidle");
  expect(problems).toEqual([]);
  expect(requests, "a self-contained page requests nothing but itself").toEqual([url]);
  return {
    lanes: shown.lanes,
    laneColours,
    mode: shown.mode,
    zoom: await page.evaluate(() => {
      const track = document.getElementById("track") as HTMLElement;
      return Number(track.dataset.zoom);
    }),
  };
}

/** Whether the selected row is inside the list's scrolled box. */
export function rowVisibleInList(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const row = document.querySelector("#rows tr.sel");
    const list = row?.closest(".list");
    if (!row || !list) return false;
    const r = row.getBoundingClientRect();
    const box = list.getBoundingClientRect();
    return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
  });
}
