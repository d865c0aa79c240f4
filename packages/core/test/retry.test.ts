import { describe, expect, it } from "vitest";
import {
  backoffMs,
  errorFromThrown,
  isRetryable,
  RateLimiter,
  SessionTrailError,
  withRetries,
} from "../src/index.ts";

const err = (
  kind: SessionTrailError["kind"],
  extra: Partial<{ status: number; retryAfterMs: number }> = {},
) => new SessionTrailError({ kind, vendor: "test", message: kind, ...extra });

/** An attempt function that fails with the given errors in turn, then returns "ok". */
function script(...failures: SessionTrailError[]) {
  const calls: number[] = [];
  const attempt = async () => {
    calls.push(Date.now());
    const next = failures.shift();
    if (next) throw next;
    return "ok";
  };
  return { attempt, calls };
}

describe("withRetries", () => {
  it("retries throttling, 5xx, timeouts and network errors, and nothing else", async () => {
    expect(["rate_limited", "server", "timeout", "network"].map((k) => isRetryable(err(k as never)))).toEqual(
      [true, true, true, true],
    );
    for (const kind of [
      "validation",
      "auth",
      "forbidden",
      "not_found",
      "invalid_response",
      "aborted",
    ] as const) {
      const { attempt, calls } = script(err(kind));
      await expect(withRetries("test", attempt)).rejects.toMatchObject({ kind });
      expect(calls).toHaveLength(1);
    }
    expect(isRetryable(err("server", { status: 501 }))).toBe(false);
  });

  it("waits out Retry-After exactly, then succeeds", async () => {
    const { attempt, calls } = script(err("rate_limited", { retryAfterMs: 120 }));
    await expect(withRetries("test", attempt, { random: () => 0.99 })).resolves.toBe("ok");
    expect((calls[1] as number) - (calls[0] as number)).toBeGreaterThanOrEqual(115);
  });

  it("fails at once when Retry-After is over the cap, or the wait would break the budget", async () => {
    const over = script(err("rate_limited", { retryAfterMs: 5_000 }));
    await expect(
      withRetries("test", over.attempt, { retry: { maxRetryAfterMs: 1_000 } }),
    ).rejects.toMatchObject({
      kind: "rate_limited",
      retryAfterMs: 5_000,
    });
    expect(over.calls).toHaveLength(1);
    const budget = script(err("server", { status: 503, retryAfterMs: 500 }));
    await expect(withRetries("test", budget.attempt, { retry: { budgetMs: 100 } })).rejects.toMatchObject({
      kind: "server",
    });
    expect(budget.calls).toHaveLength(1);
  });

  it("stops after maxAttempts with the last error", async () => {
    const { attempt, calls } = script(err("network"), err("network"), err("timeout"), err("network"));
    await expect(
      withRetries("test", attempt, { retry: { maxAttempts: 3, baseDelayMs: 1 } }),
    ).rejects.toMatchObject({ kind: "timeout" });
    expect(calls).toHaveLength(3);
  });

  it("draws full-jitter backoff in [0, min(max, base * 2^retry))", () => {
    expect(backoffMs(0, { baseDelayMs: 100 }, () => 0.999)).toBe(99);
    expect(backoffMs(3, { baseDelayMs: 100 }, () => 0.5)).toBe(400);
    expect(backoffMs(10, { baseDelayMs: 100, maxDelayMs: 1_000 }, () => 0.999)).toBe(999);
    expect(backoffMs(2, { baseDelayMs: 100 }, () => 0)).toBe(0);
  });

  it("gives each attempt its own timeout and reports kind timeout", async () => {
    let attempts = 0;
    // As readJson does: what the aborted fetch throws becomes a typed error.
    const attempt = (signal: AbortSignal) =>
      new Promise<string>((_resolve, reject) => {
        attempts++;
        signal.addEventListener("abort", () => reject(errorFromThrown("test", signal.reason)));
      });
    const started = Date.now();
    await expect(
      withRetries("test", attempt, { timeoutMs: 50, retry: { maxAttempts: 2, baseDelayMs: 1 } }),
    ).rejects.toMatchObject({ kind: "timeout" });
    expect(attempts).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
  });

  it("rejects with kind aborted at once when the caller aborts during a wait", async () => {
    const controller = new AbortController();
    const { attempt } = script(err("rate_limited", { retryAfterMs: 30_000 }));
    const started = Date.now();
    setTimeout(() => controller.abort(new Error("user closed the tab")), 50);
    await expect(withRetries("test", attempt, { signal: controller.signal })).rejects.toMatchObject({
      kind: "aborted",
    });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe("RateLimiter", () => {
  it("never lets more than `requests` through in any window, serving waiters in order", async () => {
    const limiter = new RateLimiter({ requests: 3, perMs: 200 });
    const order: number[] = [];
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        limiter.acquire("test").then(() => {
          order.push(i);
          times.push(Date.now());
        }),
      ),
    );
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (let i = 3; i < times.length; i++) {
      expect((times[i] as number) - (times[i - 3] as number)).toBeGreaterThanOrEqual(195);
    }
    expect((times[6] as number) - (times[0] as number)).toBeLessThan(1_000);
  });

  it("lets an aborted waiter go at once without spending a slot", async () => {
    const limiter = new RateLimiter({ requests: 1, perMs: 300 });
    await limiter.acquire("test");
    const controller = new AbortController();
    const waiting = limiter.acquire("test", controller.signal);
    const after = limiter.acquire("test");
    const started = Date.now();
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ kind: "aborted" });
    expect(Date.now() - started).toBeLessThan(50);
    await after;
    expect(Date.now() - started).toBeLessThan(400);
  });

  it("refuses a limit that could never let a request through", () => {
    expect(() => new RateLimiter({ requests: 0, perMs: 1_000 })).toThrow(RangeError);
  });
});

describe("the error of a retried read", () => {
  it("says how many attempts it took; a first-attempt failure is left as it was", async () => {
    const { attempt } = script(
      err("server", { status: 503 }),
      err("server", { status: 503 }),
      err("server", { status: 503 }),
    );
    const error = await withRetries("test", attempt, {
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
    }).catch((e: SessionTrailError) => e);
    expect(error).toMatchObject({ kind: "server", status: 503, attempts: 3 });
    expect((error as SessionTrailError).message).toMatch(/^test: server \(3 attempts in \d+\.\d s\)$/);
    const once = await withRetries("test", script(err("auth")).attempt).catch((e: SessionTrailError) => e);
    expect(once).toMatchObject({ kind: "auth", message: "test: auth" });
    expect((once as SessionTrailError).attempts).toBeUndefined();
  });
});
