import {
  compact,
  type EventMapping,
  excerpt,
  InvalidEventError,
  invalidBody,
  isRecord,
  type NormalizeOptions,
  newEvent,
  normalizeEvents,
  readTimestamp,
  type SessionEvent,
  type SessionEventType,
  text,
  utmCampaign,
} from "@sessiontrail/core";
import { chainSelector, parseElementsChain } from "./elements-chain.ts";

const vendor = "posthog";

/** The columns a row must have: the event's id, name and instant. */
export const requiredColumns = ["uuid", "event", "timestamp"] as const;

/**
 * One row of the query's answer, by column name (`uuid`, `event`, `timestamp`, `distinct_id`,
 * `person_id`, `properties`, `elements_chain`, and any other column selected): what `raw` holds.
 */
export type PostHogEventRow = Record<string, unknown>;

/** Options of `normalizePostHogEvents`: core's `NormalizeOptions`, and the session the body was fetched for. */
export interface PostHogNormalizeOptions extends NormalizeOptions {
  /** The session the body was fetched for, used when an event's properties lack `$session_id`. */
  sessionId?: string | undefined;
}

// `$autocapture`'s `$event_type` (posthog-js): what the user did to the element.
const autocaptureTypes: ReadonlyMap<string, SessionEventType> = new Map([
  ["click", "click"],
  ["change", "input"],
  ["submit", "form_submit"],
]);

// PostHog's own events (`$`-prefixed); every other `$` event is `other`, every other name `custom`.
const eventTypes: ReadonlyMap<string, SessionEventType> = new Map([
  ["$pageview", "page_view"],
  // Mobile SDKs send a screen view where the web sends a page view.
  ["$screen", "page_view"],
  ["$pageleave", "navigation"],
  ["$identify", "identify"],
  ["$exception", "error"],
  ["$rageclick", "click"],
  ["$dead_click", "click"],
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a UUID as PostHog renders one. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** The column index of each name in `columns`, checked: the body's `columns` must name the rows. */
export function columnIndex(body: Record<string, unknown>): Map<string, number> {
  const { columns } = body;
  if (!Array.isArray(columns) || !columns.every((c) => typeof c === "string")) {
    throw invalidBody(vendor, "columns is not an array of column names", body);
  }
  // A name given twice is read from its last column, as `rowObject` keeps it.
  const index = new Map(columns.map((name: string, i) => [name, i] as const));
  const missing = requiredColumns.filter((name) => !index.has(name));
  if (missing.length > 0) throw invalidBody(vendor, `columns lack ${missing.join(", ")}`, body);
  return index;
}

/** The rows of a 200 body; throws `invalid_response` for a body that is not PostHog's query answer. */
export function rowsOf(body: unknown): { rows: unknown[]; columns: string[]; index: Map<string, number> } {
  if (!isRecord(body)) {
    throw invalidBody(vendor, `expected an object, got ${body === null ? "null" : typeof body}`, body);
  }
  if (!Array.isArray(body.results)) throw invalidBody(vendor, "results is not an array of rows", body);
  const index = columnIndex(body);
  return { rows: body.results, columns: body.columns as string[], index };
}

/** A row as an object keyed by column name (own keys only: a column named `__proto__` stays data). */
function rowObject(row: unknown, names: readonly string[]): unknown {
  if (!Array.isArray(row)) return row;
  return Object.fromEntries(names.map((name, i) => [name, row[i]]));
}

/** `properties` as PostHog sends it: a JSON string from HogQL, an object from older answers. */
function propertiesOf(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined || value === "") return {};
  if (isRecord(value)) return { ...value };
  if (typeof value === "string") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new InvalidEventError(`has properties that are not JSON: ${excerpt(value)}`);
    }
    // JSON.parse defines `__proto__` as an own key; spreading keeps it one.
    if (isRecord(parsed)) return { ...parsed };
  }
  throw new InvalidEventError("has properties that are not an object");
}

/** A property as display text: strings as they are, numbers (posthog-js's `$browser_version`) in decimal. */
function label(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return text(value);
}

const positive = (value: unknown) =>
  typeof value === "number" && Number.isFinite(value) && value > 0 ? value : undefined;

function eventType(name: string, properties: Record<string, unknown>): SessionEventType {
  if (name === "$autocapture") {
    const kind = text(properties.$event_type);
    return (kind && autocaptureTypes.get(kind)) || "other";
  }
  return eventTypes.get(name) ?? (name.startsWith("$") ? "other" : "custom");
}

