// The checks every vendor client must pass, driven by its spec. Each vendor's client.test.ts calls
// `vendorClientSuite` and adds the exact request its vendor documents.
import { inspect } from "node:util";
import {
  type EventStream,
  type EventStreamOptions,
  type PageOptions,
  type RawClientOptions,
  SessionTrailError,
  type VendorClientOptions,
} from "@sessiontrail/core";
import { describe, expect, it } from "vitest";
import { responseExamples, specServers } from "../../../scripts/spec-examples.ts";

export interface CallResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

/** A fetch that records each request and answers with the given response. */
export function recordingFetch(respond: (request: Request) => Response | Promise<Response>) {
  const requests: RecordedRequest[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    requests.push({
      url: request.url,
      method: request.method,
      headers: Object.fromEntries(request.headers.entries()),
      body: await request.clone().text(),
    });
    return respond(request);
  };
  return { fetch, requests };
}

export function jsonResponse(status: number, body: unknown, contentType = "application/json"): Response {
  if (body === undefined) return new Response(null, { status });
  return new Response(JSON.stringify(body), { status, headers: { "content-type": contentType } });
}

export interface VendorClientSuite<C> {
  vendor: string;
  create(options: VendorClientOptions): C;
  /**
   * The raw typed client of the package's `raw-client` entry (`create<Vendor>RawClient`), with the
   * vendor's other required options filled in as in `create`.
   */
  createRaw(options: RawClientOptions): object;
  /** The vendor's exported base URLs; functions are server templates taking the variable's name. */
  servers: Record<string, string | ((variable: string) => string)>;
  /** One typed call of the vendor's operation with valid inputs. */
  call(client: C): Promise<CallResult>;
  /** `client.events()` with a valid query for the same operation. */
  events(client: C, options: EventStreamOptions): EventStream;
  /** `client.page()` with the same query. */
  page(client: C, options: PageOptions): Promise<unknown>;
}

/** Every way an error can be printed or passed on, causes included: none may show a key. */
export function printedError(error: unknown): string {
  const parts = [String(error), JSON.stringify(error), inspect(error, { showHidden: true, depth: 20 })];
  for (let cause = (error as Error).cause; cause !== undefined; cause = (cause as Error).cause) {
    parts.push(String(cause), inspect(cause, { showHidden: true, depth: 20 }));
  }
  return parts.join("\n");
}

