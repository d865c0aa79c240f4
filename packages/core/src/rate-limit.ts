import { abortedError } from "./errors.ts";
import { sleep } from "./retry.ts";

/** At most `requests` requests in any window of `perMs` milliseconds. */
export interface RateLimit {
  /** How many requests a window may hold: a positive integer. */
  requests: number;
  /** The window's length in milliseconds. */
  perMs: number;
}

/**
 * A sliding-window limiter: it remembers the send times of the last `requests` requests, so no
 * window of `perMs` ever holds more than `requests` of them (a token bucket would allow a burst of
 * twice that across a window edge). Waiters are served in order.
 */
export class RateLimiter {
  /** The limit it keeps, as given. */
  readonly limit: RateLimit;
  readonly #sent: number[] = [];
  #queue: Promise<void> = Promise.resolve();
  #waiting = 0;

  constructor(limit: RateLimit) {
    if (!(Number.isInteger(limit.requests) && limit.requests > 0 && limit.perMs > 0)) {
      throw new RangeError("rateLimit needs a positive integer `requests` and a positive `perMs`");
    }
    this.limit = limit;
  }

  /**
   * Resolves when a request may be sent, with how long it waited (0 for a free slot); rejects with an
   * `aborted` error as soon as `signal` aborts.
   */
  acquire(vendor: string, signal?: AbortSignal | null): Promise<number> {
    if (signal?.aborted) return Promise.reject(abortedError(vendor, signal));
    // The common case, a free slot and nobody waiting, costs no timer and no queue.
    if (this.#waiting === 0 && this.#tryTake(Date.now())) return Promise.resolve(0);
    const asked = Date.now();
    this.#waiting++;
    const turn = this.#queue.then(() => this.#take(vendor, signal ?? undefined));
    this.#queue = turn.then(
      () => {
        this.#waiting--;
      },
      () => {
        this.#waiting--;
      },
    );
    const waited = () => Date.now() - asked;
    if (!signal) return turn.then(waited);
    // Rejects at once on abort, even while an earlier waiter holds the queue; the turn itself then
    // sees the abort and gives up its slot.
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(abortedError(vendor, signal));
      signal.addEventListener("abort", onAbort, { once: true });
      turn.then(
        () => {
          signal.removeEventListener("abort", onAbort);
          resolve(waited());
        },
        (error) => {
          signal.removeEventListener("abort", onAbort);
          reject(error);
        },
      );
    });
  }

  #tryTake(now: number): boolean {
    const sent = this.#sent;
    while (sent.length > 0 && (sent[0] as number) <= now - this.limit.perMs) sent.shift();
    if (sent.length >= this.limit.requests) return false;
    sent.push(now);
    return true;
  }

  async #take(vendor: string, signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw abortedError(vendor, signal);
      const now = Date.now();
      if (this.#tryTake(now)) return;
      await sleep(vendor, (this.#sent[0] as number) + this.limit.perMs - now, signal);
    }
  }
}

// One limiter per vendor, key and limit, shared by every client made with that key: the vendor
// counts requests per key, not per client object. Keys are held only here, never exposed.
const limiters = /* @__PURE__ */ new Map<string, RateLimiter>();

/** The limiter of `vendor`'s requests made with `apiKey` under `limit`, made on first use. */
export function sharedRateLimiter(vendor: string, apiKey: string, limit: RateLimit): RateLimiter {
  const id = `${vendor}\u0000${limit.requests}/${limit.perMs}\u0000${apiKey}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = new RateLimiter(limit);
    limiters.set(id, limiter);
  }
  return limiter;
}
