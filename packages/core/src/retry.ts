import { abortedError, SessionTrailError } from "./errors.ts";
import type { Logger } from "./log.ts";

export { abortedError };

/** How a failed read is retried. Every field has a default; `retry: false` turns retries off. */
export interface RetryOptions {
  /** Attempts per request, the first included (default 4). */
  maxAttempts?: number;
  /** The backoff window of the first retry (default 250 ms); it doubles on each retry (full jitter). */
  baseDelayMs?: number;
  /** The largest backoff window (default 20 s). */
  maxDelayMs?: number;
  /**
   * The longest `Retry-After` that is waited out (default 60 s). A longer one fails at once with
   * kind `rate_limited` and its `retryAfterMs`, so the caller decides whether to wait that long.
   */
  maxRetryAfterMs?: number;
  /** The time one request may take across all its attempts and waits (default 120 s). */
  budgetMs?: number;
}

/** How `withRetries` runs one read: its retries, the time limit of each attempt, its signal and logger. */
export interface AttemptOptions {
  /** How failed attempts are retried (every field has a default); `false` makes one attempt only. */
  retry?: RetryOptions | false | undefined;
  /**
   * Time limit of one attempt, if the attempt has none of its own. Vendor clients time each request
   * in their transport (after any rate-limit wait), so streams leave this unset.
   */
  timeoutMs?: number | undefined;
  /** The caller's cancel: it ends the attempt in flight or the wait before the next, as `aborted`. */
  signal?: AbortSignal | undefined;
  /** Told of each retry and each `Retry-After` wait. */
  log?: Logger | undefined;
  /** A number in [0, 1); tests pass their own. */
  random?: () => number;
}

/**
 * Whether an error is worth another attempt: throttling, 5xx, timeouts and network failures.
 * 501 (not implemented) and 505 will not change on retry.
 */
export function isRetryable(error: SessionTrailError): boolean {
  const { kind, status } = error;
  return (
    kind === "rate_limited" ||
    kind === "timeout" ||
    kind === "network" ||
    (kind === "server" && status !== 501 && status !== 505)
  );
}

/** Exponential backoff with full jitter: a uniform wait in [0, min(max, base * 2^retry)). */
export function backoffMs(
  retry: number,
  options: RetryOptions = {},
  random: () => number = Math.random,
): number {
  // The defaults documented on RetryOptions.
  const base = options.baseDelayMs ?? 250;
  const max = options.maxDelayMs ?? 20_000;
  return Math.floor(random() * Math.min(max, base * 2 ** retry));
}

/** Waits `ms`, or rejects with an `aborted` error as soon as `signal` aborts. */
export function sleep(vendor: string, ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortedError(vendor, signal));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(vendor, signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * The error of a read that was tried more than once, saying how often and for how long: on-call
 * reads "4 attempts in 9.4 s" and knows the retries ran. A first-attempt failure is left as it is.
 */
function retried(error: SessionTrailError, attempts: number, started: number): SessionTrailError {
  if (attempts < 2) return error;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const prefix = `${error.vendor}: `;
  const said = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return new SessionTrailError({
    ...error,
    message: `${said} (${attempts} attempts in ${seconds} s)`,
    attempts,
    cause: error.cause,
  });
}

/**
 * Runs one read with a per-attempt timeout, retrying what `isRetryable` allows: a 429 or 503 waits
 * out its `Retry-After` (up to `maxRetryAfterMs`), anything else backs off with full jitter, all
 * within `maxAttempts` and `budgetMs`. Aborting `signal` rejects at once, also during a wait.
 * Anything thrown that is not a `SessionTrailError` (a normalizer's bug, say) is never retried.
 */
export async function withRetries<T>(
  vendor: string,
  attempt: (signal: AbortSignal, attempt: number) => Promise<T>,
  options: AttemptOptions = {},
): Promise<T> {
  const retry = options.retry === false ? { maxAttempts: 1 } : (options.retry ?? {});
  // The defaults documented on RetryOptions, written where they are read: a table of them would
  // ship its names once more.
  const maxAttempts = retry.maxAttempts ?? 4;
  const budgetMs = retry.budgetMs ?? 120_000;
  const maxRetryAfterMs = retry.maxRetryAfterMs ?? 60_000;
  const { signal, timeoutMs } = options;
  const started = Date.now();
  for (let n = 1; ; n++) {
    if (signal?.aborted) throw abortedError(vendor, signal);
    // A timer of our own rather than AbortSignal.timeout(): it is cleared as soon as the attempt ends,
    // so no timer outlives a finished read.
    const timeout = timeoutMs === undefined ? undefined : new AbortController();
    const timer =
      timeout &&
      setTimeout(
        () => timeout.abort(new DOMException(`no answer within ${timeoutMs} ms`, "TimeoutError")),
        timeoutMs,
      );
    const attemptSignal = timeout
      ? signal
        ? AbortSignal.any([signal, timeout.signal])
        : timeout.signal
      : (signal ?? new AbortController().signal);
    let error: SessionTrailError;
    try {
      return await attempt(attemptSignal, n);
    } catch (thrown) {
      // The caller's abort wins over whatever the fetch made of it (a custom reason looks like a
      // network error to fetch).
      if (signal?.aborted) throw abortedError(vendor, signal);
      if (!(thrown instanceof SessionTrailError)) throw thrown;
      error = thrown;
    } finally {
      clearTimeout(timer);
    }
    if (!isRetryable(error) || n >= maxAttempts) throw retried(error, n, started);
    const { retryAfterMs, kind, status } = error;
    if (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs) throw retried(error, n, started);
    const waitMs = retryAfterMs ?? backoffMs(n - 1, retry, options.random);
    if (Date.now() - started + waitMs > budgetMs) throw retried(error, n, started);
    options.log?.({ type: "retry", vendor, attempt: n, kind, status, waitMs });
    if (retryAfterMs !== undefined) options.log?.({ type: "wait", vendor, reason: "retry_after", waitMs });
    await sleep(vendor, waitMs, signal);
  }
}
