import {
  compact,
  copyProperties,
  type EventMapping,
  excerpt,
  InvalidEventError,
  invalidBody,
  isRecord,
  type NormalizeOptions,
  newEvent,
  normalizeEvents,
  parseTimestamp,
  type SessionEvent,
  type SessionEventType,
  text,
  utmCampaign,
} from "@sessiontrail/core";
import type { components } from "./generated/schema.js";

type AmplitudeEvent = components["schemas"]["Event"];

/** Options of `normalizeAmplitudeEvents`: core's `NormalizeOptions`, and which session of the page to keep. */
export interface AmplitudeNormalizeOptions extends NormalizeOptions {
  /**
   * Keep only the events of this session (Amplitude's `session_id`: the session's start in epoch
   * milliseconds). A User Activity page holds a user's events of every session; without it, all.
   */
  sessionId?: string | number | undefined;
  /** With `sessionId`: keep only this device's events (a session id is unique per user, not per device). */
  deviceId?: string | undefined;
}

const vendor = "amplitude";

/** Amplitude's `session_id` of an event outside any session (HTTP API events default to it). */
const OUT_OF_SESSION = -1;

// Event names of Amplitude's SDKs and autocapture (Amplitude-TypeScript constants, Browser SDK 2 docs).
const typeByName: ReadonlyMap<string, SessionEventType> = new Map([
  ["[Amplitude] Page Viewed", "page_view"],
  ["[Amplitude] Element Clicked", "click"],
  // Rage, dead and error clicks are clicks on an element, with the same element properties.
  ["[Amplitude] Rage Click", "click"],
  ["[Amplitude] Dead Click", "click"],
  ["[Amplitude] Error Click", "click"],
  ["[Amplitude] Element Changed", "input"],
  ["[Amplitude] Form Submitted", "form_submit"],
  ["$identify", "identify"],
  ["$groupidentify", "identify"],
  // Revenue is a business event the app sent: custom, as any event the app names.
  ["revenue_amount", "custom"],
  ["[Amplitude] Revenue", "custom"],
  ["[Amplitude] Revenue (Verified)", "custom"],
  ["[Amplitude] Revenue (Unverified)", "custom"],
]);

/** The type of an event name: a known one, other for the SDK's own bookkeeping, else custom. */
function eventType(name: string): SessionEventType {
  const known = typeByName.get(name);
  if (known) return known;
  // session_start/session_end, [Amplitude] Start Session, Form Started, Network Request, Web Vitals...
  if (name.startsWith("[Amplitude] ") || name === "session_start" || name === "session_end") return "other";
  return "custom";
}

/** `session_id` as a number: Amplitude sends an integer; a numeric string is read as one. */
function sessionNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value === "string" && /^-?\d{1,16}$/.test(value)) return Number(value);
  return undefined;
}

/** Whether a raw User Activity event is of `session` (and of `deviceId`, when given). */
export function inSession(item: unknown, session: number, deviceId: string | undefined): boolean {
  if (!isRecord(item)) return false;
  if (sessionNumber(item.session_id) !== session) return false;
  return deviceId === undefined || item.device_id === deviceId;
}

/** The instant of a raw event's `event_time` (UTC, as Amplitude documents), if it has a readable one. */
export function eventInstant(item: unknown): number | undefined {
  if (!isRecord(item) || typeof item.event_time !== "string") return undefined;
  return parseTimestamp(item.event_time, "UTC");
}

/** The events list of a User Activity body, or an `invalid_response` error. */
export function eventsOf(body: unknown): unknown[] {
  if (!isRecord(body)) {
    throw invalidBody(vendor, `expected an object, got ${body === null ? "null" : typeof body}`, body);
  }
  if (!Array.isArray(body.events)) throw invalidBody(vendor, "events is not an array", body);
  return body.events;
}

/**
 * Maps the 200 body of Amplitude's User Activity (`GET /api/2/useractivity`) to SessionEvents, in the
 * body's order (newest first, as Amplitude pages). With `sessionId`, only that session's events.
 *
 * @throws SessionTrailError `invalid_response` for a body without an `events` array, or for an event
 *   without an `event_type` or a readable `event_time` (unless `onInvalid: "skip"`).
 */
export function normalizeAmplitudeEvents(body: unknown, options?: AmplitudeNormalizeOptions): SessionEvent[] {
  let events = eventsOf(body);
  const session = options?.sessionId === undefined ? undefined : sessionNumber(options.sessionId);
  if (options?.sessionId !== undefined) {
    // Objects outside the session are another session's events; anything else stays, to be reported.
    const deviceId = options.deviceId;
    events = events.filter(
      (item) => !isRecord(item) || (session !== undefined && inSession(item, session, deviceId)),
    );
  }
  const mapping: EventMapping<AmplitudeEvent> = {
    event: toEvent,
    // Events without a uuid: `$insert_id` (the SDK's dedup key) with the device, else the event's counter.
    identity(item, event, hash) {
      hash.number(event.timestamp);
      hash.text("\u0000");
      hash.text(event.name);
      hash.text("\u0000");
      hash.text(text(item.$insert_id));
      hash.text("\u0000");
      hash.text(text(item.device_id));
      hash.text("\u0000");
      if (typeof item.event_id === "number") hash.number(item.event_id);
    },
  };
  return normalizeEvents(vendor, events as AmplitudeEvent[], options, mapping);
}

function toEvent(event: AmplitudeEvent): SessionEvent {
  const name = event.event_type;
  if (typeof name !== "string" || name === "") throw new InvalidEventError("has no event_type");
  const stamp: unknown = event.event_time;
  if (typeof stamp !== "string") throw new InvalidEventError("has no event_time string");
  // Amplitude documents event_time as UTC; the text carries no offset, so UTC is stated, not assumed.
  const timestamp = parseTimestamp(stamp, "UTC");
  if (timestamp === undefined)
    throw new InvalidEventError(`has an unparseable event_time: ${excerpt(stamp)}`);

  const type = eventType(name);
  const properties = copyProperties(event.event_properties);
  const normalized = newEvent(vendor, text(event.uuid) ?? "", type, name, timestamp, properties);
  const session = sessionNumber(event.session_id);
  if (session !== undefined && session !== OUT_OF_SESSION) normalized.sessionId = String(session);
  const userId = text(event.user_id);
  if (userId) normalized.userId = userId;
  const deviceId = text(event.device_id);
  if (deviceId) normalized.deviceId = deviceId;

  // `[Amplitude] Page Location` is the full URL; `[Amplitude] Page URL` leaves out the query string.
  const page = compact({
    url: text(properties["[Amplitude] Page Location"]) ?? text(properties["[Amplitude] Page URL"]),
    path: text(properties["[Amplitude] Page Path"]),
    title: text(properties["[Amplitude] Page Title"]),
    referrer: text(properties.referrer),
  });
  if (page) normalized.page = page;

  if (type === "click" || type === "input") {
    const target = compact({
      label:
        text(properties["[Amplitude] Element Text"]) ?? text(properties["[Amplitude] Element Aria Label"]),
      selector: text(properties["[Amplitude] Element Selector"]),
      id: text(properties["[Amplitude] Element ID"]),
    });
    if (target) normalized.target = target;
  }

  const campaign = utmCampaign(properties);
  const context = compact({
    os: text(event.os_name),
    osVersion: text(event.os_version),
    device: text(event.device_type) ?? text(event.device_model) ?? text(event.device_family),
    country: text(event.country),
    city: text(event.city),
    campaign,
  });
  if (context) normalized.context = context;
  return normalized;
}
