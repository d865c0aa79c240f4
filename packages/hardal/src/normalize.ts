import {
  compact,
  copyProperties,
  type EventMapping,
  InvalidEventError,
  invalidBody,
  isTimeZone,
  type NormalizeOptions,
  newEvent,
  normalizeEvents,
  parseTimestamp,
  type SessionEvent,
  type SessionEventType,
  validationError,
} from "@sessiontrail/core";
import type { components } from "./generated/schema.js";

type Schemas = components["schemas"];
type HardalActivityBody = Schemas["SessionActivityResponse"];
type HardalEvent = Schemas["SessionEvent"];

const vendor = "hardal";

/** Hardal renders timestamps in this zone when the request names none. */
const defaultTimeZone = "Europe/Istanbul";

export interface HardalNormalizeOptions extends NormalizeOptions {
  /**
   * The IANA time zone the request asked for (`timezone` query parameter); default
   * `Europe/Istanbul`, Hardal's own default. Timestamps that carry an offset are read as such;
   * those without one are wall-clock times in this zone. An unknown zone is a `validation` error.
   */
  timezone?: string;
  /** The session the body was fetched for: Hardal events do not carry it. */
  sessionId?: string;
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

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** Finds the activity object in a bare or `{success, data}`-wrapped body. */
function activityOf(body: unknown): { events: unknown[] } {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw invalidBody(vendor, `expected an object, got ${body === null ? "null" : typeof body}`, body);
  }
  const record = body as Record<string, unknown>;
  if (record.success === false) throw invalidBody(vendor, "success is false", body);
  if (Array.isArray(record.events)) return record as { events: unknown[] };
  const data = record.data;
  if (data !== null && typeof data === "object" && Array.isArray((data as Record<string, unknown>).events)) {
    return data as { events: unknown[] };
  }
  throw invalidBody(vendor, "no events array (neither events nor data.events)", body);
}

/**
 * Normalizes the 200 body of Hardal's session activity endpoint (bare, or wrapped in
 * `{"success": true, "data": ...}`) into SessionEvents.
 *
 * Events keep the body's order: Hardal sends them newest first by default (`order=desc`), and
 * the timeline merge (`mergeTimelines`) sorts them, so this function does not.
 *
 * @throws SessionTrailError `validation` for an unknown `options.timezone` (before anything else),
 *   `invalid_response` for a body that is not the documented shape, or for an event that cannot be
 *   normalized (unless `onInvalid: "skip"`).
 */
export function normalizeHardalEvents(
  body: HardalActivityBody,
  options?: HardalNormalizeOptions,
): SessionEvent[] {
  const zone = options?.timezone ?? defaultTimeZone;
  if (!isTimeZone(zone)) {
    throw validationError(vendor, [{ path: "timezone", message: `unknown IANA time zone: ${zone}` }]);
  }
  const sessionId = str(options?.sessionId);
  const { events } = activityOf(body);

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
  const { type: category, name: vendorName, timestamp: text } = event as Partial<Record<string, unknown>>;
  if (typeof category !== "string") throw new InvalidEventError("has no type string");
  if (vendorName !== undefined && vendorName !== null && typeof vendorName !== "string") {
    throw new InvalidEventError("has a name that is not a string");
  }
  const name = vendorName || category;
  if (name === "") throw new InvalidEventError("has neither a name nor a type");
  if (typeof text !== "string") throw new InvalidEventError("has no timestamp string");
  const timestamp = parseTimestamp(text, zone);
  if (timestamp === undefined) throw new InvalidEventError(`has an unparseable timestamp: ${text}`);

  const type = eventType(category, name);
  const properties = copyProperties(event.properties);
  const userId = str(properties.user_id);
  const normalized = newEvent(vendor, str(event.id) ?? "", type, name, timestamp, properties);
  if (sessionId) normalized.sessionId = sessionId;
  if (userId) normalized.userId = userId;

  const page = compact({
    url: str(event.url),
    path: str(event.path),
    title: str(event.title),
    referrer: str(event.referrer),
  });
  if (page) normalized.page = page;

  if (type === "click" || type === "input" || type === "form_submit") {
    const target = compact({
      label: str(properties.text),
      selector: str(properties.element),
      name: str(properties.form_name),
    });
    if (target) normalized.target = target;
  }

  if (
    properties.utm_source !== undefined ||
    properties.utm_medium !== undefined ||
    properties.utm_campaign !== undefined ||
    properties.utm_term !== undefined ||
    properties.utm_content !== undefined
  ) {
    const campaign = compact({
      source: str(properties.utm_source),
      medium: str(properties.utm_medium),
      name: str(properties.utm_campaign),
      term: str(properties.utm_term),
      content: str(properties.utm_content),
    });
    if (campaign) normalized.context = { campaign };
  }
  return normalized;
}
