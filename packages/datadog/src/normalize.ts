import {
  asRecord,
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
} from "@sessiontrail/core";
import type { components } from "./generated/schema.js";

type DatadogEvent = components["schemas"]["RUMEvent"];

/** Datadog adds no options of its own. */
export interface DatadogNormalizeOptions extends NormalizeOptions {}

const vendor = "datadog";

// The RUM event types (`attributes.attributes.type`) with a SessionEvent type of their own; the rest
// (session, resource, long_task, vital and any new type) are `other`.
const typeByRumType: ReadonlyMap<string, SessionEventType> = new Map([
  ["view", "page_view"],
  ["error", "error"],
]);

// Action types (RUMFMT: custom, click, tap, scroll, swipe, application_start, back): a tap is a
// mobile click, `back` is a navigation, a custom action is the application's own event; scrolls,
// swipes and app starts are gestures and lifecycle, kept as `other`.
const typeByActionType: ReadonlyMap<string, SessionEventType> = new Map([
  ["click", "click"],
  ["tap", "click"],
  ["custom", "custom"],
  ["back", "navigation"],
]);

/**
 * The object of the event's own kind (`content.action` for an action), only as an own field: a
 * type such as `__proto__` or `constructor` must not reach the prototype.
 */
function partOf(content: Record<string, unknown>, rumType: string): Record<string, unknown> | undefined {
  return Object.hasOwn(content, rumType) ? asRecord(content[rumType]) : undefined;
}

/** The event's name: what Datadog calls it (the action's or view's name, the error's message). */
function nameOf(rumType: string, content: Record<string, unknown>): string {
  const part = partOf(content, rumType);
  switch (rumType) {
    case "view":
      return text(part?.name) ?? text(part?.url_path) ?? text(part?.url) ?? rumType;
    case "action":
      return text(part?.name) ?? text(asRecord(part?.target)?.name) ?? text(part?.type) ?? rumType;
    case "error":
      return text(part?.message) ?? text(part?.type) ?? rumType;
    case "resource":
      return text(part?.url) ?? rumType;
    case "vital":
      return text(part?.name) ?? rumType;
    default:
      return rumType;
  }
}

/**
 * Maps the 200 body of Datadog's RUM events search (`{data: [...], meta, links}`) to SessionEvents,
 * in the body's order. Each event's instant is `attributes.timestamp` (ISO 8601 UTC), its kind
 * `attributes.attributes.type` (`data[].type` is always `rum`), its id Datadog's `data[].id`.
 * `properties` is the application's own `context`; the whole event stays in `raw`.
 *
 * @throws SessionTrailError `invalid_response` for a body without a `data` array, or for an event
 *   that cannot be read (unless `onInvalid: "skip"`).
 */
export function normalizeDatadogEvents(body: unknown, options?: DatadogNormalizeOptions): SessionEvent[] {
  if (!isRecord(body)) {
    throw invalidBody(vendor, `expected an object, got ${body === null ? "null" : typeof body}`, body);
  }
  // `data` is the only field that holds events; `meta` and `links` may be absent. A body without
  // it is not "no events": it is not a search result.
  const { data } = body;
  if (!Array.isArray(data)) throw invalidBody(vendor, "data is not an array", body);
  const mapping: EventMapping<DatadogEvent> = {
    event: toEvent,
    identity(item, event, hash) {
      // Events without a Datadog id: their instant, kind, name and the ids of their view and of
      // the action, error or resource they are.
      const content = asRecord(asRecord(item.attributes)?.attributes) ?? {};
      const rumType = text(content.type) ?? "";
      hash.number(event.timestamp);
      hash.text("\u0000");
      hash.text(rumType);
      hash.text("\u0000");
      hash.text(event.name);
      hash.text("\u0000");
      hash.text(text(asRecord(content.view)?.id));
      hash.text("\u0000");
      hash.text(text(partOf(content, rumType)?.id));
    },
  };
  return normalizeEvents(vendor, data as DatadogEvent[], options, mapping);
}

function toEvent(item: DatadogEvent): SessionEvent {
  const attributes = asRecord(item.attributes);
  if (!attributes) throw new InvalidEventError("has no attributes object");
  const stamp = attributes.timestamp;
  if (typeof stamp !== "string") throw new InvalidEventError("has no attributes.timestamp string");
  const timestamp = parseTimestamp(stamp, "UTC");
  // Bounded and redacted: the text is the vendor's and may be of any size.
  if (timestamp === undefined) throw new InvalidEventError(`has an unparseable timestamp: ${excerpt(stamp)}`);
  const content = asRecord(attributes.attributes);
  if (!content) throw new InvalidEventError("has no attributes.attributes object (the RUM event)");
  const rumType = text(content.type);
  if (rumType === undefined)
    throw new InvalidEventError("has no RUM event type (attributes.attributes.type)");

  const action = asRecord(content.action);
  const type =
    rumType === "action"
      ? (typeByActionType.get(text(action?.type) ?? "") ?? "other")
      : (typeByRumType.get(rumType) ?? "other");
  const event = newEvent(
    vendor,
    text(item.id) ?? "",
    type,
    nameOf(rumType, content),
    timestamp,
    copyProperties(content.context),
  );

  const sessionId = text(asRecord(content.session)?.id);
  if (sessionId) event.sessionId = sessionId;
  const userId = text(asRecord(content.usr)?.id);
  if (userId) event.userId = userId;

  const view = asRecord(content.view);
  if (view) {
    const page = compact({
      url: text(view.url),
      path: text(view.url_path),
      title: text(view.name),
      referrer: text(view.referrer),
    });
    if (page) event.page = page;
  }

  const targetName = text(asRecord(action?.target)?.name);
  if (targetName) event.target = { label: targetName };

  const browser = asRecord(content.browser);
  const os = asRecord(content.os);
  const geo = asRecord(content.geo);
  const context = compact({
    userAgent: text(asRecord(content.session)?.useragent),
    browser: text(browser?.name),
    browserVersion: text(browser?.version),
    os: text(os?.name),
    osVersion: text(os?.version),
    device: text(asRecord(content.device)?.type),
    country: text(geo?.country_iso_code),
    city: text(geo?.city),
  });
  if (context) event.context = context;
  return event;
}
