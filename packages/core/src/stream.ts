import { type FieldIssue, validationError } from "./errors.ts";
import type { SessionEvent } from "./event.ts";
import { readJson, type TextResult } from "./response.ts";
import { type AttemptOptions, abortedError, type RetryOptions, withRetries } from "./retry.ts";

/** Options every `client.events()` takes. */
export interface EventStreamOptions {
  /** Events per page for vendors that page (OpenReplay 1-200, default 200; Hardal default 50). */
  pageSize?: number;
  /**
   * Pages in flight at once (default 1, at most 16). Pages beyond the first are fetched ahead once
   * the vendor has said how many there are; events still come out in order, and at most this many
   * pages are held in memory. The client's rate limit still applies to every request.
   */
  concurrency?: number;
  /** Stop after this many events. */
  maxEvents?: number;
  /** Cancels the stream at once, also during a retry wait or a rate-limit wait. */
  signal?: AbortSignal;
  /** Keep the untouched vendor event in `raw` (default true). */
  includeRaw?: boolean;
  /** Retries of failed reads (429, 5xx, timeouts, network errors); `false` turns them off. */
  retry?: RetryOptions | false;
  /** Time limit of each request, headers and body (default 30 s). */
  timeoutMs?: number;
  /** The largest response body read (default 64 MiB); a larger one fails with `invalid_response`. */
  maxResponseBytes?: number;
  /** Where to start: the `position` of an earlier stream, as `resume()` does. */
  startAt?: StreamPosition;
}

/** Where a stream stands: the next event is number `offset` (0-based) of page `page` (1-based). */
export interface StreamPosition {
  page: number;
  offset: number;
}

export interface Page {
  events: SessionEvent[];
  /** Whether the vendor has pages after this one. */
  hasMore: boolean;
  /** How many pages there are, when the vendor says (it lets later pages be fetched ahead). */
  totalPages?: number;
}

/** Reads one page; `signal` ends with the caller's signal or the attempt's timeout. */
export type FetchPage = (page: number, signal: AbortSignal) => Promise<Page>;

const MAX_CONCURRENCY = 16;

/**
 * The normalized events of one session (or one user log), fetched page by page as it is read.
 * When a read fails for good, `position` tells where it stopped, and `resume()` goes on from
 * there: nothing is yielded twice and nothing is skipped, as long as the vendor's data is unchanged.
 */
export class EventStream implements AsyncIterable<SessionEvent> {
  readonly #vendor: string;
  readonly #options: EventStreamOptions;
  readonly #fetchPage: FetchPage;
  #position: StreamPosition;
  #yielded = 0;

  constructor(vendor: string, options: EventStreamOptions, fetchPage: FetchPage) {
    this.#vendor = vendor;
    this.#options = options;
    this.#fetchPage = fetchPage;
    this.#position = { ...(options.startAt ?? { page: 1, offset: 0 }) };
  }

