import {
  asRecord,
  compact,
  copyProperties,
  type EventMapping,
  excerpt,
  type IdentityHash,
  InvalidEventError,
  invalidBody,
  type NormalizeOptions,
  newEvent,
  normalizeEvents,
  readTimestamp,
  type SessionEvent,
  type SessionEventContext,
  type SessionEventPage,
  type SessionEventType,
  text,
} from "@sessiontrail/core";
import type { components } from "./generated/schema.js";

type FullStoryEvent = components["schemas"]["Event"];

const vendor = "fullstory";

/** Options of `normalizeFullStoryEvents`: core's `NormalizeOptions`, nothing more. */
export type FullStoryNormalizeOptions = NormalizeOptions;

/**
 * FullStory `event_type` → SessionEvent type. `navigate` is a page (view) load. Everything not
 * listed here (element_seen, load, copy, paste, highlight, form_abandon, mouse_thrash, request,
 * consent, console_message, web vitals, background, mobile gestures, and kinds not known yet) is
 * `other`: all of them are captured automatically, none is defined by the customer.
 */
const types: ReadonlyMap<string, SessionEventType> = new Map<string, SessionEventType>([
  ["navigate", "page_view"],
  ["click", "click"],
  ["change", "input"],
  ["custom", "custom"],
  ["identify", "identify"],
  ["exception", "error"],
  ["crash", "error"],
]);

type Json = Record<string, unknown>;

/** An int64 id as FullStory sends it (a decimal string); a number would already have lost digits. */
function idField(event: Json, key: "device_id" | "session_id" | "view_id"): string | undefined {
  const value = event[key];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") throw new InvalidEventError(`has a ${key} that is not a string`);
  return value;
}

function toEvent(item: FullStoryEvent): SessionEvent {
  const event = item as Json;
  const eventType = event.event_type;
  if (typeof eventType !== "string" || eventType === "") {
    throw new InvalidEventError("has no event_type");
  }
  const eventTime = event.event_time;
  if (typeof eventTime !== "string") throw new InvalidEventError("has no event_time");
  const reading = readTimestamp(eventTime);
  // Bounded and redacted: the text is the vendor's and may be of any size.
  if (reading === undefined) throw new InvalidEventError(`has an invalid event_time: ${excerpt(eventTime)}`);

  const deviceId = idField(event, "device_id");
  const sessionId = idField(event, "session_id");
  // Not part of the event, but part of its identity: a view_id that is not a string is refused here.
  idField(event, "view_id");

  const eventProperties = asRecord(event.event_properties);
  const sourceProperties = asRecord(event.source_properties);
  const type = types.get(eventType) ?? "other";
  const eventName = eventType === "custom" ? text(eventProperties?.event_name) : undefined;

  const targetProps = asRecord(eventProperties?.target);
  const target = targetProps
    ? compact({
        label: text(targetProps.text),
        selector: text(targetProps.raw_selector),
        id: text(targetProps.element_definition_id),
      })
    : undefined;

  let page: SessionEventPage | undefined;
  let context: SessionEventContext | undefined;
  if (sourceProperties) {
    const url = asRecord(sourceProperties.url);
    const referrer = sourceProperties.initial_referrer;
    page = compact({
      url: text(url?.full_url),
      path: text(url?.path),
      title: text(sourceProperties.page_title) ?? text(sourceProperties.title),
      referrer: typeof referrer === "string" ? text(referrer) : text(asRecord(referrer)?.full_url),
    });
    const userAgent = asRecord(sourceProperties.user_agent);
    const location = asRecord(sourceProperties.location);
    if (userAgent || location) {
      context = compact({
        userAgent: text(userAgent?.raw_user_agent),
        browser: text(userAgent?.browser),
        browserVersion: text(userAgent?.browser_version),
        os: text(userAgent?.operating_system),
        device: text(userAgent?.device),
        country: text(location?.country),
        city: text(location?.city),
      });
    }
  }

  const properties = copyProperties(eventProperties);
  const sourceType = text(event.source_type);
  if (sourceType !== undefined && !Object.hasOwn(properties, "source_type")) {
    properties.source_type = sourceType;
  }

  const userId = type === "identify" ? text(eventProperties?.user_id) : undefined;
  const normalized = newEvent(
    vendor,
    text(event.event_id) ?? "",
    type,
    eventName ?? eventType,
    reading.epochMs,
    properties,
  );
  if (sessionId !== undefined)
    normalized.sessionId = deviceId !== undefined ? `${deviceId}:${sessionId}` : sessionId;
  if (deviceId !== undefined) normalized.deviceId = deviceId;
  if (userId !== undefined) normalized.userId = userId;
  if (page) normalized.page = page;
  if (target) normalized.target = target;
  if (context) normalized.context = context;
  // RFC 3339 requires an offset; a time without one was read as UTC, and says so.
  if (reading.zoneAssumed) normalized.timeZoneAssumed = "UTC";
  return normalized;
}

/**
 * What tells two events of one response apart, without serializing them: where and when, the
 * kind, and the cheapest field that differs between events of that kind.
 */
function identityOf(item: FullStoryEvent, normalized: SessionEvent, hash: IdentityHash): void {
  const event = item as Json;
  const eventType = event.event_type as string;
  hash.text(normalized.deviceId);
  hash.text("|");
  hash.text(text(event.session_id));
  hash.text("|");
  hash.text(text(event.view_id));
  hash.text("|");
  hash.text(event.event_time as string);
  hash.text("|");
  hash.text(eventType);
  hash.text("|");
  const eventName = eventType === "custom" ? text(asRecord(event.event_properties)?.event_name) : undefined;
  const target = normalized.target;
  if (eventName !== undefined) {
    hash.text(eventName);
  } else if (target) {
    hash.text(target.selector);
    hash.text("\u0001");
    hash.text(target.label);
  } else {
    hash.text(text(asRecord(asRecord(event.source_properties)?.url)?.full_url));
  }
}

const mapping: EventMapping<FullStoryEvent> = { event: toEvent, identity: identityOf };

/**
 * Maps FullStory's Get Session Events body (`{events: Event[]}`) to SessionEvents.
 *
 * - The instant is `event_time` (RFC 3339, device clock). There is no event id in this API, so
 *   ids are hashes of device, session, view, time, kind and a field that tells events of the kind
 *   apart; an `event_id`, where one is present, is used as the vendor id.
 * - `sessionId` is the full session id as this API takes it, `{device_id}:{session_id}`;
 *   `deviceId` is `device_id`. Events sent through the server API may have no session.
 * - `name` is `event_type`, except for custom events, whose name is `event_properties.event_name`.
 * - `properties` are `event_properties` as sent, plus `source_type`.
 */
export function normalizeFullStoryEvents(body: unknown, options?: FullStoryNormalizeOptions): SessionEvent[] {
  const events = asRecord(body)?.events;
  if (!Array.isArray(events)) {
    throw invalidBody(
      vendor,
      asRecord(body) ? "events is not an array" : "expected an object with an events array",
      body,
    );
  }
  return normalizeEvents(vendor, events as FullStoryEvent[], options, mapping);
}
