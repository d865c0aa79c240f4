// Normalization cost per vendor: events per second, and the ratio of normalize time to JSON.parse
// time of the same payload (the cost every client pays anyway). Targets: see `normalization`.
// One module of the `pnpm bench` table (bench/index.ts).
import { readFileSync } from "node:fs";
import { type VendorName, vendorDescriptors } from "@sessiontrail/cli";
import { type EventMapping, newEvent, normalizeEvents, parseTimestamp } from "@sessiontrail/core";
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

/** Hardal's own default zone, which its examples are rendered in. */
const HARDAL_ZONE = "Europe/Istanbul";

/** A vendor's payload of EVENTS events, grown from its spec's richest example, and its floor. */
interface Workload {
  payload: Json;
  /** Absent for a vendor measured with the generic workload: no floor row. */
  floor?: Floor;
  /** The zone the example's timestamps are written in, for vendors whose query chooses one. */
  timeZone?: string;
}

/**
 * How each vendor's example grows to EVENTS events (each copy its own id and instant) and what its
 * floor reads. Keyed by vendor: a vendor of the registry without a workload fails to compile.
 */
const workloads: { [N in VendorName]?: () => Workload } = {
  roundtable: () => {
    const ex = richestExample("roundtable");
    const events = grow(ex.events, EVENTS, (e: Json, i) => ({ ...e, unix_timestamp: e.unix_timestamp + i }));
    return {
      payload: { ...ex, events, event_count: EVENTS },
      floor: { events: (b) => b.events, read: (e) => ({ timestamp: e.unix_timestamp, name: e.action }) },
    };
  },
  openreplay: () => {
    const ex = richestExample("openreplay");
    const events = grow(ex.data.events, EVENTS, (e: Json, i) => ({
      ...e,
      event_id: `${e.event_id}-${i}`,
      created_at: e.created_at + i,
    }));
    return {
      payload: { data: { total: EVENTS, events } },
      floor: {
        events: (b) => b.data.events,
        read: (e) => ({ timestamp: e.created_at, name: e.$event_name, id: e.event_id }),
      },
    };
  },
  fullstory: () => {
    const ex = richestExample("fullstory");
    const events = grow(ex.events, EVENTS, (e: Json, i) => ({ ...e, event_time: iso(e.event_time, i) }));
    return {
      payload: { events },
      floor: {
        events: (b) => b.events,
        read: (e) => ({ timestamp: isoMs(e.event_time), name: e.event_type, id: e.event_id }),
      },
    };
  },
  actionhub: () => {
    const ex = richestExample("actionhub");
    const history = grow(ex.history, EVENTS, (e: Json, i) => ({ ...e, asset_id: `${e.asset_id}-${i}` }));
    return {
      payload: { history },
      floor: {
        events: (b) => b.history,
        read: (e) => ({ timestamp: isoMs(e.timestamp), name: e.event_type }),
      },
    };
  },
  hardal: () => {
    const ex = richestExample("hardal");
    const body = ex.events ? ex : ex.data;
    const events = grow(body.events, EVENTS, (e: Json, i) => ({ ...e, id: `${e.id}-${i}` }));
    return {
      payload: { ...body, events },
      floor: {
        events: (b) => b.events,
        read: (e) => ({ timestamp: isoMs(e.timestamp, HARDAL_ZONE), name: e.name || e.type, id: e.id }),
      },
      timeZone: HARDAL_ZONE,
    };
  },
};

/**
 * The workload of a vendor without its own entry above (a new vendor): the richest example with its
 * longest list (its events) repeated to EVENTS, events unchanged. Ids and instants repeat, so twins
 * are counted too; there is no floor row until the vendor gets its own workload.
 */
function genericWorkload(vendor: string): Workload {
  const example = structuredClone(richestExample(vendor));
  let longest: Json[] = [];
  const visit = (value: Json) => {
    if (Array.isArray(value)) {
      if (value.length > longest.length) longest = value;
      value.forEach(visit);
    } else if (value && typeof value === "object") Object.values(value).forEach(visit);
  };
  visit(example);
  longest.splice(0, longest.length, ...grow([...longest], EVENTS, (event) => event));
  return { payload: example };
}

