import type { SessionEvent } from "./event.ts";
import { errorFromThrown, readJson, type TextResult } from "./response.ts";

/** Options every `client.events()` takes. */
export interface EventStreamOptions {
  /** Events per page for vendors that page (OpenReplay, Hardal). */
  pageSize?: number;
  /** Stop after this many events. */
  maxEvents?: number;
  /** Cancels the stream, also between pages. */
  signal?: AbortSignal;
  /** Keep the untouched vendor event in `raw` (default true). */
  includeRaw?: boolean;
  /** Start at this page (1-based), e.g. to resume after the last page that completed. */
  startPage?: number;
}

/** The normalized events of one session (or one user log), fetched page by page as it is read. */
export class EventStream implements AsyncIterable<SessionEvent> {
  readonly #source: () => AsyncGenerator<SessionEvent, void, undefined>;

  constructor(source: () => AsyncGenerator<SessionEvent, void, undefined>) {
    this.#source = source;
  }

  [Symbol.asyncIterator](): AsyncGenerator<SessionEvent, void, undefined> {
    return this.#source();
  }

  /** Reads the whole stream into an array. */
  async toArray(): Promise<SessionEvent[]> {
    const out: SessionEvent[] = [];
    for await (const event of this) out.push(event);
    return out;
  }
}

export interface Page {
  events: SessionEvent[];
  /** Whether the vendor has pages after this one. */
  hasMore: boolean;
}

/**
 * Walks a vendor's pages in order, yielding each page's events, honouring `maxEvents` and `signal`.
 * A vendor with one response per session is a single page with `hasMore: false`.
 */
export function paginate(
  vendor: string,
  options: EventStreamOptions,
  fetchPage: (page: number, signal: AbortSignal | undefined) => Promise<Page>,
): EventStream {
  return new EventStream(async function* () {
    const max = options.maxEvents ?? Number.POSITIVE_INFINITY;
    let yielded = 0;
    for (let page = options.startPage ?? 1; ; page++) {
      if (options.signal?.aborted) {
        throw errorFromThrown(vendor, Object.assign(new Error("aborted"), { name: "AbortError" }));
      }
      const { events, hasMore } = await fetchPage(page, options.signal);
      for (const event of events) {
        if (yielded >= max) return;
        yielded++;
        yield event;
      }
      if (!hasMore || events.length === 0 || yielded >= max) return;
    }
  });
}

/**
 * The stream of a vendor that returns a whole session in one response (Roundtable, FullStory,
 * ActionHub): one call made with `parseAs: "text"`, read as JSON, normalized as one page.
 */
export function singleResponse(
  vendor: string,
  options: EventStreamOptions,
  call: (signal: AbortSignal | undefined) => Promise<TextResult>,
  normalize: (body: unknown, includeRaw: boolean) => SessionEvent[],
): EventStream {
  return paginate(vendor, options, async (_page, signal) => {
    const body = await readJson(vendor, () => call(signal));
    return { events: normalize(body, options.includeRaw ?? true), hasMore: false };
  });
}
