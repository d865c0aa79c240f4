import {
  compact,
  type EventMapping,
  type IdentityHash,
  InvalidEventError,
  invalidBody,
  isRecord,
  type NormalizeOptions,
  newEvent,
  normalizeEvents,
  type SessionEvent,
  type SessionEventType,
  text,
} from "@sessiontrail/core";
import type { components } from "./generated/schema.js";

type EventEntry = components["schemas"]["EventEntry"];

/** Options of {@link normalizeOpenReplayEvents}: the shared ones, nothing vendor-specific. */
export interface OpenReplayNormalizeOptions extends NormalizeOptions {}

const VENDOR = "openreplay";

// The server runs every string of the response through Go's html.EscapeString, which writes
// exactly five entities. Undo them once, left to right, so `&amp;lt;` becomes `&lt;`; any other
// `&...;` is the sender's own text. A hand-written scan: most strings have no `&` at all.
// Unescaped texts of the response being normalized; cleared when each call ends, so nothing
// outlives a response. The same URLs and titles come back on event after event.
const unescaped = new Map<string, string>();
const UNESCAPED_MAX = 4096;

function unescapeHtml(text: string): string {
  const amp = text.indexOf("&");
  if (amp === -1) return text;
  const known = unescaped.get(text);
  if (known !== undefined) return known;
  const result = unescapeFrom(text, amp);
  if (unescaped.size >= UNESCAPED_MAX) unescaped.clear();
  unescaped.set(text, result);
  return result;
}

function unescapeFrom(text: string, first: number): string {
  let amp = first;
  let out = "";
  let done = 0;
  while (amp !== -1) {
    const entity = entityAt(text, amp);
    if (entity === undefined) {
      amp = text.indexOf("&", amp + 1);
      continue;
    }
    out += text.slice(done, amp) + entity;
    done = amp + (entity === "&" || entity === "'" || entity === '"' ? 5 : 4);
    amp = text.indexOf("&", done);
  }
  return out + text.slice(done);
}

/** The character escaped by the entity starting at `at` (an `&`), if it is one of the five. */
function entityAt(text: string, at: number): string | undefined {
  switch (text.charCodeAt(at + 1)) {
    case 97: // a
      return text.startsWith("mp;", at + 2) ? "&" : undefined;
    case 108: // l
      return text.startsWith("t;", at + 2) ? "<" : undefined;
    case 103: // g
      return text.startsWith("t;", at + 2) ? ">" : undefined;
    case 35: // #
      if (text.charCodeAt(at + 2) !== 51 || text.charCodeAt(at + 4) !== 59) return undefined; // &#3?;
      switch (text.charCodeAt(at + 3)) {
        case 57: // &#39;
          return "'";
        case 52: // &#34;
          return '"';
        default:
          return undefined;
      }
    default:
      return undefined;
  }
}