function toEvent(row: PostHogEventRow, fallbackSessionId: string | undefined): SessionEvent {
  const { uuid, event: name, timestamp: stamp } = row;
  if (!isUuid(uuid)) throw new InvalidEventError("has no uuid");
  if (typeof name !== "string" || name === "") throw new InvalidEventError("has no event name");
  if (typeof stamp !== "string") throw new InvalidEventError("has no timestamp string");
  // UTC was asked for (`convertToProjectTimezone: false`): a timestamp without an offset is UTC.
  const reading = readTimestamp(stamp, "UTC");
  if (!reading) throw new InvalidEventError(`has an unparseable timestamp: ${excerpt(stamp)}`);

  const properties = propertiesOf(row.properties);
  const type = eventType(name, properties);
  const event = newEvent(vendor, uuid, type, name, reading.epochMs, properties);
  if (reading.zoneAssumed) event.timeZoneAssumed = "UTC";
  const sessionId = text(properties.$session_id) ?? fallbackSessionId;
  if (sessionId) event.sessionId = sessionId;
  const userId = text(row.distinct_id);
  if (userId) event.userId = userId;
  const deviceId = text(properties.$device_id);
  if (deviceId) event.deviceId = deviceId;

  const page = compact({
    url: text(properties.$current_url),
    path: text(properties.$pathname),
    // A mobile screen has a name where a web page has a URL.
    title: text(properties.$screen_name) ?? text(properties.title),
    referrer: text(properties.$referrer),
  });
  if (page) event.page = page;

  if (type === "click" || type === "input" || type === "form_submit") {
    const elements = parseElementsChain(row.elements_chain);
    const clicked = elements[0]?.attributes;
    const target = compact({
      label: text(properties.$el_text) ?? text(clicked?.text),
      selector: chainSelector(elements),
      id: text(clicked?.attr_id),
      name: text(clicked?.attr__name),
    });
    if (target) event.target = target;
  }

  const width = positive(properties.$screen_width);
  const height = positive(properties.$screen_height);
  const campaign = utmCampaign(properties);
  const context = compact({
    userAgent: text(properties.$raw_user_agent),
    browser: text(properties.$browser),
    browserVersion: label(properties.$browser_version),
    os: text(properties.$os),
    osVersion: label(properties.$os_version),
    device: text(properties.$device_type),
    country: text(properties.$geoip_country_code),
    city: text(properties.$geoip_city_name),
    screen: width !== undefined || height !== undefined ? compact({ width, height }) : undefined,
    campaign,
  });
  if (context) event.context = context;
  return event;
}

/**
 * Normalizes the 200 body of PostHog's query API (`CachedHogQLQueryResponse`) into SessionEvents.
 * Rows are read by column name from `columns` (`uuid`, `event` and `timestamp` required), never by
 * position; `properties` may be a JSON string (HogQL) or an object. Each event keeps its `uuid` as
 * its id. A row repeating the `uuid` and `event` of an earlier row of the body (a duplicate PostHog's
 * ReplacingMergeTree has not merged yet) is dropped, and reported through `onWarning`.
 *
 * @throws SessionTrailError `invalid_response` for a body that is not PostHog's query answer, or for
 *   a row that cannot be normalized (unless `onInvalid: "skip"`).
 */
export function normalizePostHogEvents(body: unknown, options?: PostHogNormalizeOptions): SessionEvent[] {
  const { rows, columns, index } = rowsOf(body);
  const uuidAt = index.get("uuid") as number;
  const eventAt = index.get("event") as number;
  const seen = new Map<string, number>();
  const items: unknown[] = [];
  rows.forEach((row, i) => {
    if (Array.isArray(row) && typeof row[uuidAt] === "string" && typeof row[eventAt] === "string") {
      const key = `${row[uuidAt]}\u0000${row[eventAt]}`;
      const first = seen.get(key);
      if (first !== undefined) {
        options?.onWarning?.({
          vendor,
          index: i,
          message: `event #${i} repeats event #${first} (uuid ${row[uuidAt]}): dropped as a duplicate`,
        });
        return;
      }
      seen.set(key, i);
    }
    items.push(rowObject(row, columns));
  });
  const sessionId = text(options?.sessionId);
  const mapping: EventMapping<PostHogEventRow> = {
    event: (row) => toEvent(row, sessionId),
    // Only reached for a uuid repeated with another event name: the instant and name tell them apart.
    identity(_row, event, hash) {
      hash.number(event.timestamp);
      hash.text("\u0000");
      hash.text(event.name);
    },
  };
  return normalizeEvents(vendor, items as PostHogEventRow[], options, mapping);
}
