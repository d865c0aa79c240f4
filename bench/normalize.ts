// Normalization cost per vendor: events per second, and the ratio of normalize time to JSON.parse
// time of the same payload (the cost every client pays anyway). Target: ratio <= 1.0.
// One module of the `pnpm bench` table (bench/index.ts).
import { readFileSync } from "node:fs";
import { normalizeActionHubEvents } from "@sessiontrail/actionhub";
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

export const vendors = (): Record<string, { payload: Json; normalize: (body: Json) => unknown[] }> => ({
  roundtable: (() => {
    const ex = richestExample("roundtable");
    const events = grow(ex.events, EVENTS, (e: Json, i) => ({ ...e, unix_timestamp: e.unix_timestamp + i }));
    return {
      payload: { ...ex, events, event_count: EVENTS },
      normalize: (b) => normalizeRoundtableEvents(b),
    };
  })(),
  openreplay: (() => {
    const ex = richestExample("openreplay");
    const events = grow(ex.data.events, EVENTS, (e: Json, i) => ({
      ...e,
      event_id: `${e.event_id}-${i}`,
      created_at: e.created_at + i,
    }));
    return { payload: { data: { total: EVENTS, events } }, normalize: (b) => normalizeOpenReplayEvents(b) };
  })(),
  fullstory: (() => {
    const ex = richestExample("fullstory");
    const events = grow(ex.events, EVENTS, (e: Json, i) => ({ ...e, event_time: iso(e.event_time, i) }));
    return { payload: { events }, normalize: (b) => normalizeFullStoryEvents(b) };
  })(),
  actionhub: (() => {
    const ex = richestExample("actionhub");
    const history = grow(ex.history, EVENTS, (e: Json, i) => ({ ...e, asset_id: `${e.asset_id}-${i}` }));
    return { payload: { history }, normalize: (b) => normalizeActionHubEvents(b, { userId: "u1" }) };
  })(),
  hardal: (() => {
    const ex = richestExample("hardal");
    const body = ex.events ? ex : ex.data;
    const events = grow(body.events, EVENTS, (e: Json, i) => ({ ...e, id: `${e.id}-${i}` }));
    return { payload: { ...body, events }, normalize: (b) => normalizeHardalEvents(b) };
  })(),
});

export const normalization: Bench = {
  name: "normalize",
  async run() {
    const rows: Row[] = [];
    for (const [vendor, { payload, normalize }] of Object.entries(vendors())) {
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
    }
    return rows;
  },
};