/** Whether a JSON value holds a string or object key with an `&` (allocates nothing). */
function hasAmpersand(value: unknown): boolean {
  if (typeof value === "string") return value.indexOf("&") !== -1;
  if (value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (hasAmpersand(value[i])) return true;
    return false;
  }
  for (const key in value) {
    if (key.indexOf("&") !== -1 || hasAmpersand((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** A JSON value with every string and object key unescaped; untouched subtrees are shared. */
function unescapeValue(value: unknown): unknown {
  if (typeof value === "string") return value.indexOf("&") === -1 ? value : unescapeHtml(value);
  if (value === null || typeof value !== "object" || !hasAmpersand(value)) return value;
  if (Array.isArray(value)) return value.map(unescapeValue);
  return unescapedProperties(value as Record<string, unknown>);
}

/**
 * A vendor property map as a fresh plain object with every string (keys too) unescaped.
 *
 * The copy is an object spread rather than copyProperties: spread defines every key with
 * CreateDataProperty, exactly as copyProperties' Object.fromEntries does (`__proto__` becomes an
 * own key, no prototype is touched), and is tens of times faster than building an entries array
 * per event. Unescaped values then replace values of keys the copy already owns, which is
 * redefining an own data property, never a prototype lookup.
 */
function unescapedProperties(value: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...value };
  for (const key in copy) {
    if (key.indexOf("&") !== -1) {
      // Rare: an escaped key. Rebuild, as keys cannot be renamed in place.
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [unescapeHtml(k), unescapeValue(v)]));
    }
    const item = copy[key];
    const next = unescapeValue(item);
    if (next !== item) Object.defineProperty(copy, key, { value: next });
  }
  return copy;
}

function hasKeys(value: object): boolean {
  for (const _ in value) return true;
  return false;
}

/** A non-empty string field, unescaped. */
function unescapedText(value: unknown): string | undefined {
  const found = text(value);
  return found === undefined ? undefined : unescapeHtml(found);
}

/** A screen dimension; 0 is the column's default for "unknown". */
function dimension(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** The path of an absolute URL without query and fragment, as ClickHouse's path() (which fills `$current_path`). */
function pathOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const scheme = url.indexOf("://");
  if (scheme === -1) return undefined;
  let start = scheme + 3;
  while (start < url.length) {
    const c = url.charCodeAt(start);
    if (c === 47 /* / */) break;
    if (c === 63 /* ? */ || c === 35 /* # */) return undefined;
    start++;
  }
  if (start >= url.length) return undefined;
  return withoutQuery(url.slice(start));
}

function withoutQuery(path: string | undefined): string | undefined {
  if (!path) return undefined;
  let end = path.length;
  const query = path.indexOf("?");
  if (query !== -1) end = query;
  const hash = path.indexOf("#");
  if (hash !== -1 && hash < end) end = hash;
  return end === path.length ? path : path.slice(0, end);
}

// Names OpenReplay's own trackers write (backend/pkg/db/clickhouse/connector.go), plus the docs'
// illustrative `$pageview`/`$click`. A Map, so that a custom event named `constructor` is no hit.
const KNOWN_TYPES = new Map<string, SessionEventType>([
  ["LOCATION", "page_view"],
  ["CLICK", "click"],
  ["INPUT", "input"],
  ["ERROR", "error"],
  // Mobile trackers: a tap is the click of a touch screen, a crash is an error, and CUSTOM is the
  // mobile SDK's custom event (its own name is in $properties.name) although marked auto-captured.
  ["TAP", "click"],
  ["CRASH", "error"],
  ["CUSTOM", "custom"],
  ["$pageview", "page_view"],
  ["$click", "click"],
]);

const AUTO_CAPTURED_NAME = /^[A-Z][A-Z0-9_]*$/;

function eventType(name: string, autoCaptured: unknown): SessionEventType {
  // An app's custom event keeps type custom even when it is named like a tracker event.
  if (autoCaptured === false) return "custom";
  const known = KNOWN_TYPES.get(name);
  if (known) return known;
  if (autoCaptured === true) return "other";
  // $auto_captured not requested: upper-case names are the trackers' (PERFORMANCE, REQUEST,
  // ISSUE, GRAPHQL, SWIPE...), `$`-names are the reserved system namespace of the docs' model.
  if (AUTO_CAPTURED_NAME.test(name) || name.startsWith("$")) return "other";
  return "custom";
}

function toEvent(event: EventEntry): SessionEvent {
  const createdAt: unknown = event.created_at;
  if (typeof createdAt !== "number" || !Number.isInteger(createdAt)) {
    throw new InvalidEventError("has no created_at (integer epoch milliseconds)");
  }
  const rawName: unknown = event.$event_name;
  if (typeof rawName !== "string") throw new InvalidEventError("has no $event_name string");
  const name = unescapeHtml(rawName);
  const type = eventType(name, event.$auto_captured);

  const custom = isRecord(event.properties) ? event.properties : undefined;
  const auto = isRecord(event.$properties) ? event.$properties : undefined;

  // Each part is built only when something is there: most responses carry base fields only.
  const url = unescapedText(event.$current_url) || unescapedText(auto?.url);
  const path =
    unescapedText(event.$current_path) ||
    pathOf(url) ||
    withoutQuery(unescapedText(auto?.url_path)) ||
    (type === "page_view" ? unescapedText(custom?.path) : undefined);
  const title = unescapedText(auto?.page_title);
  const referrer = unescapedText(event.$referrer);
  const page = url || path || title || referrer ? compact({ url, path, title, referrer }) : undefined;

  const label = unescapedText(auto?.label);
  const selector = unescapedText(auto?.selector);
  // Only clicks and inputs act on an element; an incident's label names the incident.
  const target =
    (type === "click" || type === "input") && (label || selector) ? compact({ label, selector }) : undefined;

  const width = dimension(event.$screen_width);
  const height = dimension(event.$screen_height);
  const utmSource = unescapedText(event.utm_source);
  const utmMedium = unescapedText(event.utm_medium);
  const utmCampaign = unescapedText(event.utm_campaign);
  const screen = width || height ? compact({ width, height }) : undefined;
  const campaign =
    utmSource || utmMedium || utmCampaign
      ? compact({ source: utmSource, medium: utmMedium, name: utmCampaign })
      : undefined;
  const browser = unescapedText(event.$browser);
  const browserVersion = unescapedText(event.$browser_version);
  const os = unescapedText(event.$os);
  const osVersion = unescapedText(event.$os_version);
  const device = unescapedText(event.$device);
  const country = unescapedText(event.$country);
  const city = unescapedText(event.$city);
  const context =
    browser || browserVersion || os || osVersion || device || country || city || screen || campaign
      ? compact({ browser, browserVersion, os, osVersion, device, country, city, screen, campaign })
      : undefined;

  // distinct_id is the tracker's user id when one was set, else the anonymous device UUID (the
  // same value as $device_id). `$user_id: ""` (a String column) says the user was not identified.
  const userIdColumn: unknown = event.$user_id;
  const distinctId = unescapedText(event.distinct_id);
  const deviceIdColumn = unescapedText(event.$device_id);
  const anonymous = userIdColumn === "";
  const userId =
    unescapedText(userIdColumn) || (anonymous || distinctId === deviceIdColumn ? undefined : distinctId);
  const deviceId = deviceIdColumn ?? (anonymous ? distinctId : undefined);
  const sessionId = unescapedText(event.session_id);
  const vendorId = unescapedText(event.event_id);

  const properties = custom ? unescapedProperties(custom) : {};
  if (auto) {
    const autoProperties = unescapedProperties(auto);
    if (hasKeys(autoProperties)) properties.$properties = autoProperties;
  }

  const normalized = newEvent(VENDOR, vendorId ?? "", type, name, createdAt, properties);
  if (sessionId) normalized.sessionId = sessionId;
  if (userId) normalized.userId = userId;
  if (deviceId) normalized.deviceId = deviceId;
  if (page) normalized.page = page;
  if (target) normalized.target = target;
  if (context) normalized.context = context;
  return normalized;
}

/** For events without an event_id: session, instant, name, and the element and page acted on. */
function identityOf(entry: EventEntry, event: SessionEvent, hash: IdentityHash): void {
  const auto = isRecord(entry.$properties) ? entry.$properties : undefined;
  hash.text(event.sessionId);
  hash.text("\u0000");
  hash.number(event.timestamp);
  hash.text("\u0000");
  hash.text(event.name);
  hash.text("\u0000");
  hash.text(unescapedText(auto?.label));
  hash.text("\u0000");
  hash.text(unescapedText(auto?.selector));
  hash.text("\u0000");
  hash.text(unescapedText(entry.$current_url) || unescapedText(auto?.url));
}

const mapping: EventMapping<EventEntry> = { event: toEvent, identity: identityOf };

/**
 * Normalizes the whole 200 body of OpenReplay's session events search (`{data: {total, events}}`)
 * into SessionEvents, undoing the server's HTML escaping of every string.
 *
 * - `created_at` (epoch ms) is the instant; `event_id` the id; `session_id` stays a string.
 * - LOCATION/`$pageview` -> page_view, CLICK/TAP/`$click` -> click, INPUT -> input, ERROR/CRASH
 *   -> error; other tracker (upper-case or `$auto_captured`) events -> other; the rest -> custom.
 * - Custom `properties` are the top level of `properties`; the auto-captured `$properties` map is
 *   kept whole under the key `$properties`.
 */
export function normalizeOpenReplayEvents(
  body: unknown,
  options?: OpenReplayNormalizeOptions,
): SessionEvent[] {
  if (!isRecord(body)) throw invalidBody(VENDOR, "expected an object with a data envelope", body);
  const data: unknown = body.data;
  if (!isRecord(data)) throw invalidBody(VENDOR, "data is not an object", body);
  const events: unknown = data.events;
  if (!Array.isArray(events)) throw invalidBody(VENDOR, "data.events is not an array", body);
  try {
    return normalizeEvents(VENDOR, events as EventEntry[], options, mapping);
  } finally {
    unescaped.clear();
  }
}
