import {
  compact,
  copyProperties,
  type EventMapping,
  InvalidEventError,
  invalidBody,
  isRecord,
  type NormalizeOptions,
  newEvent,
  normalizeEvents,
  type SessionEvent,
  type SessionEventPage,
  type SessionEventTarget,
} from "@sessiontrail/core";
import type { components } from "./generated/schema.js";

type RoundtableEvent = components["schemas"]["SessionEvent"];

/** Roundtable adds no options of its own. */
export interface RoundtableNormalizeOptions extends NormalizeOptions {}

const vendor = "roundtable";

// The verbs of `action`, in the docs' wording (`Clicked "X"`) and the real one (`User clicked "X"`).
// The text is trimmed first and `.*` is greedy with `s`, so no input makes this backtrack.
const VERB_ACTION = /^(?:user\s+)?(navigated\s+to|clicked|edited|submitted)(?:\s+(.*))?$/is;
const VISIBILITY_ACTION = /^page\s+became\s+(?:hidden|visible)$/i;
// A URL with a scheme and no whitespace (`https://…`, `about:blank`), and the path of one with an authority.
const SCHEMED_URL = /^[a-z][a-z\d+.-]*:\S*$/i;
const AUTHORITY_PATH = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*([^?#]*)/i;
const QUERY_OR_FRAGMENT = /[?#]/;
// SessionEvent.time has four-digit years: 0000-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z.
const MIN_TIMESTAMP = -62_167_219_200_000;
const MAX_TIMESTAMP = 253_402_300_799_999;

/**
 * Maps the body of Roundtable's `GET /v1/sessions/{sessionId}/events` to SessionEvents.
 *
 * `action` is free prose, so type, page and target are read from its known wordings; the text
 * itself is kept verbatim as `name`. The instant is `unix_timestamp`; `user_time` (local wall
 * clock without an offset) is kept as the property `user_time` and never read as a time.
 */
export function normalizeRoundtableEvents(
  body: unknown,
  options?: RoundtableNormalizeOptions,
): SessionEvent[] {
  if (!isRecord(body)) throw invalidBody(vendor, "expected an object", body);
  const { session_id: sessionId, event_count: eventCount, events } = body;
  if (sessionId !== undefined && typeof sessionId !== "string") {
    throw invalidBody(vendor, "session_id is not a string", body);
  }
  if (
    eventCount !== undefined &&
    (typeof eventCount !== "number" || !Number.isInteger(eventCount) || eventCount < 0)
  ) {
    throw invalidBody(vendor, "event_count is not a non-negative integer", body);
  }
  if (events === undefined) {
    // Every field is optional in the spec: no `events` is an empty session, unless the count says otherwise.
    if (eventCount) throw invalidBody(vendor, `events is missing but event_count is ${eventCount}`, body);
    return [];
  }
  if (!Array.isArray(events)) throw invalidBody(vendor, "events is not an array", body);

  const session = sessionId ?? "";
  // Identity prefix: the session (length-prefixed so it cannot run into the rest) for ids that stay
  // distinct when timelines of several sessions are merged.
  const identityPrefix = `${session.length}:${session}|`;
  const mapping: EventMapping<RoundtableEvent> = {
    event(item) {
      const { action, unix_timestamp: unixTimestamp } = item;
      if (typeof unixTimestamp !== "number") throw new InvalidEventError("has no numeric unix_timestamp");
      if (action !== undefined && typeof action !== "string") {
        throw new InvalidEventError("action is not a string");
      }
      // Epoch milliseconds; a fractional one (not seen, but not excluded by JSON) stays in its millisecond.
      const timestamp = Math.floor(unixTimestamp);
      if (!(timestamp >= MIN_TIMESTAMP && timestamp <= MAX_TIMESTAMP)) {
        throw new InvalidEventError("unix_timestamp is not between years 0000 and 9999");
      }
      // Roundtable events have no id: every one is hashed from its identity below.
      // An event without `action` says nothing of what happened: an auto-captured event of unknown kind.
      const event = newEvent(vendor, "", "other", action ?? "", timestamp, eventProperties(item));
      if (sessionId) event.sessionId = sessionId;
      if (action !== undefined) describeAction(event, action);
      return event;
    },
    identityPrefix,
    identity(_item, event, hash) {
      hash.number(event.timestamp);
      hash.text("|");
      hash.text(event.name);
    },
  };
  return normalizeEvents(vendor, events as RoundtableEvent[], options, mapping);
}

/** Sets the type, page and target that the action's wording tells. */
function describeAction(event: SessionEvent, action: string): void {
  const text = action.trim();
  const match = VERB_ACTION.exec(text);
  if (!match) {
    // Tab visibility changes are captured by Roundtable's script, not named by anyone: other.
    // Everything else, the docs' `Signed in` included, is the vendor's own prose event: custom.
    // `Signed in` is not `identify`: it carries no user id or traits, and Segment's own spec
    // records "Signed In" as a track event.
    event.type = VISIBILITY_ACTION.test(text) ? "other" : "custom";
    return;
  }
  const object = match[2]?.trim() ?? "";
  // The verb's first letter, lower-cased: n(avigated to), c(licked), e(dited), s(ubmitted).
  const verb = (match[1] as string).charCodeAt(0) | 0x20;
  switch (verb) {
    case 0x6e: {
      // `Navigated to /x` is Roundtable's record that the user arrived on a page (the first event
      // of a session, and each SPA route change). It names only the destination, not how the
      // browser got there (link, back, reload), so it is what Segment calls a page call: page_view.
      event.type = "page_view";
      const page = pageOf(object);
      if (page) event.page = page;
      return;
    }
    case 0x63: {
      event.type = "click";
      const target = compact({ label: clickLabel(object) });
      if (target) event.target = target;
      return;
    }
    default: {
      event.type = verb === 0x65 ? "input" : "form_submit";
      const target = elementOf(object);
      if (target) event.target = target;
    }
  }
}

/** `/x?y` is a path (query dropped, as in `location.pathname`); a URL gives `url` and its path. */
function pageOf(destination: string): SessionEventPage | undefined {
  if (destination.startsWith("/")) {
    const end = destination.search(QUERY_OR_FRAGMENT);
    return { path: end === -1 ? destination : destination.slice(0, end) };
  }
  if (!SCHEMED_URL.test(destination)) return undefined;
  const authority = AUTHORITY_PATH.exec(destination);
  if (!authority) return { url: destination };
  return { url: destination, path: authority[1] || "/" };
}

/** The text between the first and the last double quote (the label may contain quotes itself). */
function clickLabel(object: string): string {
  const first = object.indexOf('"');
  const last = object.lastIndexOf('"');
  return first !== -1 && last > first ? object.slice(first + 1, last) : object;
}

/** `#email` is a CSS selector; a bare `login-form` is the element's id. */
function elementOf(object: string): SessionEventTarget | undefined {
  if (!object) return undefined;
  return object.startsWith("#") ? { selector: object } : { id: object };
}

/** Every field but `action` and `unix_timestamp` (so `user_time` and any extra ones), verbatim. */
function eventProperties(event: RoundtableEvent): Record<string, unknown> {
  const userTime = event.user_time;
  const known =
    (event.action === undefined ? 0 : 1) + (userTime === undefined ? 0 : 1) + 1; /* unix_timestamp */
  // Nearly every event has only the documented fields: skip the generic copy for them.
  if (Object.keys(event).length === known) return userTime === undefined ? {} : { user_time: userTime };
  const { action: _action, unix_timestamp: _unixTimestamp, ...rest } = event;
  return copyProperties(rest);
}
