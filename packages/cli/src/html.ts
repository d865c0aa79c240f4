// One self-contained HTML page of a timeline: inline CSS and JS, the events embedded as JSON, and a
// Content-Security-Policy that forbids every network load. Vendor text is only ever set as textContent.
import type { SessionEvent } from "@sessiontrail/core";
import { vendorDescriptors } from "./registry.ts";

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

const CSS = `
:root{font:14px/1.4 system-ui,sans-serif;color:#1f2937;background:#f9fafb}
body{margin:0;padding:16px 24px}h1{font-size:18px;margin:0 0 4px}.sub{color:#6b7280;margin-bottom:12px}
.bar{display:flex;gap:16px;align-items:center;flex-wrap:wrap;margin-bottom:8px}
.legend{display:flex;gap:12px;flex-wrap:wrap}.legend span{display:inline-flex;gap:4px;align-items:center}
.chart{display:grid;grid-template-columns:110px 1fr;border:1px solid #e5e7eb;background:#fff;border-radius:6px}
.labels div{height:44px;display:flex;align-items:center;padding-left:10px;font-weight:600;border-top:1px solid #f3f4f6}
.labels div:first-child{height:28px;border:0}.scroll{overflow-x:auto}.track{position:relative;min-width:100%}
.axis{height:28px;position:relative;border-bottom:1px solid #e5e7eb}
.tick{position:absolute;top:4px;font-size:11px;color:#6b7280;white-space:nowrap;border-left:1px solid #d1d5db;padding-left:3px}
.tick.end{transform:translateX(-100%);border-left:0;border-right:1px solid #d1d5db;padding:0 3px 0 0}
.lane{height:44px;position:relative;border-top:1px solid #f3f4f6}
.m{position:absolute;top:14px;width:16px;height:16px;margin-left:-8px;cursor:pointer;border:0;padding:0}
.m:hover,.m.sel{transform:scale(1.5);z-index:2;outline:2px solid #111}
.s-page_view{border-radius:50%}.s-input{clip-path:polygon(50% 0,100% 50%,50% 100%,0 50%)}
.s-form_submit{clip-path:polygon(50% 0,100% 100%,0 100%)}.s-navigation{clip-path:polygon(0 0,100% 50%,0 100%)}
.s-custom{clip-path:polygon(50% 0,61% 35%,98% 35%,68% 57%,79% 91%,50% 70%,21% 91%,32% 57%,2% 35%,39% 35%)}
.s-error{clip-path:polygon(20% 0,50% 30%,80% 0,100% 20%,70% 50%,100% 80%,80% 100%,50% 70%,20% 100%,0 80%,30% 50%,0 20%)}
.s-identify{clip-path:polygon(25% 0,75% 0,100% 50%,75% 100%,25% 100%,0 50%)}.s-other{border-radius:50%;transform:scale(.6)}
.legend .m{position:static;margin:0;background:#6b7280;cursor:default}.legend .m:hover{transform:none;outline:0}
#detail{margin-top:12px;background:#fff;border:1px solid #e5e7eb;border-radius:6px;padding:12px;white-space:pre-wrap;font:12px/1.5 ui-monospace,monospace;min-height:3em}
`;