  /** The next event's place: after a failure, the first event not yet yielded. */
  get position(): StreamPosition {
    return { ...this.#position };
  }

  /** A new stream of the same query that starts where this one stopped (`maxEvents` counts on). */
  resume(): EventStream {
    const { maxEvents } = this.#options;
    return new EventStream(
      this.#vendor,
      {
        ...this.#options,
        startAt: this.position,
        ...(maxEvents !== undefined ? { maxEvents: Math.max(0, maxEvents - this.#yielded) } : {}),
      },
      this.#fetchPage,
    );
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<SessionEvent, void, undefined> {
    const vendor = this.#vendor;
    const options = this.#options;
    const max = options.maxEvents ?? Infinity;
    const concurrency = Math.min(MAX_CONCURRENCY, Math.max(1, Math.floor(options.concurrency ?? 1)));
    const { signal } = options;
    // Pages fetched ahead are cancelled when the reader stops early or a page fails.
    const stop = new AbortController();
    const pageSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
    const inFlight = new Map<number, Promise<Page>>();
    const launch = (page: number) => {
      // withRetries reads an undefined option as an absent one.
      const pending = withRetries(vendor, (attemptSignal) => this.#fetchPage(page, attemptSignal), {
        retry: options.retry,
        timeoutMs: options.timeoutMs,
        signal: pageSignal,
      } as AttemptOptions);
      // Awaited in order below; until then a failure must not count as unhandled.
      pending.catch(() => {});
      inFlight.set(page, pending);
    };

    let { page, offset } = this.#position;
    let next = page; // the next page to launch
    let last = page; // the last page known to exist
    let yielded = 0;
    try {
      for (; yielded < max; page++, offset = 0) {
        if (signal?.aborted) throw abortedError(vendor, signal);
        while (next <= last && inFlight.size < concurrency) launch(next++);
        const current = inFlight.get(page);
        if (!current) return;
        inFlight.delete(page);
        // withRetries already reports the caller's abort as kind `aborted`.
        const result = await current;
        const { events } = result;
        if (!result.hasMore || events.length === 0) last = page;
        else last = Math.max(page + 1, result.totalPages ?? 0);
        for (let i = offset; i < events.length; i++) {
          if (yielded >= max) return;
          this.#position = { page, offset: i + 1 };
          yielded++;
          this.#yielded++;
          yield events[i] as SessionEvent;
        }
        this.#position = { page: page + 1, offset: 0 };
        if (page >= last) return;
      }
    } finally {
      stop.abort();
    }
  }

  /** Reads the whole stream into an array. */
  async toArray(): Promise<SessionEvent[]> {
    const out: SessionEvent[] = [];
    for await (const event of this) out.push(event);
    return out;
  }
}

const isCount = (value: unknown, min: number) => Number.isInteger(value) && (value as number) >= min;

// The whole-number options: [name, least value, what a wrong one is told].
const COUNTS: [keyof EventStreamOptions, number, string][] = [
  ["concurrency", 1, `must be an integer 1-${MAX_CONCURRENCY}`],
  ["maxEvents", 0, "must be an integer >= 0"],
  ["timeoutMs", 1, "must be a positive integer (milliseconds)"],
  ["maxResponseBytes", 1, "must be a positive integer"],
];
const RETRY_COUNTS: [keyof RetryOptions, number, string][] = [
  ["maxAttempts", 1, "must be an integer >= 1"],
  ["baseDelayMs", 0, "must be an integer >= 0 (milliseconds)"],
  ["maxDelayMs", 0, "must be an integer >= 0 (milliseconds)"],
  ["maxRetryAfterMs", 0, "must be an integer >= 0 (milliseconds)"],
  ["budgetMs", 0, "must be an integer >= 0 (milliseconds)"],
];

/** Problems with the options every stream shares (`pageSize` is each vendor's own to check). */
export function streamOptionIssues(options: EventStreamOptions): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const check = (prefix: string, values: object, rules: [string, number, string][]) => {
    for (const [key, min, message] of rules) {
      const value = (values as Record<string, unknown>)[key];
      if (
        value !== undefined &&
        !(isCount(value, min) && (key !== "concurrency" || (value as number) <= MAX_CONCURRENCY))
      ) {
        issues.push({ path: prefix + key, message });
      }
    }
  };
  check("", options, COUNTS);
  const { retry, startAt } = options;
  if (retry !== undefined && retry !== false) check("retry.", retry, RETRY_COUNTS);
  if (startAt !== undefined && !(isCount(startAt?.page, 1) && isCount(startAt?.offset, 0))) {
    issues.push({ path: "startAt", message: "must be a stream position { page >= 1, offset >= 0 }" });
  }
  return issues;
}

/**
 * Walks a vendor's pages in order, yielding each page's events, with retries, timeouts, fetch-ahead
 * and `maxEvents`. A vendor with one response per session is a single page with `hasMore: false`.
 * Bad options throw a `validation` error here, before anything is sent.
 */
export function paginate(vendor: string, options: EventStreamOptions, fetchPage: FetchPage): EventStream {
  const issues = streamOptionIssues(options);
  if (issues.length > 0) throw validationError(vendor, issues);
  return new EventStream(vendor, options, fetchPage);
}

/**
 * The stream of a vendor that returns a whole session in one response (Roundtable, FullStory,
 * ActionHub): one call made with `parseAs: "stream"`, read as JSON, normalized as one page.
 */
export function singleResponse(
  vendor: string,
  options: EventStreamOptions,
  call: (signal: AbortSignal) => Promise<TextResult>,
  normalize: (body: unknown, includeRaw: boolean) => SessionEvent[],
): EventStream {
  return paginate(vendor, options, async (_page, signal) => {
    const body = await readJson(vendor, () => call(signal), options.maxResponseBytes, signal);
    return { events: normalize(body, options.includeRaw ?? true), hasMore: false };
  });
}
