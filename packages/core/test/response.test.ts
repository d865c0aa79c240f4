// Reading vendor responses: the error shapes seen across vendors, and readJson's typed failures.
import { describe, expect, it } from "vitest";
import {
  checkBaseUrl,
  epochMs,
  errorFromRequest,
  errorFromResponse,
  idIssues,
  pathParamIssues,
  readJson,
  requiredSettingIssues,
  type SessionTrailError,
  type TextResult,
  windowIssues,
} from "../src/index.ts";

const json = (status: number, body: unknown, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": type } });

describe("errorFromResponse", () => {
  const cases: [string, number, unknown, Partial<SessionTrailError>][] = [
    [
      "{message, code}",
      401,
      { message: "bad key", code: 40101 },
      { kind: "auth", vendorMessage: "bad key", code: "40101" },
    ],
    ["{error: string}", 404, { error: "no session" }, { kind: "not_found", vendorMessage: "no session" }],
    [
      "{error: {code, message}}",
      403,
      { error: { code: "FORBIDDEN", message: "no rights" } },
      { kind: "forbidden", code: "FORBIDDEN", vendorMessage: "no rights" },
    ],
    ["{detail: string}", 500, { detail: "boom" }, { kind: "server", vendorMessage: "boom" }],
    [
      "a 402 of a quota (PostHog)",
      402,
      { type: "quota_limited", code: "quota_limit_exceeded", detail: "Quota exceeded" },
      { kind: "forbidden", code: "quota_limit_exceeded" },
    ],
    ["429 with Retry-After", 429, {}, { kind: "rate_limited", retryAfterMs: 7_000 }],
  ];
  for (const [shape, status, body, expected] of cases) {
    it(`reads ${shape}`, () => {
      const response = json(status, body);
      if (status === 429) response.headers.set("retry-after", "7");
      expect(errorFromResponse("v", response, JSON.stringify(body))).toMatchObject({ status, ...expected });
    });
  }

  it("turns FastAPI's detail list into field issues", () => {
    const body = { detail: [{ loc: ["header", "program-id"], msg: "field required", type: "missing" }] };
    const error = errorFromResponse("v", json(422, body), JSON.stringify(body));
    expect(error.kind).toBe("validation");
    expect(error.issues).toEqual([{ path: "header.program-id", message: "field required" }]);
  });
});

describe("readJson", () => {
  const call = (response: Response, data?: unknown): (() => Promise<TextResult>) => {
    return async () => ({ data: data ?? (await response.clone().text()), response });
  };

  it("parses a JSON 2xx body", async () => {
    expect(await readJson("v", call(json(200, { a: 1 })))).toEqual({ a: 1 });
  });

  it("fails with invalid_response on another content type or broken JSON, with an excerpt", async () => {
    const html = new Response("<html>login</html>", { headers: { "content-type": "text/html" } });
    await expect(readJson("v", call(html))).rejects.toMatchObject({ kind: "invalid_response", status: 200 });
    const cut = new Response('{"events": [', { headers: { "content-type": "application/json" } });
    await expect(readJson("v", call(cut))).rejects.toMatchObject({
      kind: "invalid_response",
      bodyExcerpt: '{"events": [',
    });
  });

  it("turns what building the request threw into validation, never retried", async () => {
    const error = await readJson("v", async () => {
      throw new TypeError("Headers.set: invalid header value");
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "validation" });
    expect(errorFromRequest("v", new RangeError("bad"))).toMatchObject({ kind: "validation" });
  });
});

describe("input checks", () => {
  it("checks ids, required settings, path values and base URLs", () => {
    expect(idIssues("sessionId", " ")).toEqual([{ path: "sessionId", message: "is required" }]);
    expect(idIssues("sessionId", "a\u0000b")[0]?.message).toMatch(/control characters/);
    expect(idIssues("sessionId", "x".repeat(257))[0]?.message).toMatch(/at most 256/);
    expect(requiredSettingIssues("projectKey", undefined)[0]?.message).toMatch(/query or the client options/);
    expect(pathParamIssues("/a/{id}/{b}", { id: "..", b: "" }).map((i) => i.path)).toEqual(["id", "b"]);
    expect(checkBaseUrl("v", "https://api.example.com/v2/")).toBe("https://api.example.com/v2");
    expect(() => checkBaseUrl("v", "https://api.example.com/?x=1")).toThrow(/query or fragment/);
    expect(() => checkBaseUrl("v", "ftp://api.example.com")).toThrow(/unsupported protocol/);
    expect(checkBaseUrl("v", "http://127.0.0.1:4010")).toBe("http://127.0.0.1:4010");
    expect(windowIssues(epochMs(new Date("2026-01-02")), epochMs(new Date("2026-01-01")))).toEqual([
      { path: "until", message: "must be after since" },
    ]);
    expect(windowIssues(1000, 2000, 946_684_800_000)).toEqual([
      { path: "since", message: "must be a date at or after 2000-01-01T00:00:00.000Z" },
    ]);
    expect(windowIssues(0, 1)).toEqual([]);
  });
});
