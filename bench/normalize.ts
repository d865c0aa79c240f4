// Normalization cost per vendor: events per second, and the ratio of normalize time to JSON.parse
// time of the same payload (the cost every client pays anyway). Target: ratio <= 1.0.
// One module of the `pnpm bench` table (bench/index.ts).
import { readFileSync } from "node:fs";
import { normalizeActionHubEvents } from "@sessiontrail/actionhub";
import { type EventMapping, newEvent, normalizeEvents, parseTimestamp } from "@sessiontrail/core";
import { normalizeFullStoryEvents } from "@sessiontrail/fullstory";
import { normalizeHardalEvents } from "@sessiontrail/hardal";
import { normalizeOpenReplayEvents } from "@sessiontrail/openreplay";
import { normalizeRoundtableEvents } from "@sessiontrail/roundtable";
import { parse } from "yaml";
import { type Bench, interleave, type Row } from "./harness.ts";

const EVENTS = 20_000;

// biome-ignore lint/suspicious/noExplicitAny: spec examples are untyped JSON.
type Json = any;

/** The richest named 200 example of a vendor's spec: realistic events to replicate. */
function richestExample(vendor: string): Json {
  const spec = parse(readFileSync(new URL(`../specs/${vendor}/openapi.yaml`, import.meta.url), "utf8"));
  const examples = Object.values<Json>(spec.components.examples).map((e) => e.value);
  return examples
    .filter((v) => v && typeof v === "object")
    .sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length)[0];
}

/** Replicates a list of vendor events to `count`, giving each copy its own id and instant. */
function grow<T>(events: T[], count: number, vary: (event: T, copy: number) => T): T[] {
  return Array.from({ length: count }, (_, i) => vary(structuredClone(events[i % events.length] as T), i));
}

const iso = (base: string, i: number) => new Date(Date.parse(base) + i * 1000).toISOString();

/**
 * What every normalizer must do at least, for a vendor: read the instant and the name, format
 * `time`, give the event its id (the vendor's, or a hash of instant and name) and keep `raw`,
 * through the shared loop. No type, page, target or properties. Measured next to the real
 * normalizer, it tells how far the mapping itself is from the limit.
 */
interface Floor {
  events: (body: Json) => Json[];
  read: (event: Json) => { timestamp: number; name: string; id?: string };
}

function floorNormalize(vendor: string, floor: Floor): (body: Json) => unknown[] {
  const mapping: EventMapping<Json> = {
    event(item) {
      const { timestamp, name, id } = floor.read(item);
      return newEvent(vendor, id ?? "", "other", name, timestamp, {});
    },
    identity(_item, event, hash) {
      hash.number(event.timestamp);
      hash.text(event.name);
    },
  };
  return (body) => normalizeEvents(vendor, floor.events(body), undefined, mapping);
}

const isoMs = (text: string, zone?: string) => parseTimestamp(text, zone) as number;

const vendors = (): Record<
  string,
  { payload: Json; normalize: (body: Json) => unknown[]; floor: Floor }
> => ({
  roundtable: (() => {
    const ex = richestExample("roundtable");
    const events = grow(ex.events, EVENTS, (e: Json, i) => ({ ...e, unix_timestamp: e.unix_timestamp + i }));
    return {
      payload: { ...ex, events, event_count: EVENTS },
      normalize: (b) => normalizeRoundtableEvents(b),
      floor: { events: (b) => b.events, read: (e) => ({ timestamp: e.unix_timestamp, name: e.action }) },
    };
  })(),
  openreplay: (() => {
    const ex = richestExample("openreplay");
    const events = grow(ex.data.events, EVENTS, (e: Json, i) => ({
      ...e,
      event_id: `${e.event_id}-${i}`,
      created_at: e.created_at + i,
    }));
    return {
      payload: { data: { total: EVENTS, events } },
      normalize: (b) => normalizeOpenReplayEvents(b),
      floor: {
        events: (b) => b.data.events,
        read: (e) => ({ timestamp: e.created_at, name: e.$event_name, id: e.event_id }),
      },
    };
  })(),
  fullstory: (() => {
    const ex = richestExample("fullstory");
    const events = grow(ex.events, EVENTS, (e: Json, i) => ({ ...e, event_time: iso(e.event_time, i) }));
    return {
      payload: { events },
      normalize: (b) => normalizeFullStoryEvents(b),
      floor: {
        events: (b) => b.events,
        read: (e) => ({ timestamp: isoMs(e.event_time), name: e.event_type, id: e.event_id }),
      },
    };
  })(),
  actionhub: (() => {
    const ex = richestExample("actionhub");
    const history = grow(ex.history, EVENTS, (e: Json, i) => ({ ...e, asset_id: `${e.asset_id}-${i}` }));
    return {
      payload: { history },
      normalize: (b) => normalizeActionHubEvents(b, { userId: "u1" }),
      floor: {
        events: (b) => b.history,
        read: (e) => ({ timestamp: isoMs(e.timestamp), name: e.event_type }),
      },
    };
  })(),
  hardal: (() => {
    const ex = richestExample("hardal");
    const body = ex.events ? ex : ex.data;
    const events = grow(body.events, EVENTS, (e: Json, i) => ({ ...e, id: `${e.id}-${i}` }));
    return {
      payload: { ...body, events },
      normalize: (b) => normalizeHardalEvents(b),
      floor: {
        events: (b) => b.events,
        read: (e) => ({ timestamp: isoMs(e.timestamp, "Europe/Istanbul"), name: e.name || e.type, id: e.id }),
      },
    };
  })(),
});

export const normalization: Bench = {
  name: "normalize",
  async run() {
    const rows: Row[] = [];
    for (const [vendor, { payload, normalize, floor }] of Object.entries(vendors())) {
      const minimal = floorNormalize(vendor, floor);
      const text = JSON.stringify(payload);
      const parsed = JSON.parse(text);
      let sink = 0;
      const ms = interleave({
        parse: () => {
          sink += JSON.parse(text) ? 1 : 0;
        },
        normalize: () => {
          sink += normalize(parsed).length;
        },
        floor: () => {
          sink += minimal(parsed).length;
        },
      });
      if (sink === 0) throw new Error("nothing measured");
      const ratio = (ms.normalize as number) / (ms.parse as number);
      const perSecond = EVENTS / ((ms.normalize as number) / 1000);
      rows.push({
        figure: `normalize ${vendor}: ${EVENTS} events (${(text.length / EVENTS).toFixed(0)} B each) vs JSON.parse`,
        value: `${(ms.normalize as number).toFixed(1)} ms (${(perSecond / 1e6).toFixed(2)} M events/s)`,
        baseline: `JSON.parse ${(ms.parse as number).toFixed(1)} ms`,
        ratio,
        target: "<= 1.00",
        ok: ratio <= 1.0,
      });
      const floorRatio = (ms.floor as number) / (ms.parse as number);
      rows.push({
        figure: `normalize floor ${vendor}: instant, name, id, time, raw only`,
        value: `${(ms.floor as number).toFixed(1)} ms`,
        baseline: `JSON.parse ${(ms.parse as number).toFixed(1)} ms`,
        ratio: floorRatio,
        target: "-",
        ok: null,
        ...(vendor === "roundtable"
          ? {
              note: "the least any normalizer does: read the instant and the name, format `time`, take the vendor's id or hash instant and name into one, keep `raw` (the shared loop, no type, page, target or properties); above 1.00 the target cannot be met without dropping a field of SessionEvent",
            }
          : {}),
      });
    }
    return rows;
  },
};
