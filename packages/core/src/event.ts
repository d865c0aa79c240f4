/**
 * The normalized event: one shape for every vendor, close to what Segment, RudderStack and Snowplow
 * users know (a type, a name, a UTC instant, the page, the element acted on, and free properties).
 */
export const sessionEventTypes = [
  "page_view",
  "click",
  "input",
  "form_submit",
  "navigation",
  "custom",
  "error",
  "identify",
  "other",
] as const;

export type SessionEventType = (typeof sessionEventTypes)[number];

/** The page the event happened on. */
export interface SessionEventPage {
  url?: string | undefined;
  path?: string | undefined;
  title?: string | undefined;
  referrer?: string | undefined;
}

/** The element a click or input acted on. */
export interface SessionEventTarget {
  /** Visible text or label of the element. */
  label?: string | undefined;
  /** A CSS selector or the vendor's element path. */
  selector?: string | undefined;
  /** The vendor's id of the element or asset (ActionHub asset_id). */
  id?: string | undefined;
  /** The element's or asset's name. */
  name?: string | undefined;
}

/** Where the event was recorded: browser, device and campaign, as Segment's `context`. */
export interface SessionEventContext {
  userAgent?: string | undefined;
  browser?: string | undefined;
  browserVersion?: string | undefined;
  os?: string | undefined;
  osVersion?: string | undefined;
  /** Device class or model as the vendor names it: Desktop, Mobile, iPhone... */
  device?: string | undefined;
  /** ISO 3166-1 alpha-2 country code. */
  country?: string | undefined;
  city?: string | undefined;
  screen?: { width?: number | undefined; height?: number | undefined } | undefined;
  /** UTM parameters: source, medium, name (campaign), term, content. */
  campaign?:
    | {
        source?: string | undefined;
        medium?: string | undefined;
        name?: string | undefined;
        term?: string | undefined;
        content?: string | undefined;
      }
    | undefined;
}

export interface SessionEvent {
  /** Stable: the vendor's event id where it is present and unique, else a hash of the event. */
  id: string;
  /** The vendor that recorded it: `roundtable`, `openreplay`, `fullstory`, `actionhub`, `hardal`. */
  vendor: string;
  type: SessionEventType;
  /** The vendor's own name of the event (`navigate`, `CLICK`, `Clicked "Buy"`, `add_to_cart`). */
  name: string;
  /** When it happened: epoch milliseconds, UTC. */
  timestamp: number;
  /** The same instant as ISO-8601 UTC (`2024-04-03T17:06:12.290Z`). */
  time: string;
  sessionId?: string | undefined;
  userId?: string | undefined;
  deviceId?: string | undefined;
  page?: SessionEventPage | undefined;
  target?: SessionEventTarget | undefined;
  context?: SessionEventContext | undefined;
  /** Event properties, as the vendor sent them (keys kept verbatim). */
  properties: Record<string, unknown>;
  /**
   * The IANA time zone this event's instant was read in because the vendor's timestamp stated none
   * (no offset): the zone the caller gave (ActionHub's `timeZone` option), or `"UTC"` when none was
   * given. Absent when the vendor stated the instant (an offset, epoch milliseconds, or a zone the
   * request chose, as Hardal's). When present, `timestamp` is only as right as that zone.
   */
  timeZoneAssumed?: string | undefined;
  /** The untouched vendor event; left out with `includeRaw: false`. */
  raw?: unknown;
}
