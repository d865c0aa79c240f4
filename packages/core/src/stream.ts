import { limitIssues } from "./client.ts";
import { abortedError, type FieldIssue, SessionTrailError, validationError } from "./errors.ts";
import type { SessionEvent } from "./event.ts";
import { type Logger, safeLogger } from "./log.ts";
import { EventIdScope, type NormalizeOptions } from "./normalize.ts";
import { readJson, type TextResult } from "./response.ts";
import { type RetryOptions, withRetries } from "./retry.ts";
import { isoTime } from "./time.ts";
import type { ReadOptions, RequestLimits } from "./transport.ts";

/** Options every `client.events()` takes. */
export interface EventStreamOptions extends RequestLimits {
  /** Events per page for vendors that page (OpenReplay 1-200, default 200; Hardal default 50). */
  pageSize?: number;
  /**
   * Pages in flight at once (default 1, at most 16). Pages beyond the first are fetched ahead once
   * the vendor has said how many events there are; events still come out in order, and at most this
   * many pages are held in memory. The client's rate limit still applies to every request.
   */
  concurrency?: number;
  /** Stop after this many events. */
  maxEvents?: number;
  /**
   * The most pages read (default 100,000): a vendor that keeps saying "more" fails with
   * `invalid_response` here rather than streaming forever.
   */
  maxPages?: number;
  /** Cancels the stream at once, also during a retry wait, a rate-limit wait, or between two events. */
  signal?: AbortSignal;
  /** Keep the untouched vendor event in `raw` (default true). */
  includeRaw?: boolean;
  /** Retries of failed reads (408, 429, 5xx, timeouts, network errors); `false` turns them off. */
  retry?: RetryOptions | false;
  /** Where to start: the `position` of an earlier stream, as `resume()` does. */
  startAt?: StreamPosition;
}

/** Where a stream stands: the next event is number `offset` (0-based) of page `page` (1-based). */
export interface StreamPosition {
  /** 1-based number of the page the next event is on. */
  page: number;
  /** 0-based index of the next event among that page's events, sorted by time. */
  offset: number;
}

/** What one page of a vendor's answer says, read by the vendor package from its untouched body. */
export interface PageContent {
  /** The page's events, normalized, in the vendor's order (the stream sorts them by time). */
  events: SessionEvent[];
  /** How many events the vendor sent on this page, skipped invalid ones included. */
  count: number;
  /** The session's event count, where the vendor says (OpenReplay `data.total`, Hardal `totalCount`). */
  total?: number | undefined;
  /** Whether the vendor says more pages follow (Hardal `hasMore`); without it the total decides. */
  hasMore?: boolean | undefined;
  /**
   * The cursor of the next page, for vendors that page by cursor or keyset (Datadog's
   * `meta.page.after`, PostHog's last row): the next request gets it, pages are read one at a time,
   * and a cursor that does not advance fails the stream. Its presence means more pages follow,
   * unless `hasMore` says otherwise; the last page says `hasMore: false`.
   */
  next?: unknown;
}

/**
 * The limits, signal and read options of one page request; vendor packages pass them on, whole, to
 * their client call (openapi-fetch hands them to the transport on the Request).
 */
export interface PageRequest extends RequestLimits, ReadOptions {
  /** Ends the request: the caller's cancel, or the stream dropping a page it fetched ahead. */
  signal: AbortSignal;
}

/**
 * One vendor's way to read a session: how to ask for a page, and what a page's body says. Vendor
 * packages build one per `events()` or `page()` call, after checking the query.
 */
export interface SessionSource {
  /** Short vendor name (`hardal`), as in errors, log records and `SessionEvent.vendor`. */
  vendor: string;
  /** Whether the vendor pages its answer; one that does not is read as page 1 alone. */
  paged: boolean;
  /** The page size asked for, so that fetch-ahead can be planned from a total. */
  pageSize?: number | undefined;
  /**
   * Sends the request for page `page` (a call made with `parseAs: "stream"`); `cursor` is the
   * `next` of the page before (undefined for page 1, and for vendors that page by number).
   */
  request(page: number, request: PageRequest, cursor?: unknown): Promise<TextResult>;
  /** The client's logger (set by `sessionReads`), told of each page, retry and wait. */
  log?: Logger | undefined;
  /**
   * Checks a page's body within the request's attempt, before it counts as read: throw a retryable
   * `SessionTrailError` (kind `timeout` or `server`) for a partial page the vendor should be asked
   * again for (Datadog's `meta.status: "timeout"`); the retries apply, then the stream fails with it.
   */
  accept?(body: unknown, page: number): void;
  /**
   * Reads a page's body; throws `invalid_response` (see `invalidBody`) for a body that breaks the
   * vendor's spec, such as a missing or malformed paging field.
   */
  read(body: unknown, options: NormalizeOptions): PageContent;
}

