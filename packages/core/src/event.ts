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

/** What kind of event it is, across vendors: one of {@link sessionEventTypes}. */
export type SessionEventType = (typeof sessionEventTypes)[number];

/** The page the event happened on. */
export interface SessionEventPage {
  /** The page's full URL. */
  url?: string | undefined;
  /** The URL's path, e.g. `/checkout`. */
  path?: string | undefined;
  /** The document title. */
  title?: string | undefined;
  /** The URL of the page the user came from. */
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
  /** The browser's `User-Agent` string. */
  userAgent?: string | undefined;
  /** The browser's name as the vendor gives it, e.g. `Chrome`. */
  browser?: string | undefined;
  /** The browser's version as the vendor gives it. */
  browserVersion?: string | undefined;
  /** The operating system's name as the vendor gives it, e.g. `Mac OS X`. */
  os?: string | undefined;
  /** The operating system's version as the vendor gives it. */
  osVersion?: string | undefined;
  /** Device class or model as the vendor names it: Desktop, Mobile, iPhone... */
  device?: string | undefined;
  /** ISO 3166-1 alpha-2 country code. */
  country?: string | undefined;
  /** The city, as the vendor's geolocation names it. */
  city?: string | undefined;
  /** The screen's size as the vendor records it (OpenReplay's `$screen_width` and `$screen_height`). */
  screen?:
    | {
        /** Width in pixels. */
        width?: number | undefined;
        /** Height in pixels. */
        height?: number | undefined;
      }
    | undefined;
  /** UTM parameters: source, medium, name (campaign), term, content. */
  campaign?:
    | {
        /** `utm_source`: who sent the traffic, e.g. `newsletter`. */
        source?: string | undefined;
        /** `utm_medium`: the channel, e.g. `email`. */
        medium?: string | undefined;
        /** `utm_campaign`: the campaign's name. */
        name?: string | undefined;
        /** `utm_term`: the paid search keyword. */
        term?: string | undefined;
        /** `utm_content`: which link or ad of the campaign. */
        content?: string | undefined;
      }
    | undefined;
}

/**
 * One event of a user session, normalized from any vendor's events; its JSON Schema is
 * `sessionEventSchema` (also the file `@sessiontrail/core/session-event.schema.json`).
 */
export interface SessionEvent {
  /** Stable: the vendor's event id where it is present and unique, else a hash of the event. */
  id: string;
  /** The vendor that recorded it: `roundtable`, `openreplay`, `fullstory`, `actionhub`, `hardal`. */
  vendor: string;
  /** What kind of event it is, across vendors. */
  type: SessionEventType;
  /** The vendor's own name of the event (`navigate`, `CLICK`, `Clicked "Buy"`, `add_to_cart`). */
  name: string;
  /** When it happened: epoch milliseconds, UTC. */
  timestamp: number;
  /** The same instant as ISO-8601 UTC (`2024-04-03T17:06:12.290Z`). */
  time: string;
  /** The vendor's session id, when the event belongs to a session. */
  sessionId?: string | undefined;
  /** The identified user, when the vendor knows it. */
  userId?: string | undefined;
  /** The vendor's device or anonymous id. */
  deviceId?: string | undefined;
  /** The page the event happened on. */
  page?: SessionEventPage | undefined;
  /** The element a click or input acted on. */
  target?: SessionEventTarget | undefined;
  /** Browser, device and campaign. */
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