const JS = `
const events = JSON.parse(document.getElementById("events").textContent);
const colours = JSON.parse(document.getElementById("colours").textContent);
const $ = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
const vendors = [...new Set(events.map((e) => e.vendor))];
const pad = (n, w = 2) => String(n).padStart(w, "0");
const local = (t) => { const d = new Date(t); return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " " + pad(d.getHours()) + ":" + pad(d.getMinutes()) + ":" + pad(d.getSeconds()) + "." + pad(d.getMilliseconds(), 3); };
const where = (e) => (e.target && (e.target.label || e.target.name || e.target.selector)) || (e.page && (e.page.url || e.page.path)) || "";
const colour = (v) => colours[v] || "#6b7280";
const labels = document.getElementById("labels"), lanesEl = document.getElementById("lanes"), axis = document.getElementById("axis");
const track = document.getElementById("track"), detail = document.getElementById("detail");
const legend = document.getElementById("legend");
for (const v of vendors) { const s = $("span"); const m = $("i", "m"); m.style.background = colour(v); m.style.borderRadius = "3px"; s.append(m, v); legend.append(s); }
for (const t of ["page_view","click","input","form_submit","navigation","custom","error","identify","other"]) { const s = $("span"); s.append($("i", "m s-" + t), t); legend.append(s); }
labels.append($("div"));
const lanes = {};
for (const v of vendors) { const l = $("div", null, v); l.style.color = colour(v); labels.append(l); lanes[v] = $("div", "lane"); lanes[v].dataset.vendor = v; lanesEl.append(lanes[v]); }
let selected;
const markers = events.map((e, i) => {
  const m = $("button", "m s-" + e.type); m.dataset.id = e.id; m.style.background = colour(e.vendor);
  m.title = local(e.timestamp) + "  " + e.vendor + "  " + e.type + "\\n" + e.name + (where(e) ? "\\n" + where(e) : "");
  m.onclick = () => { if (selected) selected.classList.remove("sel"); selected = m; m.classList.add("sel"); detail.textContent = JSON.stringify(e, null, 2); };
  lanes[e.vendor].append(m); return m;
});
const min = events.reduce((m, e) => Math.min(m, e.timestamp), events.length ? Infinity : 0);
const max = events.reduce((m, e) => Math.max(m, e.timestamp), events.length ? -Infinity : 1), span = Math.max(1, max - min);
const modeEl = document.getElementById("mode"), zoomEl = document.getElementById("zoom");
// Where an event sits along the track, from 0 to 1: by its time, or by its place in the timeline.
const at = (mode, e, i) => mode === "time" ? (e.timestamp - min) / span : events.length > 1 ? i / (events.length - 1) : 0.5;
// The zoom at which no two markers of a lane are closer than GAP px (markers are 16 px wide), so
// every event stays visible and clickable; Infinity when two share an instant in "time" mode.
const GAP = 20;
function zoomFor(mode) {
  const width = track.parentElement.clientWidth * 0.98;
  let zoom = 1;
  for (const v of vendors) {
    const xs = events.flatMap((e, i) => (e.vendor === v ? [at(mode, e, i)] : [])).sort((a, b) => a - b);
    for (let k = 1; k < xs.length; k++) zoom = Math.max(zoom, GAP / ((xs[k] - xs[k - 1]) * width));
  }
  return zoom;
}
function layout() {
  const mode = modeEl.value, zoom = Number(zoomEl.value);
  track.style.width = (100 * zoom) + "%";
  events.forEach((e, i) => { markers[i].style.left = (1 + 98 * at(mode, e, i)) + "%"; });
  axis.replaceChildren();
  const n = Math.min(events.length, Math.floor(track.clientWidth / 320) + 1);
  for (let k = 0; k < n; k++) {
    const f = n > 1 ? k / (n - 1) : 0; // labels about 150 px wide: at least 320 px apart
    const t = mode === "time" ? min + f * span : events[Math.round(f * (events.length - 1))].timestamp;
    const tick = $("span", "tick", local(t)); tick.style.left = (1 + 98 * f) + "%";
    if (k === n - 1 && n > 1) tick.classList.add("end");
    axis.append(tick);
  }
}
// Zoomed in just enough to keep each lane's markers apart (the slider can zoom out again).
function fit() { zoomEl.value = String(Math.min(Number(zoomEl.max), Math.ceil(zoomFor(modeEl.value)))); layout(); }
// Events spaced by time unless they are days apart (vendors' logs of different visits) or too close
// to tell apart even at 40x: then evenly spaced, in order, zoomed so that markers never overlap.
const MAX_TIME_ZOOM = 40;
zoomEl.max = String(Math.max(MAX_TIME_ZOOM, Math.ceil(zoomFor("order"))));
if (span > 86400000 || zoomFor("time") > MAX_TIME_ZOOM) modeEl.value = "order";
modeEl.onchange = fit; zoomEl.oninput = layout; window.onresize = layout;
fit();
`;

/** The whole page. Events should be in timeline order (as `mergeTimelines` yields them). */
export function timelineHtml(events: readonly SessionEvent[], title = "sessiontrail timeline"): string {
  const vendors = [...new Set(events.map((e) => e.vendor))];
  const first = events[0]?.time ?? "";
  const last = events.at(-1)?.time ?? "";
  const summary = `${events.length} events from ${vendors.join(", ") || "no vendor"}${first ? `, ${first} to ${last} (UTC)` : ""}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${CSS}</style></head>
<body><h1>${escapeHtml(title)}</h1><div class="sub">${escapeHtml(summary)}. Hover a marker for a summary, click it for every field.</div>
<div class="bar"><label>spacing <select id="mode"><option value="time">by time</option><option value="order">by order</option></select></label>
<label>zoom <input id="zoom" type="range" min="1" max="40" value="1"></label><div class="legend" id="legend"></div></div>
<div class="chart"><div class="labels" id="labels"></div><div class="scroll"><div class="track" id="track"><div class="axis" id="axis"></div><div id="lanes"></div></div></div></div>
<pre id="detail">Click an event.</pre>
<script id="events" type="application/json">${scriptJson(events)}</script>
<script id="colours" type="application/json">${scriptJson(VENDOR_COLOURS)}</script>
<script>${JS}</script>
</body></html>
`;
}
