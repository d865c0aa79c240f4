// Headless Chromium (Debian's `chromium` package, driven by playwright-core, which never downloads a
// browser) and one check of a timeline page written by `timelineHtml`: it loads without console
// errors, page errors or failed requests, requests nothing but its own file, and shows every event
// as a visible, clickable marker in its vendor's lane whose details match the event.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { SessionEvent } from "@sessiontrail/core";
import { type BrowserContext, chromium } from "playwright-core";
import { expect } from "vitest";

export const CHROMIUM = process.env.SESSIONTRAIL_CHROMIUM || "/usr/bin/chromium";

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

/** Starts Chromium with a new empty profile, or fails saying how to install it. Never skips. */
export async function launchChromium(): Promise<Browser> {
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
      viewport: { width: 1280, height: 800 },
      timezoneId: "UTC",
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

/** What the page showed, for further checks by the caller. */
export interface PageReport {
  /** `data-vendor` of each lane, top to bottom. */
  lanes: string[];
  /** Each lane's label colour, by vendor. */
  laneColours: Record<string, string>;
  /** How markers are spaced ("time" or "order") and the zoom the page chose. */
  mode: string;
  zoom: number;
}

/** Opens `file` and checks it against `events` (the events it was written from, in order). */
export async function checkTimelinePage(
  browser: Browser,
  file: string,
  events: readonly SessionEvent[],
): Promise<PageReport> {
  const url = pathToFileURL(file).href;
  const page = await browser.context.newPage();
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
  try {
    await page.goto(url, { waitUntil: "load" });
    await page.waitForLoadState("networkidle");

    const markers = page.locator("#lanes .m");
    await expect.poll(() => markers.count()).toBe(events.length);
    const vendors = [...new Set(events.map((e) => e.vendor))];

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
          x: m.getBoundingClientRect().left,
        })),
        mode: (document.getElementById("mode") as HTMLSelectElement).value,
        zoom: Number((document.getElementById("zoom") as HTMLInputElement).value),
        legend: document.getElementById("legend")?.textContent ?? "",
      };
    });
    expect(shown.lanes).toEqual(vendors);
    expect(shown.labels.map((l) => l.text)).toEqual(vendors);
    for (const v of vendors) expect(shown.legend).toContain(v);
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

    // Every marker is on screen once scrolled to, not covered by another, and its click shows
    // exactly its event. Clicks go to whatever element is at the marker's centre, as a user's would.
    const hits = await page.evaluate(() => {
      const out: { id: string | undefined; hit: string | undefined; detail: string }[] = [];
      for (const m of document.querySelectorAll<HTMLElement>("#lanes .m")) {
        m.scrollIntoView({ block: "center", inline: "center" });
        const r = m.getBoundingClientRect();
        const top = document.elementFromPoint(
          r.left + r.width / 2,
          r.top + r.height / 2,
        ) as HTMLElement | null;
        top?.click();
        out.push({
          id: m.dataset.id,
          hit: top?.dataset.id,
          detail: document.getElementById("detail")?.textContent ?? "",
        });
      }
      return out;
    });
    const covered = hits.filter((h) => h.hit !== h.id).map((h) => `${h.id} under ${h.hit ?? "nothing"}`);
    expect(covered, "markers hidden under another").toEqual([]);
    for (const h of hits) expect(JSON.parse(h.detail)).toEqual(byId.get(h.id as string));

    // A real pointer: hover highlights a marker and its title sums it up, a click selects it.
    for (const index of events.length > 0 ? [0, events.length - 1] : []) {
      const marker = markers.nth(index);
      await marker.hover();
      expect(await marker.evaluate((m) => getComputedStyle(m).transform)).toMatch(/^matrix\(1\.5, /);
      await marker.click();
      await expect.poll(() => marker.getAttribute("class")).toContain("sel");
      const id = (await marker.getAttribute("data-id")) as string;
      expect(JSON.parse((await page.locator("#detail").textContent()) ?? "")).toEqual(byId.get(id));
      expect(await page.locator("#lanes .m.sel").count()).toBe(1);
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
    return { lanes: shown.lanes, laneColours, mode: shown.mode, zoom: shown.zoom };
  } finally {
    await page.close();
  }
}