/** Every vendor of the registry: its workload, normalized the way its descriptor normalizes a response. */
const vendors = (): Record<string, Workload & { normalize: (body: Json) => unknown[] }> =>
  Object.fromEntries(
    vendorDescriptors.map((d) => {
      const workload = workloads[d.name]?.() ?? genericWorkload(d.name);
      const { timeZone } = workload;
      const query = d.toQuery({
        id: d.mock.id,
        settings: d.mock.settings ?? {},
        ...(timeZone ? { timeZone } : {}),
      });
      const normalize = d.normalize as (body: Json, query: unknown) => unknown[];
      return [d.name, { ...workload, normalize: (body: Json) => normalize(body, query) }];
    }),
  );

/**
 * Events at least this large (JSON bytes, on average) must normalize in no more time than
 * JSON.parse takes to read them. Smaller events cannot: the floor rows show that the shared loop
 * alone (instant, name, id, time, raw) already costs about as much as parsing ~100-200 bytes.
 */
const PARSE_TARGET_MIN_BYTES = 300;

/**
 * Regression guards for vendors whose events are smaller: normalize time / floor time (both in the
 * same run, so the machine's speed cancels out) must stay within 1.1x the ratio measured when the
 * guard was set (bench/RESULTS.md of 2026-11: roundtable 2.08 / 1.31, actionhub 1.56 / 0.87).
 */
const FLOOR_CEILINGS: Readonly<Record<string, number>> = { roundtable: 1.75, actionhub: 1.97 };

export const normalization: Bench = {
  name: "normalize",
  async run() {
    const rows: Row[] = [];
    for (const [vendor, { payload, normalize, floor }] of Object.entries(vendors())) {
      const minimal = floor && floorNormalize(vendor, floor);
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
        ...(minimal
          ? {
              floor: () => {
                sink += minimal(parsed).length;
              },
            }
          : {}),
      });
      if (sink === 0) throw new Error("nothing measured");
      const parseMs = ms.parse as number;
      const normalizeMs = ms.normalize as number;
      const floorMs = ms.floor;
      const bytes = text.length / EVENTS;
      const ratio = normalizeMs / parseMs;
      const perSecond = EVENTS / (normalizeMs / 1000);
      // A vendor measured on the generic workload (its example repeated, ids and instants too) gets
      // figures but no target: repeats are not a session (PostHog drops them as duplicates).
      const held = bytes >= PARSE_TARGET_MIN_BYTES && floor !== undefined;
      rows.push({
        figure: `normalize ${vendor}: ${EVENTS} events (${bytes.toFixed(0)} B each) vs JSON.parse${floor ? "" : " (generic workload)"}`,
        value: `${normalizeMs.toFixed(1)} ms (${(perSecond / 1e6).toFixed(2)} M events/s)`,
        baseline: `JSON.parse ${parseMs.toFixed(1)} ms`,
        ratio,
        target: held ? "<= 1.00" : "-",
        ok: held ? ratio <= 1.0 : null,
        ...(vendor === "roundtable"
          ? {
              note: `target <= 1.00 for vendors whose events average ${PARSE_TARGET_MIN_BYTES} B or more; smaller events are held to their floor instead (the "vs its floor" rows), as the floor alone nears JSON.parse for them`,
            }
          : {}),
      });
      if (floorMs === undefined) continue;
      rows.push({
        figure: `normalize floor ${vendor}: instant, name, id, time, raw only`,
        value: `${floorMs.toFixed(1)} ms`,
        baseline: `JSON.parse ${parseMs.toFixed(1)} ms`,
        ratio: floorMs / parseMs,
        target: "-",
        ok: null,
        ...(vendor === "roundtable"
          ? {
              note: "the least any normalizer does: read the instant and the name, format `time`, take the vendor's id or hash instant and name into one, keep `raw` (the shared loop, no type, page, target or properties); above 1.00 the target cannot be met without dropping a field of SessionEvent",
            }
          : {}),
      });
      if (!held) {
        const ceiling = FLOOR_CEILINGS[vendor];
        const overFloor = normalizeMs / floorMs;
        rows.push({
          figure: `normalize ${vendor} vs its floor (regression guard)`,
          value: `${normalizeMs.toFixed(1)} ms`,
          baseline: `floor ${floorMs.toFixed(1)} ms`,
          ratio: overFloor,
          // A vendor with small events and no ceiling yet fails, so that one is set on purpose.
          target: ceiling === undefined ? "a ceiling in FLOOR_CEILINGS" : `<= ${ceiling.toFixed(2)}`,
          ok: ceiling !== undefined && overFloor <= ceiling,
        });
      }
    }
    return rows;
  },
};
