import {
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
  readTimestamp,
  type SessionEvent,
  type SessionEventType,
  text,
  validationError,
} from "@sessiontrail/core";
import type { components } from "./generated/schema.js";

const vendor = "actionhub";

type HistoryAction = components["schemas"]["UserRawHistoryAction"];

/** Options of `normalizeActionHubEvents`: core's `NormalizeOptions`, and the user and time zone ActionHub's actions leave out. */
export interface ActionHubNormalizeOptions extends NormalizeOptions {
  /**
   * The `user_id` the log was fetched for. ActionHub's actions do not carry it, so it is set as
   * each event's `userId` (and is part of the events' identity).
   */
  userId?: string | undefined;
  /**
   * The account's IANA time zone, in which a timestamp without an offset
   * (`2023-01-09T08:24:55.118000`, or a bare date, read as midnight) is read. Default `"UTC"`.
   * ActionHub does not document the zone of such timestamps, so each event read this way carries
   * the zone used in `timeZoneAssumed`; the original text is always kept in `properties.timestamp`.
   */
  timeZone?: string | undefined;
}

/**
 * `event_type` is free-form and defined by each program; only the kinds ActionHub's own examples
 * and integrations use get a specific type (compared case-insensitively). `visit` is a visit of an
 * asset (every action names one: a page, a product...), so it is a page view like `view`. Orders and
 * purchases are business events (Segment's "Order Completed"): `custom`, as is every other kind.
 */
const typeByKind: ReadonlyMap<string, SessionEventType> = new Map([
  ["visit", "page_view"],
  ["view", "page_view"],
  ["click", "click"],
]);

function typeOf(eventType: string): SessionEventType {
  return typeByKind.get(eventType) ?? typeByKind.get(eventType.trim().toLowerCase()) ?? "custom";
}

/**
 * Normalizes the body of `GET /users/{user_id}/events` (ActionHub's per-user action log) into
 * SessionEvents. ActionHub has no sessions, so `sessionId` is absent; pass the `user_id` that was
 * fetched as `options.userId`.
 */
export function normalizeActionHubEvents(body: unknown, options?: ActionHubNormalizeOptions): SessionEvent[] {
  if (!isRecord(body)) throw invalidBody(vendor, "expected an object with a history array", body);
  const history: unknown = body.history;
  if (!Array.isArray(history)) {
    throw invalidBody(vendor, "history is not an array", body);
  }
  const zone: unknown = options?.timeZone ?? "UTC";
  if (typeof zone !== "string" || !isTimeZone(zone)) {
    throw validationError(vendor, [
      { path: "timeZone", message: `not an IANA time zone: ${excerpt(String(zone))}` },
    ]);
  }
  const userId = text(options?.userId);
  const userKey = userId ?? "";

  const mapping: EventMapping<HistoryAction> = {
    event(item) {
      const { timestamp: stamp, event_type: eventType, asset_id: assetId, asset_name: assetName } = item;
      if (typeof stamp !== "string") throw new InvalidEventError("has no timestamp string");
      const reading = readTimestamp(stamp, zone);
      if (reading === undefined) {
        // Bounded and redacted: the text is the vendor's and may be of any size.
        throw new InvalidEventError(
          `timestamp is not an ISO 8601 date: ${JSON.stringify(excerpt(stamp, 40))}`,
        );
      }
      if (typeof eventType !== "string") throw new InvalidEventError("has no event_type string");

      // Everything the vendor sent, keys verbatim: asset_id, asset_name, the timestamp text (a bare
      // date stays visible as one), both label arrays and any field the schema does not list.
      const properties = copyProperties(item);
      if (Array.isArray(item.event_labels)) properties.event_labels = item.event_labels.slice();
      if (Array.isArray(item.asset_labels)) properties.asset_labels = item.asset_labels.slice();

      // ActionHub actions have no id of their own: every one is hashed from its identity below.
      const event = newEvent(vendor, "", typeOf(eventType), eventType, reading.epochMs, properties);
      if (userId !== undefined) event.userId = userId;
      const target = compact({ id: text(assetId), name: text(assetName) });
      if (target) event.target = target;
      if (reading.zoneAssumed) event.timeZoneAssumed = zone;
      return event;
    },
    identityPrefix: `${userKey}\u0000`,
    identity(item, event, hash) {
      hash.text(item.timestamp);
      hash.text("\u0000");
      hash.text(event.name);
      hash.text("\u0000");
      hash.text(text(item.asset_id));
    },
  };
  return normalizeEvents(vendor, history as HistoryAction[], options, mapping);
}
