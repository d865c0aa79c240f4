import {
  asRecord,
  compact,
  copyProperties,
  type EventMapping,
  excerpt,
  InvalidEventError,
  invalidBody,
  isRecord,
  isTimeZone,
  type NormalizeOptions,
  newEvent,
  normalizeEvents,
  parseTimestamp,
  type SessionEvent,
  type SessionEventType,
  text,
  utmCampaign,
  validationError,
} from "@sessiontrail/core";
import type { components } from "./generated/schema.js";

type HardalEvent = components["schemas"]["SessionEvent"];

const vendor = "hardal";

/** Hardal renders timestamps in this zone when the request names none. */
const defaultTimeZone = "Europe/Istanbul";

/** Options of `normalizeHardalEvents`: core's `NormalizeOptions`, and the time zone the request asked for. */
export interface HardalNormalizeOptions extends NormalizeOptions {
  /**
   * The IANA time zone the request asked for (`timezone` query parameter); default
   * `Europe/Istanbul`, Hardal's own default. Timestamps that carry an offset are read as such;
   * those without one are wall-clock times in this zone. An unknown zone is a `validation` error.
   * Hardal renders timestamps in the zone asked for, so the zone is stated, not assumed: events
   * carry no `timeZoneAssumed`.
   */
  timeZone?: string | undefined;
  /** @deprecated The old name of `timeZone` (which wins when both are given); removed in a later release. */
  timezone?: string | undefined;
  /** The session the body was fetched for: Hardal events do not carry it. */
  sessionId?: string | undefined;
}

// Hardal's `type` is the event category; lower-cased before lookup.
const typeByCategory: ReadonlyMap<string, SessionEventType> = new Map([
  ["pageview", "page_view"],
  ["page_view", "page_view"],
  ["click", "click"],
  ["custom", "custom"],
  ["identify", "identify"],
  ["error", "error"],
]);

// Words in a `form` event's name that say a field changed rather than the form was sent.
const fieldChangeWords = new Set(["input", "inputs", "change", "changed", "field", "fields"]);

/** A `form` event is an `input` when its name speaks of a field change (`form_field_change`, `fieldInput`). */
function formType(name: string): SessionEventType {
  if (name !== "") {
    const words = name
      .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
      .toLowerCase()
      .split(/[^a-z0-9]+/);
    for (const word of words) if (fieldChangeWords.has(word)) return "input";
  }
  return "form_submit";
}

function eventType(category: string, name: string): SessionEventType {
  const known = typeByCategory.get(category);
  if (known) return known;
  const lower = category.toLowerCase();
  if (lower === "form") return formType(name);
  // Unknown categories are vendor-defined events: kept as custom.
  return typeByCategory.get(lower) ?? "custom";
}

/** Finds the activity object in a bare or `{success, data}`-wrapped body. */
function eventsOf(body: unknown): unknown[] {
  if (!isRecord(body)) {
    throw invalidBody(vendor, `expected an object, got ${body === null ? "null" : typeof body}`, body);
  }
  if (body.success === false) throw invalidBody(vendor, "success is false", body);
  if (Array.isArray(body.events)) return body.events;
  const events = asRecord(body.data)?.events;
  if (Array.isArray(events)) return events;
  throw invalidBody(vendor, "no events array (neither events nor data.events)", body);
}

/**
 * Normalizes the 200 body of Hardal's session activity endpoint (bare, or wrapped in
 * `{"success": true, "data": ...}`) into SessionEvents.
 *
 * Events keep the body's order: Hardal sends them newest first by default (`order=desc`), and
 * the timeline merge (`mergeTimelines`) sorts them, so this function does not.
 *
 * @throws SessionTrailError `validation` for an unknown `options.timeZone` (before anything else),
 *   `invalid_response` for a body that is not the documented shape, or for an event that cannot be
 *   normalized (unless `onInvalid: "skip"`).
 */
export function normalizeHardalEvents(body: unknown, options?: HardalNormalizeOptions): SessionEvent[] {
  const named = options?.timeZone !== undefined ? "timeZone" : "timezone";
  const zone: unknown = options?.timeZone ?? options?.timezone ?? defaultTimeZone;
  if (typeof zone !== "string" || !isTimeZone(zone)) {
    throw validationError(vendor, [
      { path: named, message: `unknown IANA time zone: ${excerpt(String(zone))}` },
    ]);
  }
  const sessionId = text(options?.sessionId);
  const events = eventsOf(body);

  const mapping: EventMapping<HardalEvent> = {
    event: (event) => toEvent(event, zone, sessionId),
    identityPrefix: `${sessionId ?? ""}\u0000`,
    identity(item, event, hash) {
      hash.number(event.timestamp);
      hash.text("\u0000");
      hash.text((item as { type: string }).type);
      hash.text("\u0000");
      hash.text(event.name);
    },
  };
  return normalizeEvents(vendor, events as HardalEvent[], options, mapping);
}

function toEvent(event: HardalEvent, zone: string, sessionId: string | undefined): SessionEvent {
  const { type: category, name: vendorName, timestamp: stamp } = event as Partial<Record<string, unknown>>;
  if (typeof category !== "string") throw new InvalidEventError("has no type string");
  if (vendorName !== undefined && vendorName !== null && typeof vendorName !== "string") {
    throw new InvalidEventError("has a name that is not a string");
  }
  const name = vendorName || category;
  if (name === "") throw new InvalidEventError("has neither a name nor a type");
  if (typeof stamp !== "string") throw new InvalidEventError("has no timestamp string");
  const timestamp = parseTimestamp(stamp, zone);
  // Bounded and redacted: the text is the vendor's and may be of any size.
  if (timestamp === undefined) throw new InvalidEventError(`has an unparseable timestamp: ${excerpt(stamp)}`);

  const type = eventType(category, name);
  const properties = copyProperties(event.properties);
  const userId = text(properties.user_id);
  const normalized = newEvent(vendor, text(event.id) ?? "", type, name, timestamp, properties);
  if (sessionId) normalized.sessionId = sessionId;
  if (userId) normalized.userId = userId;

  const page = compact({
    url: text(event.url),
    path: text(event.path),
    title: text(event.title),
    referrer: text(event.referrer),
  });
  if (page) normalized.page = page;

  if (type === "click" || type === "input" || type === "form_submit") {
    const target = compact({
      label: text(properties.text),
      selector: text(properties.element),
      name: text(properties.form_name),
    });
    if (target) normalized.target = target;
  }

  const campaign = utmCampaign(properties);
  if (campaign) normalized.context = { campaign };
  return normalized;
}
