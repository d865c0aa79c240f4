import { validationError } from "./errors.ts";
import type { SessionEvent } from "./event.ts";

/** One source of `mergeTimelines`: a vendor's normalized events, in memory or streamed. */
export type VendorTimeline = Iterable<SessionEvent> | AsyncIterable<SessionEvent>;

/**
 * @deprecated Renamed `VendorTimeline`, as this name hid the global `EventSource` (server-sent
 * events) wherever it was imported; removed in a later release.
 */
export type EventSource = VendorTimeline;

interface Head {
  source: number;
  event: SessionEvent;
}

function iteratorOf(source: VendorTimeline): AsyncIterator<SessionEvent> | Iterator<SessionEvent> {
  if (Array.isArray(source)) {
    // An array is already in memory: sort a copy (stable), so vendor order never matters.
    return [...source].sort((a, b) => a.timestamp - b.timestamp)[Symbol.iterator]();
  }
  if (Symbol.asyncIterator in source) return source[Symbol.asyncIterator]();
  return source[Symbol.iterator]();
}

/**
 * Merges the normalized events of several sources into one chronological stream.
 * - Equal timestamps keep a stable order: by source position, then by order within the source.
 * - The same event seen twice (same vendor and id) is yielded once; distinct events never share
 *   a vendor and id, so none is dropped.
 * - Streams: one event per source is held at a time, plus the ids at the current instant. Arrays
 *   are sorted first; other sources must be ascending (ask vendors for ascending order), and a
 *   source that goes back in time fails with a `validation` error rather than a wrong timeline.
 */
export async function* mergeTimelines(
  ...sources: VendorTimeline[]
): AsyncGenerator<SessionEvent, void, undefined> {
  const iterators = sources.map(iteratorOf);
  const heads: (Head | undefined)[] = [];
  const lastOf: number[] = sources.map(() => Number.NEGATIVE_INFINITY);

  const pull = async (source: number): Promise<Head | undefined> => {
    const next = await (iterators[source] as AsyncIterator<SessionEvent>).next();
    if (next.done) return undefined;
    if (next.value.timestamp < (lastOf[source] as number)) {
      throw validationError("sessiontrail", [
        {
          path: `sources[${source}]`,
          message: `is not in ascending time order (event ${next.value.id} at ${next.value.time}); pass an array or request ascending order`,
        },
      ]);
    }
    lastOf[source] = next.value.timestamp;
    return { source, event: next.value };
  };

  try {
    for (let i = 0; i < iterators.length; i++) heads[i] = await pull(i);
    let instant = Number.NaN;
    const seenAtInstant = new Set<string>();
    for (;;) {
      let best: Head | undefined;
      for (const head of heads) {
        if (head && (!best || head.event.timestamp < best.event.timestamp)) best = head;
      }
      if (!best) return;
      heads[best.source] = await pull(best.source);
      const { event } = best;
      // A duplicate has its twin's timestamp, so only ids at the current instant need remembering.
      if (event.timestamp !== instant) {
        instant = event.timestamp;
        seenAtInstant.clear();
      }
      const key = `${event.vendor}\u0000${event.id}`;
      if (seenAtInstant.has(key)) continue;
      seenAtInstant.add(key);
      yield event;
    }
  } finally {
    await Promise.all(iterators.map((it) => it.return?.()));
  }
}