export function vendorClientSuite<C>(suite: VendorClientSuite<C>): void {
  const apiKey = "sk_test_7f3a9c2e1b5d4";

  describe(`${suite.vendor} client: conformance to its spec`, () => {
    it("exports every server of the spec, production first", () => {
      const exported = Object.values(suite.servers).map((s) =>
        typeof s === "function" ? s(s.length === 1 ? "{domain}" : "") : s,
      );
      expect(exported).toEqual(specServers(suite.vendor));
    });

    const examples = responseExamples(suite.vendor);
    it("the spec documents a 200 example", () => {
      expect(examples.some((e) => e.status === 200 && e.value !== undefined)).toBe(true);
    });

    for (const example of examples) {
      it(`parses the ${example.status} response${example.name ? ` "${example.name}"` : " (no body)"}`, async () => {
        const { fetch } = recordingFetch(() => jsonResponse(example.status, example.value));
        const { data, error, response } = await suite.call(suite.create({ apiKey, fetch }));
        expect(response.status).toBe(example.status);
        if (example.status >= 200 && example.status < 300) {
          expect(data).toEqual(example.value);
          expect(error).toBeUndefined();
        } else {
          expect(data).toBeUndefined();
          // openapi-fetch hands an empty error body over as the response's status text.
          expect(error).toEqual(example.value ?? "");
        }
      });
    }

    it("refuses a missing or empty API key before anything is sent", () => {
      for (const bad of ["", "   ", undefined]) {
        const attempt = () => suite.create({ apiKey: bad as unknown as string });
        expect(attempt).toThrow(SessionTrailError);
        expect(attempt).toThrow(/apiKey/);
      }
    });

    it("refuses plain http except on loopback, and keeps the key out of sight", async () => {
      expect(() => suite.create({ apiKey, baseUrl: "http://api.example.com" })).toThrow(/unencrypted/);
      expect(() =>
        suite.create({ apiKey, baseUrl: "http://api.example.com", allowInsecureBaseUrl: true }),
      ).not.toThrow();
      const { fetch, requests } = recordingFetch(() => jsonResponse(500, { secret: apiKey }));
      const client = suite.create({ apiKey, baseUrl: "http://127.0.0.1:9/base/", fetch });
      await suite.call(client);
      expect(requests[0]?.url.startsWith("http://127.0.0.1:9/base/")).toBe(true);
      expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(apiKey);
      expect(JSON.stringify(client)).not.toContain(apiKey);
    });

    it("raw-client entry: the same request as the client's, the same key checks, nothing of events()", async () => {
      const full = recordingFetch(() => jsonResponse(200, {}));
      const raw = recordingFetch(() => jsonResponse(200, {}));
      await suite.call(suite.create({ apiKey, fetch: full.fetch }));
      const rawClient = suite.createRaw({ apiKey, fetch: raw.fetch });
      await suite.call(rawClient as C);
      expect(raw.requests).toEqual(full.requests);
      expect(raw.requests[0]?.headers).toEqual(full.requests[0]?.headers);
      expect("events" in rawClient || "page" in rawClient).toBe(false);
      expect(() => suite.createRaw({ apiKey: "" })).toThrow(/apiKey/);
      expect(() => suite.createRaw({ apiKey, baseUrl: "http://api.example.com" })).toThrow(/unencrypted/);
      expect(inspect(rawClient, { depth: 10, showHidden: true })).not.toContain(apiKey);
    });

    it("raw-client entry: a request with no answer fails at its timeout", async () => {
      const silent = (_request: Request, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener("abort", () => reject(init.signal?.reason), { once: true }),
        );
      const started = Date.now();
      const failed = await suite
        .call(suite.createRaw({ apiKey, fetch: silent, timeoutMs: 50 }) as C)
        .catch((error: unknown) => error as Error);
      expect((failed as Error).name).toBe("TimeoutError");
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    // The documented 200 example with the most events, served for every request (page fields
    // included: a paging vendor's example says it is the last page).
    const richest = examples
      .filter((e) => e.status === 200 && e.value !== undefined)
      .map((e) => ({ value: e.value, size: JSON.stringify(e.value).length }))
      .sort((a, b) => b.size - a.size)[0]?.value;

    it("page() returns the vendor's page untouched, and events() reads the same body", async () => {
      const { fetch, requests } = recordingFetch(() => jsonResponse(200, richest));
      const client = suite.create({ apiKey, fetch });
      expect(await suite.page(client, {})).toEqual(richest);
      const events = await suite.events(client, {}).toArray();
      expect(events.length).toBeGreaterThan(1);
      expect(requests[1]?.url).toBe(requests[0]?.url);
      expect(requests[1]?.body).toBe(requests[0]?.body);
    });

    it("events() stops within one event when aborted while a fetched page is read", async () => {
      const { fetch } = recordingFetch(() => jsonResponse(200, richest));
      const controller = new AbortController();
      const got: unknown[] = [];
      const error = await (async () => {
        for await (const event of suite.events(suite.create({ apiKey, fetch }), {
          signal: controller.signal,
        })) {
          got.push(event);
          controller.abort();
        }
      })().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SessionTrailError);
      expect(error).toMatchObject({ kind: "aborted" });
      expect(got).toHaveLength(1);
    });

    it("keeps the key out of every error events() can end with", async () => {
      const echo = {
        message: `invalid key ${apiKey}`,
        code: `E_${apiKey}`,
        error: { code: apiKey, message: apiKey },
        detail: [{ loc: ["header", apiKey], msg: apiKey, type: "value_error" }],
      };
      const answers: (() => Response)[] = [
        () => jsonResponse(401, echo),
        () => jsonResponse(422, echo),
        () => new Response(null, { status: 302, headers: { location: `https://evil.example/${apiKey}` } }),
        () => new Response(`<html>Sign in, ${apiKey}</html>`, { headers: { "content-type": "text/html" } }),
        () => jsonResponse(200, `not the documented shape: ${apiKey}`),
        () => {
          throw Object.assign(new TypeError(`fetch failed for ${apiKey}`), { cause: new Error(apiKey) });
        },
      ];
      for (const answer of answers) {
        const client = suite.create({ apiKey, fetch: async () => answer() });
        const error = await suite
          .events(client, { retry: false })
          .toArray()
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        expect(error).toBeInstanceOf(SessionTrailError);
        expect(printedError(error)).not.toContain(apiKey);
      }
    });

    it("does not follow redirects, which would carry the key to another host", async () => {
      let mode: RequestRedirect | undefined;
      await suite.call(
        suite.create({
          apiKey,
          fetch: async (request) => {
            mode = request.redirect;
            return new Response(null, { status: 204 });
          },
        }),
      );
      expect(mode).toBe("manual");
    });
  });
}
