// The checks every vendor client must pass, driven by its spec. Each vendor's client.test.ts calls
// `vendorClientSuite` and adds the exact request its vendor documents.
import { inspect } from "node:util";
import { SessionTrailError, type VendorClientOptions } from "@sessiontrail/core";
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
  /** The vendor's exported base URLs; functions are server templates taking the variable's name. */
  servers: Record<string, string | ((variable: string) => string)>;
  /** One typed call of the vendor's operation with valid inputs. */
  call(client: C): Promise<CallResult>;
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