/** The defaults of every stream, written once. */
export const streamDefaults = {
  /** Pages in flight at once when `concurrency` is not given: each page is read after the one before. */
  concurrency: 1,
  /** The largest `concurrency` a stream accepts. */
  maxConcurrency: 16,
  /** The most pages read when `maxPages` is not given, before a vendor that keeps saying "more" fails. */
  maxPages: 100_000,
} as const;

/**
 * What a stream knows at the start of a page: enough to check it and to resume there. Shown in place
 * in the API reference (`@inline`): only `resume()` makes one, and it is not exported.
 *
 * @inline
 */
interface Checkpoint {
  /** Events the vendor sent on the pages before. */
  received: number;
  /** The latest event time so far (epoch ms). */
  lastTime: number;
  /** The events of the page before (of the last page that had any), to tell a repeated page. */
  previous: readonly SessionEvent[];
  /** Twin counts at the latest millisecond, so hashed ids stay unique across pages. */
  ids: EventIdScope;
  /** The cursor the page before returned (`PageContent.next`), which this page is asked with. */
  cursor?: unknown;
}

const freshCheckpoint = (): Checkpoint => ({
  received: 0,
  lastTime: Number.NEGATIVE_INFINITY,
  previous: [],
  ids: new EventIdScope(),
});

/** Fetches the untouched body of one page, with retries; the transport times each attempt. */
function fetchBody(
  source: SessionSource,
  page: number,
  options: EventStreamOptions,
  signal: AbortSignal | undefined,
  cursor?: unknown,
): Promise<unknown> {
  const { vendor } = source;
  return withRetries(
    vendor,
    async (attemptSignal, attempt) => {
      const request: PageRequest = {
        signal: attemptSignal,
        timeoutMs: options.timeoutMs,
        maxResponseBytes: options.maxResponseBytes,
        attempt,
        holdBody: true,
      };
      const body = await readJson(vendor, () => source.request(page, request, cursor));
      // Within the attempt, so a partial page is asked for again like a failed one.
      source.accept?.(body, page);
      return body;
    },
    { retry: options.retry, signal, log: source.log },
  );
}

const byTime = (a: SessionEvent, b: SessionEvent) => a.timestamp - b.timestamp;

/** Sorts a page by time in place (stable: twins keep the vendor's order), unless already sorted. */
function sortByTime(events: SessionEvent[]): void {
  for (let i = 1; i < events.length; i++) {
    if ((events[i] as SessionEvent).timestamp < (events[i - 1] as SessionEvent).timestamp) {
      events.sort(byTime);
      return;
    }
  }
}

/** The same events in the same order: a page the vendor served twice (ids may differ when hashed). */
function samePage(a: readonly SessionEvent[], b: readonly SessionEvent[]): boolean {
  if (a.length === 0 || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as SessionEvent;
    const y = b[i] as SessionEvent;
    if (x.timestamp !== y.timestamp || x.name !== y.name || x.type !== y.type) return false;
  }
  return true;
}

/**
 * The normalized events of one session (or one user log), fetched page by page as it is read: the
 * whole session, each event once, oldest first, or a `SessionTrailError`. Pages are checked as they
 * come: a short page does not end the session (the vendor's total or `hasMore` does), a page that
 * repeats the one before, starts before it ended, or breaks the vendor's paging fields fails with
 * `invalid_response`, and so does a vendor that keeps saying "more" past `maxPages`.
 * When a read fails for good, `position` tells where it stopped, and `resume()` goes on from
 * there: nothing is yielded twice and nothing is skipped, as long as the vendor's data is unchanged.
 */
export class EventStream implements AsyncIterable<SessionEvent> {
  readonly #source: SessionSource;
  readonly #options: EventStreamOptions;
  #position: StreamPosition;
  /** The state at the start of the page `#position` is on. */
  #checkpoint: Checkpoint;
  #yielded = 0;

  /**
   * A stream of `source`'s session, sending nothing until it is iterated. `streamSession` checks the
   * options first; `checkpoint` is for `resume()` alone, the state at the start of `startAt`'s page.
   */
  constructor(source: SessionSource, options: EventStreamOptions, checkpoint?: Checkpoint) {
    this.#source = source;
    this.#options = options;
    this.#position = { ...(options.startAt ?? { page: 1, offset: 0 }) };
    this.#checkpoint = checkpoint ?? freshCheckpoint();
  }

