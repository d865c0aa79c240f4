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
  url?: string;
  path?: string;
  title?: string;
  referrer?: string;
}

/** The element a click or input acted on. */
export interface SessionEventTarget {
  /** Visible text or label of the element. */
  label?: string;
  /** A CSS selector or the vendor's element path. */
  selector?: string;
  /** The vendor's id of the element or asset (ActionHub asset_id). */
  id?: string;
  /** The element's or asset's name. */
  name?: string;
}

/** Where the event was recorded: browser, device and campaign, as Segment's `context`. */
export interface SessionEventContext {
  userAgent?: string;
  browser?: string;
  browserVersion?: string;
  os?: string;
  osVersion?: string;
  /** Device class or model as the vendor names it: Desktop, Mobile, iPhone... */
  device?: string;
  /** ISO 3166-1 alpha-2 country code. */
  country?: string;
  city?: string;
  screen?: { width?: number; height?: number };
  /** UTM parameters: source, medium, name (campaign), term, content. */
  campaign?: { source?: string; medium?: string; name?: string; term?: string; content?: string };
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
  sessionId?: string;
  userId?: string;
  deviceId?: string;
  page?: SessionEventPage;
  target?: SessionEventTarget;
  context?: SessionEventContext;
  /** Event properties, as the vendor sent them (keys kept verbatim). */
  properties: Record<string, unknown>;
  /** The untouched vendor event; left out with `includeRaw: false`. */
  raw?: unknown;
}
