// The transport every vendor client sends through, against a real node:http server on 127.0.0.1
// that misbehaves on cue: timeouts of raw calls, rate-limit waits apart from the timeout, capped
// error bodies (a gzip bomb in a child process), URL and header checks, and keys kept out of errors.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { inspect } from "node:util";
import { gzipSync } from "node:zlib";
import { type FaultServer, startFaultServer } from "@sessiontrail/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import {
  createVendorClient,
  errorFromResponse,
  isRetryable,
  retryAfterMs,
  SessionTrailError,
  sessionRuntime,
  type VendorClientOptions,
} from "../src/index.ts";

/** A one-operation API, as openapi-typescript would write it. */
interface TestPaths {
  "/items/{id}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": { items: string[] } } };
      };
    };
  };
}

const KEY = "sk_live_9f8e7d6c5b4a3210";
const client = (options: Partial<VendorClientOptions> & { baseUrl: string }) =>
  createVendorClient<TestPaths>(
    {
      vendor: "test",
      baseUrl: "https://api.test.example",
      authHeader: (key) => ["Authorization", `Bearer ${key}`],
    },
    { apiKey: KEY, rateLimit: false, ...options },
    sessionRuntime,
  );
const get = (c: ReturnType<typeof client>, extra: Record<string, unknown> = {}) =>
  c.GET("/items/{id}", { params: { path: { id: "a1" } }, ...extra });