  /** The next event's place: after a failure, the first event not yet yielded. */
  get position(): StreamPosition {
    return { ...this.#position };
  }

  /**
   * A new stream of the same query that starts where this one stopped (`maxEvents` counts on). It
   * goes on with this stream's checks and id counts, so ids are those of an unbroken read.
   */
  resume(): EventStream {
    const { maxEvents } = this.#options;
    const checkpoint = { ...this.#checkpoint, ids: this.#checkpoint.ids.clone() };
    return new EventStream(
      this.#source,
      {
        ...this.#options,
        startAt: this.position,
        ...(maxEvents !== undefined ? { maxEvents: Math.max(0, maxEvents - this.#yielded) } : {}),
      },
      checkpoint,
    );
  }

  /**
   * The events, oldest first, fetched page by page as they are read; stopping early cancels the pages
   * fetched ahead. A failure leaves `position` at the first event not yet yielded.
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<SessionEvent, void, undefined> {
    const source = this.#source;
    const { vendor } = source;
    const options = this.#options;
    const max = options.maxEvents ?? Number.POSITIVE_INFINITY;
    const maxPages = options.maxPages ?? streamDefaults.maxPages;
    const concurrency = options.concurrency ?? streamDefaults.concurrency;
    const includeRaw = options.includeRaw ?? true;
    const { signal } = options;
    // Pages fetched ahead are cancelled when the reader stops early or a page fails.
    const stop = new AbortController();
    const pageSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
    const inFlight = new Map<number, Promise<unknown>>();
    // By number, pages are fetched ahead; by cursor, each waits for the `next` of the one before.
    let byCursor = this.#checkpoint.cursor !== undefined;
    const launch = (page: number, cursor: unknown) => {
      const pending = fetchBody(source, page, options, pageSignal, cursor);
      // Awaited in order below; until then a failure must not count as unhandled.
      pending.catch(() => {});
      inFlight.set(page, pending);
    };
    const broken = (page: number, message: string) =>
      new SessionTrailError({ kind: "invalid_response", vendor, message: `page ${page}: ${message}` });

    let { page, offset } = this.#position;
    let next = page; // the next page to launch
    let planned = page; // the last page known to be needed
    let yielded = 0;
    try {
      for (;;) {
        if (signal?.aborted) throw abortedError(vendor, signal);
        if (page > maxPages) {
          throw broken(page, `the vendor still says more pages follow after ${maxPages} (maxPages)`);
        }
        const { cursor } = this.#checkpoint;
        while (next <= planned && inFlight.size < concurrency) launch(next++, cursor);
        const pending = inFlight.get(page) as Promise<unknown>;
        inFlight.delete(page);
        // withRetries already reports the caller's abort as kind `aborted`.
        const body = await pending;
        const checkpoint = this.#checkpoint;
        const ids = checkpoint.ids.clone();
        const { events, count, total, hasMore, next: cursorNext } = source.read(body, { includeRaw, ids });
        sortByTime(events);
        const received = checkpoint.received + count;
        const hasCursor = cursorNext !== undefined;
        if (hasCursor) {
          byCursor = true;
          if (JSON.stringify(cursorNext) === JSON.stringify(checkpoint.cursor)) {
            throw broken(page, "the cursor did not advance (the vendor would serve this page again)");
          }
        }
        const more = source.paged && morePages(page, count, received, total, hasMore, hasCursor, broken);
        source.log?.({ type: "page", vendor, page, events: count, total, more });
        this.#checkAgainstPrevious(page, events, checkpoint, broken);
        if (more) {
          const left =
            byCursor || total === undefined || !source.pageSize
              ? 1
              : Math.ceil((total - received) / source.pageSize);
          planned = Math.max(planned, page + Math.max(1, left));
        }
        for (let i = offset; i < events.length; i++) {
          if (yielded >= max) return;
          if (signal?.aborted) throw abortedError(vendor, signal);
          this.#position = { page, offset: i + 1 };
          yielded++;
          this.#yielded++;
          yield events[i] as SessionEvent;
        }
        const last = events[events.length - 1];
        this.#checkpoint = {
          received,
          lastTime: last ? last.timestamp : checkpoint.lastTime,
          previous: events.length > 0 ? events : checkpoint.previous,
          ids,
          cursor: cursorNext,
        };
        this.#position = { page: page + 1, offset: 0 };
        if (!more) return;
        page++;
        offset = 0;
      }
    } finally {
      // Only pages fetched ahead need cancelling; an abort with nothing to cancel still builds a
      // DOMException and wakes every listener, a fifth of a one-page read's cost.
      if (inFlight.size > 0) stop.abort();
    }
  }

  /** Fails a page that repeats events of the page before, or starts before it ended. */
  #checkAgainstPrevious(
    page: number,
    events: readonly SessionEvent[],
    checkpoint: Checkpoint,
    broken: (page: number, message: string) => SessionTrailError,
  ): void {
    const first = events[0];
    if (!first) return;
    const { previous, lastTime } = checkpoint;
    if (samePage(events, previous)) throw broken(page, `repeats page ${page - 1} (the same events again)`);
    if (first.timestamp < lastTime) {
      throw broken(
        page,
        `starts at ${isoTime(first.timestamp)}, before page ${page - 1} ended (${isoTime(lastTime)}): the vendor's pages are not in time order`,
      );
    }
    if (previous.length === 0) return;
    const seen = new Set(previous.map((event) => event.id));
    for (const event of events) {
      if (seen.has(event.id)) throw broken(page, `repeats event ${event.id} of page ${page - 1}`);
    }
  }

  /** Reads the whole stream into an array. */
  async toArray(): Promise<SessionEvent[]> {
    const out: SessionEvent[] = [];
    for await (const event of this) out.push(event);
    return out;
  }
}

/**
 * Whether pages follow page `page`, from what the vendor said; throws where what it said cannot be
 * true: a `hasMore` that ends the session short of its total, an empty page that promises more (no
 * progress), or more events than the total.
 */
function morePages(
  page: number,
  count: number,
  received: number,
  total: number | undefined,
  hasMore: boolean | undefined,
  hasCursor: boolean,
  broken: (page: number, message: string) => SessionTrailError,
): boolean {
  if (!Number.isInteger(count) || count < 0) throw broken(page, `the event count ${count} is not a count`);
  if (total !== undefined && !(Number.isInteger(total) && total >= 0)) {
    throw broken(page, `the session's total ${JSON.stringify(total)} is not a count`);
  }
  if (hasMore !== undefined && typeof hasMore !== "boolean") {
    throw broken(page, `hasMore ${JSON.stringify(hasMore)} is not a boolean`);
  }
  if (hasMore === undefined && total === undefined && !hasCursor) {
    throw broken(page, "the vendor said neither how many events there are nor whether more follow");
  }
  if (total !== undefined && received > total) {
    throw broken(page, `${received} events received, more than the session's total of ${total}`);
  }
  const more = hasMore ?? (hasCursor || received < (total as number));
  if (!more && total !== undefined && received < total) {
    throw broken(page, `the pages ended after ${received} of the session's ${total} events`);
  }
  // By cursor, progress is the cursor moving on (checked by the stream), not the events.
  if (more && count === 0 && !hasCursor) {
    throw broken(
      page,
      `an empty page, though more should follow (${received}${total === undefined ? "" : ` of ${total}`} events so far)`,
    );
  }
  return more;
}

const isCount = (value: unknown, min: number) => Number.isInteger(value) && (value as number) >= min;

// The whole-number options: [name, least value, greatest value, what a wrong one is told]. Built
// when checked, not at load: a table read from `streamDefaults` at load stays in every bundle,
// including those of raw clients that never stream.
const counts = (): [keyof EventStreamOptions, number, number, string][] => [
  ["concurrency", 1, streamDefaults.maxConcurrency, `must be an integer 1-${streamDefaults.maxConcurrency}`],
  ["maxEvents", 0, Infinity, "must be an integer >= 0"],
  ["maxPages", 1, Infinity, "must be an integer >= 1"],
];
const RETRY_COUNTS: [keyof RetryOptions, number, number, string][] = [
  ["maxAttempts", 1, Infinity, "must be an integer >= 1"],
  ["baseDelayMs", 0, Infinity, "must be an integer >= 0 (milliseconds)"],
  ["maxDelayMs", 0, Infinity, "must be an integer >= 0 (milliseconds)"],
  ["maxRetryAfterMs", 0, Infinity, "must be an integer >= 0 (milliseconds)"],
  ["budgetMs", 0, Infinity, "must be an integer >= 0 (milliseconds)"],
];

/** Problems with the options every stream shares (`pageSize` is each vendor's own to check). */
export function streamOptionIssues(options: EventStreamOptions): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const check = (prefix: string, values: object, rules: [string, number, number, string][]) => {
    for (const [key, min, max, message] of rules) {
      const value = (values as Record<string, unknown>)[key];
      if (value !== undefined && !(isCount(value, min) && (value as number) <= max)) {
        issues.push({ path: prefix + key, message });
      }
    }
  };
  check("", options, counts());
  issues.push(...limitIssues(options));
  const { retry, startAt, signal } = options;
  if (retry !== undefined && retry !== false) check("retry.", retry, RETRY_COUNTS);
  if (startAt !== undefined && !(isCount(startAt?.page, 1) && isCount(startAt?.offset, 0))) {
    issues.push({ path: "startAt", message: "must be a stream position { page >= 1, offset >= 0 }" });
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    issues.push({ path: "signal", message: "must be an AbortSignal" });
  }
  return issues;
}

/**
 * The stream of a session, read page by page as the caller iterates (nothing is sent before).
 * Bad options throw a `validation` error here, before anything is sent.
 */
export function streamSession(source: SessionSource, options: EventStreamOptions = {}): EventStream {
  const issues = streamOptionIssues(options);
  if (issues.length > 0) throw validationError(source.vendor, issues);
  return new EventStream(source, options);
}

/** Options of a page-level read: the stream's, and which page (default 1). */
export interface PageOptions
  extends Omit<EventStreamOptions, "startAt" | "maxEvents" | "maxPages" | "concurrency"> {
  /** 1-based number of the page read (default 1); a vendor that answers in one response has page 1 alone. */
  page?: number;
  /** For vendors that page by cursor: the `next` a page's read returned (page 1 needs none). */
  cursor?: unknown;
}

/**
 * One page of the vendor's answer, untouched (the parsed JSON body), with the same checks, auth,
 * limits and retries as the stream: for tools that show what the vendor sent.
 */
export async function readPage(source: SessionSource, options: PageOptions = {}): Promise<unknown> {
  const { page = 1 } = options;
  const issues = streamOptionIssues(options);
  if (!isCount(page, 1)) issues.push({ path: "page", message: "must be an integer >= 1" });
  if (!source.paged && page !== 1)
    issues.push({ path: "page", message: "must be 1: this vendor answers in one response" });
  if (issues.length > 0) throw validationError(source.vendor, issues);
  return fetchBody(source, page, options, options.signal, options.cursor);
}

/** What `sessionReads` adds to a vendor client: the session as a stream, and one untouched page. */
export interface SessionReads<Query, Page> {
  /** The session's events, normalized, oldest first: the whole session or a `SessionTrailError`. */
  events(query: Query, options?: EventStreamOptions): EventStream;
  /** One page (default 1) of what `events()` reads, untouched, with the same checks and retries. */
  page(query: Query, options?: PageOptions): Promise<Page>;
}

/**
 * A vendor's check of an `events()` query and its source for it: the problems found in the query,
 * or, when there are none, the source that reads it.
 */
export type SourceOf<Query> = (query: Query, options: EventStreamOptions) => SessionSource | FieldIssue[];

/**
 * `events()` and `page()` for a vendor client, from the vendor's `SourceOf`. The query's problems
 * and the stream options' are reported together, before anything is sent. `client` is the client's
 * options, for its `logger`.
 */
export function sessionReads<Query, Page>(
  vendor: string,
  sourceOf: SourceOf<Query>,
  client: { logger?: Logger | undefined } = {},
): SessionReads<Query, Page> {
  const log = safeLogger(client.logger);
  const source = (query: Query, options: EventStreamOptions) => {
    const built = sourceOf(query, options);
    const issues = [...(Array.isArray(built) ? built : []), ...streamOptionIssues(options)];
    if (issues.length > 0) throw validationError(vendor, issues);
    return log ? { ...(built as SessionSource), log } : (built as SessionSource);
  };
  return {
    events: (query, options = {}) => new EventStream(source(query, options), options),
    page: (query, options = {}) => readPage(source(query, options), options) as Promise<Page>,
  };
}

/** Problems with the `pageSize` of a vendor that pages `min`-`max` events at a time. */
export function pageSizeIssues(pageSize: number, max: number, min = 1): FieldIssue[] {
  return Number.isInteger(pageSize) && pageSize >= min && pageSize <= max
    ? []
    : [{ path: "pageSize", message: `must be ${min}-${max}` }];
}

/**
 * A source for a vendor that returns a whole session in one response (Roundtable, FullStory,
 * ActionHub): page 1 alone, every event on it.
 */
export function singleResponseSource(
  vendor: string,
  request: (request: PageRequest) => Promise<TextResult>,
  normalize: (body: unknown, options: NormalizeOptions) => SessionEvent[],
): SessionSource {
  return {
    vendor,
    paged: false,
    request: (_page, limits) => request(limits),
    read(body, options) {
      const events = normalize(body, options);
      return { events, count: events.length };
    },
  };
}
