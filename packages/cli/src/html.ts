// One self-contained HTML page of a timeline: inline CSS and JS, the events embedded as JSON, and a
// Content-Security-Policy that forbids every network load. Vendor text is only ever set as textContent.
import { type SessionEvent, sessionEventTypes } from "@sessiontrail/core";
import { PAGE_SCRIPT } from "./html/script.ts";
import { PAGE_CSS } from "./html/style.ts";
import { vendorDescriptors } from "./registry.ts";

/** A vendor whose events could not be fetched, and why (one line, as the CLI prints it). */
export interface FailedVendor {
  /** The vendor's short name, e.g. `fullstory`. */
  vendor: string;
  /** What went wrong, one line. */
  message: string;
}

/** What `timelineHtml` puts on the page besides the events. */
export interface TimelineHtmlOptions {
  /** The page's title and heading; default "sessiontrail timeline". */
  title?: string | undefined;
  /** Vendors that failed: named at the top of the page, so a missing lane is not mistaken for silence. */
  failed?: readonly FailedVendor[] | undefined;
}

/** Each vendor's lane colour, from its descriptor; a vendor without one is drawn grey. */
const VENDOR_COLOURS: Record<string, string> = Object.fromEntries(
  vendorDescriptors.map((d) => [d.name, d.timeline.colour]),
);

/** JSON that is safe inside a <script> element: no `<`, `>` or `&` survives unescaped. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The whole page. Events should be in timeline order (as `mergeTimelines` yields them). The second
 * argument is the options, or (as before options existed) the title alone.
 */
export function timelineHtml(
  events: readonly SessionEvent[],
  options: TimelineHtmlOptions | string = {},
): string {
  const { title = "sessiontrail timeline", failed = [] } =
    typeof options === "string" ? { title: options } : options;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${PAGE_CSS}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<div class="sub" id="summary"></div>
<div id="failed" role="alert" hidden></div>
<div class="bar">
  <span class="group" role="radiogroup" aria-label="time zone">times in
    <label><input type="radio" name="zone" value="utc" checked>UTC</label>
    <label><input type="radio" name="zone" value="local">local: <span id="zone-local-name"></span></label></span>
  <label>spacing <select id="mode"><option value="time">by time</option><option value="order">by order</option></select></label>
  <span class="group"><button class="tool" id="zoom-out" type="button" title="zoom out (-)">\u2212</button><button class="tool" id="zoom-in" type="button" title="zoom in (+)">+</button><button class="tool" id="fit" type="button" title="show every event (0)">fit</button></span>
  <span class="keys">wheel or +/\u2212 to zoom, drag or \u2190/\u2192 to pan, 0 to fit, \u2191/\u2193 for the previous or next event</span>
</div>
<div class="bar"><span class="group" id="vendor-filter" aria-label="vendors"></span></div>
<div class="bar"><span class="group" id="type-filter" aria-label="event types"></span></div>
<div class="chart"><div class="labels" id="labels"></div>
<div class="track" id="track"><div class="axis" id="axis"></div><div id="lanes"></div><div id="cursor" hidden><span></span></div></div></div>
<div class="panes">
  <section><div class="bar"><h2>Events</h2><input type="search" id="search" placeholder="search names, pages, ids, properties (/)" aria-label="search"><span id="shown"></span></div>
    <div class="list"><table id="list"><colgroup><col class="col-time"><col class="col-vendor"><col class="col-type"><col><col></colgroup>
    <thead><tr><th id="time-heading">Time</th><th>Vendor</th><th>Type</th><th>Name</th><th>Page / target</th></tr></thead>
    <tbody id="rows"></tbody></table><div class="empty" id="no-rows" hidden>No event matches.</div></div></section>
  <section class="details"><h2>Every field</h2><pre id="detail">Click an event in the list or on the chart.</pre></section>
</div>
<script id="events" type="application/json">${scriptJson(events)}</script>
<script id="colours" type="application/json">${scriptJson(VENDOR_COLOURS)}</script>
<script id="types" type="application/json">${scriptJson(sessionEventTypes)}</script>
<script id="failed-vendors" type="application/json">${scriptJson(failed)}</script>
<script>${PAGE_SCRIPT}</script>
</body></html>
`;
}