/** Every way an error can be printed or sent on: none may show the key. */
function printed(error: unknown): string {
  const parts = [String(error), JSON.stringify(error), inspect(error, { showHidden: true, depth: 20 })];
  for (let cause = (error as Error).cause; cause !== undefined; cause = (cause as Error).cause) {
    parts.push(String(cause), inspect(cause, { showHidden: true, depth: 20 }));
  }
  return parts.join("\n");
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error as SessionTrailError,
  );

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("transport: time limits", () => {
  it("gives raw calls a timeout, per client and per call", async () => {
    server = await startFaultServer(() => ({ delayMs: 3_000, after: { json: { items: [] } } }));
    const started = Date.now();
    const perClient = await rejection(get(client({ baseUrl: server.url, timeoutMs: 300 })));
    expect(perClient).toMatchObject({ kind: "timeout", vendor: "test" });
    expect(perClient.message).toContain("300 ms");
    const perCall = await rejection(get(client({ baseUrl: server.url }), { timeoutMs: 200 }));
    expect(perCall).toMatchObject({ kind: "timeout" });
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it("times out a body that stalls after its headers", async () => {
    server = await startFaultServer(() => ({ slowBody: { items: ["a"] }, sentBytes: 4, stallMs: 3_000 }));
    const error = await rejection(get(client({ baseUrl: server.url, timeoutMs: 300 })));
    expect(error).toMatchObject({ kind: "timeout" });
  });

  it("does not count a rate-limit wait in the timeout, and never calls it an abort", async () => {
    server = await startFaultServer(() => ({ json: { items: ["a"] } }));
    const c = client({ baseUrl: server.url, timeoutMs: 200, rateLimit: { requests: 1, perMs: 700 } });
    await get(c);
    const started = Date.now();
    const { data } = await get(c);
    expect(data).toEqual({ items: ["a"] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  });

  it("reports the caller's abort as aborted, also during a rate-limit wait", async () => {
    server = await startFaultServer(() => ({ json: { items: [] } }));
    const c = client({ baseUrl: server.url, rateLimit: { requests: 1, perMs: 5_000 } });
    await get(c);
    const error = await rejection(get(c, { signal: AbortSignal.timeout(100) }));
    expect(error).toMatchObject({ kind: "aborted" });
  });
});

describe("transport: response bodies", () => {
  it("reads at most 64 kB of an error body, whatever its size", async () => {
    const huge = `${"x".repeat(2_000_000)}`;
    server = await startFaultServer(() => ({ text: huge, status: 503 }));
    const { error, response } = await get(client({ baseUrl: server.url }));
    expect(response.status).toBe(503);
    expect(String(error).length).toBeLessThanOrEqual(64 * 1024);
  });

  it("keeps a compressed error body within the cap: a gzip bomb cannot grow the process (child process)", () => {
    // 200 MB of zeros in ~200 kB of gzip; read whole, it would grow the child by hundreds of MB.
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024));
    const child = fileURLToPath(new URL("./fixtures/error-body-memory.ts", import.meta.url));
    const result = spawnSync(process.execPath, [child], {
      input: bomb,
      encoding: "utf8",
      timeout: 60_000,
      maxBuffer: 1024 * 1024,
    });
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { kind: string; status: number; growthMb: number };
    expect(report).toMatchObject({ kind: "server", status: 503 });
    expect(report.growthMb).toBeLessThan(60);
  });

  it("refuses a 2xx body over maxResponseBytes, compressed or not", async () => {
    const body = Buffer.from(JSON.stringify({ items: Array.from({ length: 5_000 }, (_, i) => `item-${i}`) }));
    server = await startFaultServer(() => ({
      bytes: gzipSync(body),
      status: 200,
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
    }));
    const error = await rejection(get(client({ baseUrl: server.url, maxResponseBytes: 10_000 })));
    expect(error).toMatchObject({ kind: "invalid_response", status: 200 });
    const { data } = await get(client({ baseUrl: server.url }));
    expect(data?.items).toHaveLength(5_000);
  });
});

describe("transport: where the key may go", () => {
  it("refuses a key or header value with control characters before anything is sent", () => {
    // Each key, and the part of it that would show if quoted.
    for (const [apiKey, visible] of [
      [`${KEY}\u0000`, KEY],
      ["sk_\nlive_key_123", "live_key_123"],
      ["sk_live\u007f_key_123", "_key_123"],
    ] as const) {
      const error = (() => {
        try {
          createVendorClient(
            { vendor: "test", baseUrl: "https://x.example", authHeader: (k) => ["A", k] },
            { apiKey },
          );
        } catch (thrown) {
          return thrown as SessionTrailError;
        }
        throw new Error("expected a refusal");
      })();
      expect(error).toMatchObject({ kind: "validation" });
      expect(printed(error)).not.toContain(visible);
    }
    expect(() => client({ baseUrl: "https://x.example", headers: { "x-trace": "a\r\nb" } })).toThrow(
      /headers.x-trace/,
    );
  });

  it("refuses a base URL with credentials and never shows the password", () => {
    for (const baseUrl of ["https://user:hunter2secret@api.test.example", "ht tp://user:hunter2secret@x"]) {
      let error: unknown;
      try {
        client({ baseUrl });
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toMatchObject({ kind: "validation" });
      expect(printed(error)).not.toContain("hunter2secret");
    }
  });

  it("checks a per-call baseUrl as it checks the client's, and keeps redirects manual", async () => {
    const seen: Request[] = [];
    const c = client({
      baseUrl: "https://api.test.example",
      fetch: async (request) => {
        seen.push(request);
        return new Response(JSON.stringify({ items: [] }), {
          headers: { "content-type": "application/json" },
        });
      },
    });
    const error = await rejection(get(c, { baseUrl: "http://collector.example.net" }));
    expect(error).toMatchObject({ kind: "validation" });
    expect(seen).toHaveLength(0);
    await get(c, { baseUrl: "https://eu.test.example", redirect: "follow" });
    expect(seen.map((r) => [new URL(r.url).host, r.redirect])).toEqual([["eu.test.example", "manual"]]);
  });
});

describe("errors: secrets masked by construction", () => {
  it("masks the key in the vendor's message, code, field issues and redirect location", async () => {
    server = await startFaultServer((request) =>
      request.url.includes("redirect")
        ? { text: "", status: 302, headers: { location: `https://evil.example/?k=${KEY}` } }
        : {
            json: {
              message: `key ${KEY} is revoked`,
              code: `bad_${KEY}`,
              detail: [{ loc: ["header", KEY], msg: `got ${KEY}`, type: "value_error" }],
            },
            status: 401,
          },
    );
    const c = client({ baseUrl: server.url });
    const { response, error } = await get(c);
    const typed = errorFromResponse("test", response, JSON.stringify(error));
    expect(typed.kind).toBe("auth");
    expect(typed.vendorMessage).toContain("[REDACTED]");
    const redirect = await c.GET("/items/{id}", { params: { path: { id: "redirect" } } });
    const moved = errorFromResponse("test", redirect.response, "");
    for (const e of [typed, moved]) expect(printed(e)).not.toContain(KEY);
  });

  it("masks the key in every cause and bounds every message", () => {
    const inner = Object.assign(new Error(`socket said ${KEY}`), { code: `E_${KEY}` });
    const error = new SessionTrailError({
      kind: "network",
      vendor: "test",
      message: `failed: ${"v".repeat(5_000_000)} ${KEY}`,
      cause: new Error(`outer ${KEY}`, { cause: inner }),
    });
    expect(printed(error)).not.toContain(KEY);
    expect(error.message.length).toBeLessThanOrEqual(1_001);
    expect(((error.cause as Error).cause as Error).message).toContain("[REDACTED]");
  });
});

describe("Retry-After and 408", () => {
  it("reads delta-seconds and future dates; anything else falls back to backoff", () => {
    const now = Date.parse("2026-11-30T10:00:00Z");
    expect(retryAfterMs("120", now)).toBe(120_000);
    expect(retryAfterMs("Mon, 30 Nov 2026 10:00:30 GMT", now)).toBe(30_000);
    for (const bad of ["-5", "1.5", "Mon, 30 Nov 2026 09:00:00 GMT", "soon", "1e3"]) {
      expect(retryAfterMs(bad, now), bad).toBeUndefined();
    }
  });

  it("treats 408 as a timeout, retried like one", () => {
    const error = errorFromResponse("test", new Response("", { status: 408 }), "");
    expect(error.kind).toBe("timeout");
    expect(isRetryable(error)).toBe(true);
  });
});

describe("vendors with two secrets", () => {
  interface TwoKeys extends VendorClientOptions {
    applicationKey?: string;
  }
  const APP_KEY = "app_key_8c7b6a5f4e3d2c1b";
  const twoKeys = (options: Partial<TwoKeys>) =>
    createVendorClient<TestPaths, TwoKeys>(
      {
        vendor: "test",
        baseUrl: "https://api.test.example",
        authHeaders: (o) => [
          ["DD-API-KEY", o.apiKey],
          ["DD-APPLICATION-KEY", o.applicationKey as string],
          ["Authorization", `Basic ${btoa(`${o.apiKey}:${o.applicationKey}`)}`],
        ],
        secrets: ["applicationKey"],
      },
      { apiKey: KEY, rateLimit: false, ...options } as TwoKeys,
    );

  it("requires each secret and refuses control characters in it", () => {
    expect(() => twoKeys({})).toThrow(/applicationKey: is required/);
    expect(() => twoKeys({ applicationKey: "app\nkey_123456" })).toThrow(/applicationKey: must not contain/);
  });

  it("sends every auth header and masks every secret and token in errors", async () => {
    let seen: Headers | undefined;
    const echo = async (request: Request) => {
      seen = request.headers;
      const all = [...request.headers.values()].join(" ");
      return new Response(JSON.stringify({ message: `rejected ${all}` }), {
        status: 403,
        headers: { "content-type": "application/json" },
      });
    };
    const c = twoKeys({ applicationKey: APP_KEY, fetch: echo });
    const { response, error } = await get(c);
    const typed = errorFromResponse("test", response, JSON.stringify(error));
    expect(seen?.get("dd-application-key")).toBe(APP_KEY);
    const text = printed(typed);
    for (const secret of [KEY, APP_KEY, btoa(`${KEY}:${APP_KEY}`)]) expect(text).not.toContain(secret);
  });

  it("waits out X-RateLimit-Reset on a 429 without Retry-After", () => {
    const headers = { "x-ratelimit-reset": "7" };
    const error = errorFromResponse("test", new Response("{}", { status: 429, headers }), "{}");
    expect(error).toMatchObject({ kind: "rate_limited", retryAfterMs: 7_000 });
  });
});
