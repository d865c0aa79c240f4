import {
  type EventMapping,
  invalidBody,
  isRecord,
  type NormalizeOptions,
  normalizeEvents,
  type SessionEvent,
} from "@sessiontrail/core";
import type { components } from "./generated/schema.js";
import { todo } from "./todo.ts";

// TODO(new-vendor): the spec's schema of one event, e.g. components["schemas"]["SessionEvent"].
type DatadogEvent = components["schemas"][keyof components["schemas"]];

/** Datadog adds no options of its own. */
export interface DatadogNormalizeOptions extends NormalizeOptions {}

const vendor = "datadog";

/**
 * Maps the 200 body of Datadog's events operation to SessionEvents.
 */
export function normalizeDatadogEvents(body: unknown, options?: DatadogNormalizeOptions): SessionEvent[] {
  if (!isRecord(body)) throw invalidBody(vendor, "expected an object", body);
  // TODO(new-vendor): the field of the body that holds the event list (the spec's 200 schema), e.g.
  //   const { events } = body; and what an absent or empty list means for this vendor.
  const events: unknown = todo("src/normalize.ts: the field of the 200 body that holds the events");
  if (!Array.isArray(events)) throw invalidBody(vendor, "events is not an array", body);
  const mapping: EventMapping<DatadogEvent> = {
    // TODO(new-vendor): one vendor event as a SessionEvent, from ../shared/vendors/datadog.md's events:
    //   newEvent(vendor, <the vendor's event id or "">, <type>, <name>, <epoch ms>, <properties>), its
    //   page and target; an event without a usable instant throws an InvalidEventError. See how
    //   packages/roundtable/src/normalize.ts and CONTRIBUTING.md ("Where things live") do it.
    event: () => todo("src/normalize.ts: mapping.event, one vendor event as a SessionEvent"),
    // TODO(new-vendor): what tells apart two events without a vendor id beyond their instant and name
    // (a target, a URL); these lines are enough for a vendor that gives every event an id.
    identity(_item, event, hash) {
      hash.number(event.timestamp);
      hash.text("|");
      hash.text(event.name);
    },
  };
  return normalizeEvents(vendor, events as DatadogEvent[], options, mapping);
}
