/**
 * The timeline page's script, run in the browser. It reads its data from the page's JSON script
 * elements and only ever puts vendor text into the page as textContent or a title, never as HTML.
 * Plain browser JavaScript in a string, so that no bundler or test transform can rewrite it.
 */
export const PAGE_SCRIPT = `"use strict";
(() => {
const readJson = (id) => JSON.parse(document.getElementById(id).textContent);
const events = readJson("events");
const colours = readJson("colours");
const eventTypes = readJson("types");
const failed = readJson("failed-vendors");
const byId = (id) => document.getElementById(id);

/** An element with a class and text (vendor text is only ever set this way). */
function make(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}
const colourOf = (vendor) => colours[vendor] || "#6b7280";
const vendors = [...new Set(events.map((e) => e.vendor))];
const types = eventTypes.filter((t) => events.some((e) => e.type === t));
/** The page or element an event is about, as the CLI's table shows it. */
function whereOf(e) {
  const target = e.target && (e.target.label || e.target.name || e.target.selector);
  const page = e.page && (e.page.url || e.page.path);
  if ((e.type === "click" || e.type === "input") && target) return target;
  return page || target || "";
}

// ---- Time: one zone for the whole page, UTC or the browser's own, always named. ----
const SECOND = 1000, MINUTE = 60 * SECOND, HOUR = 60 * MINUTE, DAY = 24 * HOUR;
const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "local time";
const pad = (n, width = 2) => String(n).padStart(width, "0");
function wallClock(t, zone) {
  const d = new Date(t);
  return zone === "utc"
    ? { date: d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate()),
        h: d.getUTCHours(), m: d.getUTCMinutes(), s: d.getUTCSeconds(), ms: d.getUTCMilliseconds() }
    : { date: d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()),
        h: d.getHours(), m: d.getMinutes(), s: d.getSeconds(), ms: d.getMilliseconds() };
}
/** "2025-03-14 11:02:11.000", in the page's zone: the list, the cursor and tooltips all use it. */
function formatTime(t) {
  const c = wallClock(t, state.zone);
  return c.date + " " + pad(c.h) + ":" + pad(c.m) + ":" + pad(c.s) + "." + pad(c.ms, 3);
}
/** Milliseconds to add to an instant to get the zone's wall clock as if it were UTC. */
const zoneOffset = (t) => (state.zone === "utc" ? 0 : -new Date(t).getTimezoneOffset() * MINUTE);
function offsetName(t) {
  const minutes = zoneOffset(t) / MINUTE, sign = minutes < 0 ? "\u2212" : "+";
  return "UTC" + sign + pad(Math.floor(Math.abs(minutes) / 60)) + ":" + pad(Math.abs(minutes) % 60);
}
const zoneName = () => (state.zone === "utc" ? "UTC" : localZone + " (" + offsetName(events[0] ? events[0].timestamp : Date.now()) + ")");
function formatDuration(ms) {
  if (ms < SECOND) return ms + " ms";
  const parts = [[DAY, "d"], [HOUR, "h"], [MINUTE, "min"], [SECOND, "s"]].flatMap(([unit, name]) => {
    const n = Math.floor(ms / unit); ms -= n * unit; return n ? [n + " " + name] : [];
  });
  return parts.slice(0, 2).join(" ");
}

// ---- State: everything the page shows follows from it. ----
const first = events.length ? events[0].timestamp : 0;
const last = events.length ? events[events.length - 1].timestamp : 0;
const span = Math.max(1, last - first);
const state = {
  zone: "utc",
  mode: "time",
  /** The part of the session on screen, as fractions of the whole: 0 is the first event, 1 the last. */
  view: { from: 0, to: 1 },
  selected: -1,
  vendors: new Set(vendors),
  types: new Set(types),
  search: "",
};
/** Where an event sits along the session, from 0 to 1: by its time, or by its place in the list. */
function position(i) {
  if (state.mode === "time") return events.length > 1 ? (events[i].timestamp - first) / span : 0.5;
  return events.length > 1 ? i / (events.length - 1) : 0.5;
}
/** Text the search looks in: every value of the event (names, pages, targets, ids, properties). */
const searchText = events.map((e) => {
  const values = [];
  const walk = (v) => { if (v && typeof v === "object") Object.values(v).forEach(walk); else if (v !== null && v !== undefined) values.push(String(v)); };
  walk(e);
  return values.join("\\n").toLowerCase();
});
const isShown = (i) => state.vendors.has(events[i].vendor) && state.types.has(events[i].type) && (!state.search || searchText[i].includes(state.search));

// ---- The header: summary, failed vendors, filters. ----
function drawSummary() {
  const sub = byId("summary");
  sub.replaceChildren();
  if (!events.length) { sub.append("No events."); return; }
  sub.append(events.length + " events from " + vendors.join(", ") + ", " + formatTime(first) + " to " + formatTime(last) + " ", make("span", "zone", zoneName()), " (" + formatDuration(last - first) + ").");
}
if (failed.length) {
  const box = byId("failed");
  box.hidden = false;
  box.append(make("strong", null, failed.length === 1 ? "1 vendor failed; its events are missing from this page:" : failed.length + " vendors failed; their events are missing from this page:"));
  const list = make("ul");
  for (const f of failed) { const li = make("li"); li.append(make("strong", null, f.vendor), ": " + f.message); list.append(li); }
  box.append(list);
}
/** One checkbox per vendor or type, with its colour or shape and how many events it has. */
function filterBox(groupId, value, chosen, icon) {
  const label = make("label");
  const box = make("input"); box.type = "checkbox"; box.checked = true; box.value = value;
  box.addEventListener("change", () => { if (box.checked) chosen.add(value); else chosen.delete(value); drawAll(); });
  const count = events.filter((e) => e.vendor === value || e.type === value).length;
  label.append(box, icon, value, make("span", "count", String(count)));
  byId(groupId).append(label);
}
for (const v of vendors) { const swatch = make("i", "m swatch"); swatch.style.background = colourOf(v); filterBox("vendor-filter", v, state.vendors, swatch); }
for (const t of types) filterBox("type-filter", t, state.types, make("i", "m s-" + t));
byId("search").addEventListener("input", (e) => { state.search = e.target.value.trim().toLowerCase(); drawAll(); });
for (const radio of document.querySelectorAll("input[name=zone]")) radio.addEventListener("change", () => { state.zone = radio.value; drawAll(); });
byId("zone-local-name").textContent = localZone;
byId("mode").addEventListener("change", (e) => { state.mode = e.target.value; fit(); });

// ---- The chart: a lane per vendor, a marker per event. ----
const track = byId("track"), axis = byId("axis"), cursor = byId("cursor");
byId("labels").append(make("div"));
const lanes = {};
for (const v of vendors) {
  const label = make("div", null, v); label.style.color = colourOf(v); byId("labels").append(label);
  lanes[v] = make("div", "lane"); lanes[v].dataset.vendor = v; byId("lanes").append(lanes[v]);
}
const markers = events.map((e, i) => {
  const marker = make("button", "m s-" + e.type);
  marker.type = "button"; marker.tabIndex = -1; marker.dataset.id = e.id;
  marker.style.background = colourOf(e.vendor);
  marker.addEventListener("click", () => select(i));
  lanes[e.vendor].append(marker);
  return marker;
});
/** Pixels kept free at each end of the track, so markers at the ends are whole. */
const MARGIN = 12;
const trackWidth = () => Math.max(1, track.clientWidth - 2 * MARGIN);
const xOf = (p) => MARGIN + ((p - state.view.from) / (state.view.to - state.view.from)) * trackWidth();
const inView = (p) => p >= state.view.from - 1e-9 && p <= state.view.to + 1e-9;

/** Nice steps between axis ticks, and the least room a tick's label needs. */
const TICK_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 91 * DAY, 365 * DAY];
const TICK_GAP = 175;
/** A tick's label: the date where it changes, then the clock to the precision of the step. */
function tickLabel(t, step, previousDate) {
  const c = wallClock(t, state.zone);
  let clock = pad(c.h) + ":" + pad(c.m);
  if (step < MINUTE) clock += ":" + pad(c.s);
  if (step < SECOND) clock += "." + pad(c.ms, 3);
  if (step >= DAY) return c.date;
  return c.date === previousDate ? clock : c.date + " " + clock;
}
/** Ticks at round times of the page's zone (by time), or at events' times (by order). */
function ticks() {
  const out = [];
  if (!events.length) return out;
  if (state.mode === "order") {
    const count = Math.max(1, Math.floor(trackWidth() / TICK_GAP));
    for (let k = 0; k < count; k++) {
      const p = state.view.from + (k / count) * (state.view.to - state.view.from);
      out.push({ x: xOf(p), text: formatTime(events[Math.round(p * (events.length - 1))].timestamp) });
    }
    return out;
  }
  const from = first + state.view.from * span, to = first + state.view.to * span;
  const msPerPixel = (to - from) / trackWidth();
  const step = TICK_STEPS.find((s) => s / msPerPixel >= TICK_GAP) || TICK_STEPS[TICK_STEPS.length - 1];
  const offset = zoneOffset(from);
  let previousDate = "";
  for (let t = Math.ceil((from - MARGIN * msPerPixel + offset) / step) * step - offset; t <= to; t += step) {
    const text = tickLabel(t, step, previousDate);
    previousDate = wallClock(t, state.zone).date;
    out.push({ x: xOf((t - first) / span), text });
  }
  return out;
}
function drawChart() {
  events.forEach((e, i) => {
    const p = position(i);
    markers[i].hidden = !isShown(i) || !inView(p);
    markers[i].style.left = xOf(p) + "px";
    markers[i].title = formatTime(e.timestamp) + " " + zoneName() + "\\n" + e.vendor + "  " + e.type + "\\n" + e.name + (whereOf(e) ? "\\n" + whereOf(e) : "");
  });
  axis.replaceChildren(...ticks().filter((t) => t.x >= 0).map((t) => { const tick = make("span", "tick", t.text); tick.style.left = t.x + "px"; return tick; }));
  byId("labels").firstChild.textContent = state.zone === "utc" ? "UTC" : localZone;
  // The selected event's time on the axis, in the same zone and format as its row in the list.
  const p = state.selected >= 0 ? position(state.selected) : NaN;
  cursor.hidden = !(state.selected >= 0 && isShown(state.selected) && inView(p));
  if (!cursor.hidden) {
    cursor.style.left = xOf(p) - 1 + "px";
    cursor.firstChild.textContent = formatTime(events[state.selected].timestamp);
    cursor.classList.toggle("flip", xOf(p) > track.clientWidth / 2);
  }
}

// ---- Zoom and pan: the view is a window onto the session, never wider than all of it. ----
const GAP = 24;
/** The zoom at which no two markers of a lane are closer than GAP px; Infinity for same-instant events. */
function zoomToSeparate(mode) {
  const saved = state.mode; state.mode = mode;
  let zoom = 1;
  for (const v of vendors) {
    const ps = events.flatMap((e, i) => (e.vendor === v ? [position(i)] : [])).sort((a, b) => a - b);
    for (let k = 1; k < ps.length; k++) zoom = Math.max(zoom, GAP / ((ps[k] - ps[k - 1]) * trackWidth()));
  }
  state.mode = saved;
  return zoom;
}
const MAX_ZOOM = 100000;
const maxZoom = () => Math.min(MAX_ZOOM, Math.max(8, 4 * zoomToSeparate(state.mode)));
function setView(from, to) {
  const width = Math.min(1, Math.max(1 / maxZoom(), to - from));
  const centre = (from + to) / 2;
  from = Math.min(1 - width, Math.max(0, centre - width / 2));
  state.view = { from, to: from + width };
  track.dataset.zoom = String(1 / width);
  drawChart();
}
/** Zooms by factor (above 1: in) around a point of the track, as a fraction of its width. */
function zoomBy(factor, anchor = 0.5) {
  const { from, to } = state.view;
  const at = from + anchor * (to - from), width = (to - from) / factor;
  setView(at - anchor * width, at - anchor * width + width);
}
/** Pans by a fraction of the view's width (positive: later). */
function panBy(fraction) {
  const { from, to } = state.view, shift = fraction * (to - from);
  setView(from + shift, to + shift);
}
function fit() { setView(0, 1); }
const anchorOf = (clientX) => Math.min(1, Math.max(0, (clientX - track.getBoundingClientRect().left - MARGIN) / trackWidth()));
track.addEventListener("wheel", (e) => {
  e.preventDefault();
  if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) panBy((e.deltaX || e.deltaY) / trackWidth());
  else zoomBy(Math.exp(-e.deltaY / 300), anchorOf(e.clientX));
}, { passive: false });
let drag = null;
track.addEventListener("pointerdown", (e) => {
  if (e.button !== 0 || e.target.classList.contains("m")) return;
  drag = { x: e.clientX, view: state.view };
  track.setPointerCapture(e.pointerId); track.classList.add("dragging");
});
track.addEventListener("pointermove", (e) => {
  if (!drag) return;
  const shift = ((drag.x - e.clientX) / trackWidth()) * (drag.view.to - drag.view.from);
  setView(drag.view.from + shift, drag.view.to + shift);
});
const endDrag = () => { drag = null; track.classList.remove("dragging"); };
track.addEventListener("pointerup", endDrag); track.addEventListener("pointercancel", endDrag);
byId("zoom-in").addEventListener("click", () => zoomBy(2));
byId("zoom-out").addEventListener("click", () => zoomBy(0.5));
byId("fit").addEventListener("click", fit);

// ---- The list: a row per event, filtered and searched with the chart. ----
const rows = events.map((e, i) => {
  const row = make("tr"); row.dataset.id = e.id;
  const cells = [make("td"), make("td", null, e.vendor), make("td"), make("td", null, e.name), make("td", null, whereOf(e))];
  const swatch = make("i", "m swatch"); swatch.style.background = colourOf(e.vendor); cells[1].prepend(swatch, " ");
  cells[2].append(make("i", "m s-" + e.type), " " + e.type);
  for (const cell of cells.slice(1)) cell.title = cell.textContent.trim();
  row.append(...cells);
  row.addEventListener("click", () => select(i));
  return row;
});
byId("rows").append(...rows);
function drawList() {
  let shown = 0;
  events.forEach((e, i) => {
    rows[i].hidden = !isShown(i);
    if (!rows[i].hidden) shown++;
    rows[i].firstChild.textContent = formatTime(e.timestamp);
  });
  byId("time-heading").textContent = "Time (" + (state.zone === "utc" ? "UTC" : localZone) + ")";
  byId("shown").textContent = shown === events.length ? events.length + " events" : shown + " of " + events.length + " events";
  byId("no-rows").hidden = shown > 0;
}

// ---- Selection: a row and its marker together, with every field of the event. ----
function select(i) {
  if (state.selected >= 0) { markers[state.selected].classList.remove("sel"); rows[state.selected].classList.remove("sel"); }
  state.selected = i;
  markers[i].classList.add("sel"); rows[i].classList.add("sel");
  byId("detail").textContent = JSON.stringify(events[i], null, 2);
  rows[i].scrollIntoView({ block: "nearest" });
  const p = position(i);
  // Bring the marker into view, keeping the zoom, when it is outside.
  if (!inView(p)) { const half = (state.view.to - state.view.from) / 2; setView(p - half, p + half); }
  else drawChart();
}
/** The next or previous event the filters show, from the selected one. */
function step(direction) {
  for (let i = state.selected + direction; i >= 0 && i < events.length; i += direction) if (isShown(i)) return select(i);
  if (state.selected < 0) { const i = direction > 0 ? events.findIndex((_, k) => isShown(k)) : -1; if (i >= 0) select(i); }
}
document.addEventListener("keydown", (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || e.target.matches("input, select, textarea")) return;
  const keys = { "+": () => zoomBy(2), "=": () => zoomBy(2), "-": () => zoomBy(0.5), "0": fit,
    ArrowLeft: () => panBy(-0.25), ArrowRight: () => panBy(0.25), ArrowDown: () => step(1), ArrowUp: () => step(-1),
    j: () => step(1), k: () => step(-1), "/": () => byId("search").focus() };
  const action = keys[e.key];
  if (action) { e.preventDefault(); action(); }
});

function drawAll() { drawSummary(); drawList(); drawChart(); }
// Spaced by time unless events are days apart (vendors' logs of different visits) or too close to
// tell apart even at 40x zoom: then spaced by order, so that zooming in can always separate them.
const MAX_TIME_ZOOM = 40;
if (last - first > DAY || zoomToSeparate("time") > MAX_TIME_ZOOM) state.mode = "order";
byId("mode").value = state.mode;
drawSummary(); drawList(); fit();
window.addEventListener("resize", drawChart);
})();
`;
