// `sessiontrail verify`, run in-process: against Prism mocks of every bundled spec (their examples
// conform, so each vendor matches), against node:http "vendors" on 127.0.0.1 whose answers drifted
// from the spec (each drift found at its JSON pointer, with the spec location to edit), against
// vendors that cannot be checked (nothing listening, a 401), with usage errors, and with a vendor
// that echoes the key back: the key is in no output and no recorded file.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { responseExamples } from "../../../scripts/spec-examples.ts";
import { repoRoot } from "../../../scripts/specs.ts";
import { run } from "../src/cli.ts";
import { freePort, type Mocks, startMocks } from "../src/mock.ts";
import { envName, mockDefaults, mockEnvironment, type VendorName, vendorNames } from "../src/vendors.ts";
import { VendorSpec } from "../src/verify/spec.ts";

/** A key no output may hold, in any form. */
const KEY = "sk-verify-7f3e91c2d4b8a6";
const SECRET = "amp-secret-5c0d8e2f9a17";

// biome-ignore lint/suspicious/noExplicitAny: example bodies are untyped JSON, edited per case.
type Json = any;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

let mocks: Mocks;
let tmp: string;

beforeAll(async () => {
  mocks = await startMocks();
  tmp = mkdtempSync(join(tmpdir(), "sessiontrail-verify-"));
}, 120_000);

afterAll(async () => {
  await mocks?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}, 20_000);

async function verify(args: string[], env: Record<string, string>): Promise<Result> {
  let stdout = "";
  let stderr = "";
  const code = await run(["verify", ...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
  });
  return { code, stdout, stderr };
}

/** The variables that point a vendor at `baseUrl`, with its spec-example settings and our key. */
function vendorEnv(vendor: VendorName, baseUrl: string): Record<string, string> {
  return {
    ...Object.fromEntries(mockEnvironment({ [vendor]: baseUrl })),
    [envName(vendor, "API_KEY")]: KEY,
    ...(vendor === "amplitude" ? { [envName(vendor, "SECRET_KEY")]: SECRET } : {}),
  };
}

/** The first named 200 example of a vendor's events operation: what its Prism mock serves. */
function example(vendor: VendorName): Json {
  const found = responseExamples(vendor).find((e) => e.status === 200 && e.value !== undefined);
  return structuredClone(found?.value);
}

interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A node:http "vendor" on 127.0.0.1 that answers every request with `answer(request)`. */
async function withVendor<T>(
  answer: (request: IncomingMessage) => Answer,
  use: (baseUrl: string) => Promise<T>,
): Promise<T> {
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      const { status = 200, headers = {}, body } = answer(request);
      const text = typeof body === "string" ? body : JSON.stringify(body);
      response.writeHead(status, { "content-type": "application/json", ...headers });
      response.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await use(`http://127.0.0.1:${port}`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

const id = (vendor: VendorName) => mockDefaults[vendor].id;

/** The line of a spec file, 1-based. */
const specLine = (vendor: string, line: number) =>
  readFileSync(join(repoRoot, "specs", vendor, "openapi.yaml"), "utf8").split("\n")[line - 1] ?? "";

describe("verify against the bundled Prism mocks", () => {
  it.each(vendorNames)("%s matches its spec: exit 0", async (vendor) => {
    const { code, stdout, stderr } = await verify(
      [vendor, id(vendor)],
      vendorEnv(vendor, mocks.vendors[vendor]),
    );
    expect(stderr).toBe("");
    expect(stdout).not.toContain("drift:");
    expect(stdout).toMatch(
      new RegExp(
        `^${vendor}: matches specs/${vendor}/openapi\\.yaml \\(\\d+ responses?, \\d+ events? read\\)\\n$`,
      ),
    );
    expect(code).toBe(0);
  });

  it("--json says match, with each response checked", async () => {
    const { code, stdout } = await verify(
      ["hardal", id("hardal"), "--json"],
      vendorEnv("hardal", mocks.vendors.hardal),
    );
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({
      vendor: "hardal",
      spec: "specs/hardal/openapi.yaml",
      verdict: "match",
      exitCode: 0,
      differences: [],
      responses: [
        {
          response: 1,
          operation: "getSessionActivity",
          request: "GET /api/websites/{signalId}/sessions/{sessionId}/activity",
          status: 200,
          differences: 0,
        },
      ],
    });
    expect(result.events).toBeGreaterThan(0);
    expect(code).toBe(0);
  });

  it("a vendor read with two operations has each response checked against its own (Amplitude's User Search, then its events)", async () => {
    const { [envName("amplitude", "AMPLITUDE_ID")]: _id, ...env } = vendorEnv(
      "amplitude",
      mocks.vendors.amplitude,
    );
    const { code, stdout } = await verify(
      ["amplitude", id("amplitude"), "--device-id", "0786zXEdyOX1rS3M-P_m1d", "--json"],
      env,
    );
    const result = JSON.parse(stdout);
    expect(
      result.responses.map((r: { operation: string; request: string }) => `${r.operation} ${r.request}`),
    ).toEqual(["searchUsers GET /api/2/usersearch", "getUserActivity GET /api/2/useractivity"]);
    expect(result.verdict).toBe("match");
    expect(code).toBe(0);
  });

  it("a documented error the mock answers (Prefer: code=404) is checked, and leaves the session unchecked: exit 3", async () => {
    const { code, stdout, stderr } = await verify(
      ["fullstory", id("fullstory"), "--header", "Prefer: code=404", "--json"],
      vendorEnv("fullstory", mocks.vendors.fullstory),
    );
    const result = JSON.parse(stdout);
    expect(result.verdict).toBe("unchecked");
    expect(result.differences).toEqual([]);
    expect(result.responses).toEqual([expect.objectContaining({ status: 404, differences: 0 })]);
    expect(stderr).toMatch(/^sessiontrail: could not check fullstory: not_found \(HTTP 404\)/);
    expect(stderr).toContain("hint: check the id");
    expect(code).toBe(3);
  });
});

interface DriftCase {
  what: string;
  vendor: VendorName;
  answer: () => Answer;
  /** The JSON pointer the difference names; undefined for a status. */
  pointer: string | undefined;
  expected: string;
  /** Where to edit: the spec's JSON pointer and a word the line there holds. */
  edit: { pointer: string; line: string };
  note?: string;
}

const driftCases: DriftCase[] = [
  {
    what: "a number that became a string",
    vendor: "roundtable",
    answer: () => {
      const body = example("roundtable");
      body.events[1].unix_timestamp = String(body.events[1].unix_timestamp);
      return { body };
    },
    pointer: "/events/1/unix_timestamp",
    expected: 'spec says type integer, got "1743055850000" (string)',
    edit: { pointer: "#/components/schemas/SessionEvent/properties/unix_timestamp", line: "unix_timestamp:" },
  },
  {
    what: "a renamed field",
    vendor: "fullstory",
    answer: () => {
      const body = example("fullstory");
      const [event] = body.events;
      body.events = [0, 1, 2, 3].map(() => structuredClone(event));
      body.events[3].event_timestamp = body.events[3].event_time;
      delete body.events[3].event_time;
      return { body };
    },
    pointer: "/events/3/event_time",
    expected: "spec says required, got nothing",
    note: 'renamed? the object has "event_timestamp", which the spec does not declare',
    edit: { pointer: "#/components/schemas/Event/required", line: "required:" },
  },
  {
    what: "a field the spec requires, missing",
    vendor: "hardal",
    answer: () => {
      const body = example("hardal");
      delete body.events[2].type;
      return { body };
    },
    pointer: "/events/2/type",
    expected: "spec says required, got nothing",
    edit: { pointer: "#/components/schemas/SessionEvent/required", line: "required:" },
  },
  {
    what: "an undocumented status",
    vendor: "roundtable",
    answer: () => ({ status: 202, body: { status: "report is being generated" } }),
    pointer: undefined,
    expected: "spec says status 200, 401, 403 or 404, got 202",
    edit: { pointer: "#/paths/~1v1~1sessions~1{sessionId}~1events/get/responses", line: "responses:" },
  },
  {
    what: "an envelope added",
    vendor: "fullstory",
    answer: () => ({ body: { data: example("fullstory") } }),
    pointer: "/events",
    expected: "spec says required, got nothing",
    note: "found at /data/events: an envelope was added?",
    edit: { pointer: "#/components/schemas/SessionEventsResponse/required", line: "required:" },
  },
  {
    what: "a new enum value",
    vendor: "datadog",
    answer: () => {
      const body = example("datadog");
      body.data[1].type = "rum_v2";
      return { body };
    },
    pointer: "/data/1/type",
    expected: 'spec says one of "rum", got "rum_v2"',
    edit: { pointer: "#/components/schemas/RUMEventType/enum", line: "enum:" },
  },
];

describe("verify finds drift: exit 1, the JSON pointer and the spec location", () => {
  it.each(driftCases)("$what ($vendor)", async (drift) => {
    await withVendor(drift.answer, async (baseUrl) => {
      const env = vendorEnv(drift.vendor, baseUrl);
      const args = [drift.vendor, id(drift.vendor), "--retries", "0"];
      const text = await verify(args, env);
      const lines = text.stdout.trimEnd().split("\n");
      const where = drift.pointer === undefined ? "" : ` ${drift.pointer}`;
      const line = lines.find((l) => l.startsWith(`drift: ${drift.vendor} `) && l.includes(`${where}: `));
      expect(line, text.stdout).toBeDefined();
      expect(line).toContain(`${where}: ${drift.expected}`);
      if (drift.note) expect(line).toContain(`(${drift.note})`);
      expect(line).toMatch(
        new RegExp(
          `; edit specs/${drift.vendor}/openapi\\.yaml:\\d+ ${drift.edit.pointer.replace(/[{}~$]/g, "\\$&")}$`,
        ),
      );
      expect(lines.at(-1)).toMatch(
        new RegExp(`^${drift.vendor}: \\d+ differences? from specs/${drift.vendor}/openapi\\.yaml`),
      );
      expect(text.code).toBe(1);

      const json = await verify([...args, "--json"], env);
      const result = JSON.parse(json.stdout);
      expect(result.verdict).toBe("drift");
      expect(result.exitCode).toBe(1);
      const found = result.differences.find(
        (d: { pointer?: string; edit: { pointer?: string } }) =>
          d.pointer === drift.pointer && d.edit.pointer === drift.edit.pointer,
      );
      expect(found, json.stdout).toBeDefined();
      expect(found.edit.file).toBe(`specs/${drift.vendor}/openapi.yaml`);
      // The line named is where that part of the spec is written.
      expect(specLine(drift.vendor, found.edit.line)).toContain(drift.edit.line);
      expect(json.code).toBe(1);
    });
  });

  it("the same change in every event is one line, with the other places counted", async () => {
    const answer = () => {
      const body = example("roundtable");
      for (const event of body.events) event.unix_timestamp = String(event.unix_timestamp);
      return { body };
    };
    await withVendor(answer, async (baseUrl) => {
      const { code, stdout } = await verify(
        ["roundtable", id("roundtable")],
        vendorEnv("roundtable", baseUrl),
      );
      const lines = stdout.trimEnd().split("\n");
      // One line for the schema, one for the normalizer, which cannot read those events either.
      expect(lines.filter((l) => l.startsWith("drift:"))).toHaveLength(2);
      expect(lines[0]).toContain("/events/0/unix_timestamp: spec says type integer");
      expect(lines[0]).toContain("also at 2 more (/events/1/unix_timestamp, /events/2/unix_timestamp)");
      expect(lines[1]).toContain("/events/0: spec says an event the normalizer reads");
      expect(lines[1]).toContain("also at 2 more (/events/1, /events/2)");
      expect(code).toBe(1);
    });
  });

  it("an event the normalizer cannot read is drift, at its place in the body", async () => {
    // Roundtable's spec requires nothing, so only the normalizer notices an event without its instant.
    const answer = () => {
      const body = example("roundtable");
      delete body.events[2].unix_timestamp;
      return { body };
    };
    await withVendor(answer, async (baseUrl) => {
      const { code, stdout } = await verify(
        ["roundtable", id("roundtable"), "--json"],
        vendorEnv("roundtable", baseUrl),
      );
      const result = JSON.parse(stdout);
      expect(result.differences).toEqual([
        expect.objectContaining({
          kind: "normalizer",
          pointer: "/events/2",
          expected: "an event the normalizer reads",
          edit: { file: "packages/roundtable/src/normalize.ts" },
        }),
      ]);
      expect(code).toBe(1);
    });
  });

  it("a content type the spec does not list is drift", async () => {
    await withVendor(
      () => ({ headers: { "content-type": "text/html" }, body: "<html>maintenance</html>" }),
      async (baseUrl) => {
        const { code, stdout } = await verify(
          ["roundtable", id("roundtable")],
          vendorEnv("roundtable", baseUrl),
        );
        expect(stdout).toContain(
          "drift: roundtable getSessionEvents 200: spec says content type application/json, got text/html; edit specs/roundtable/openapi.yaml:",
        );
        expect(code).toBe(1);
      },
    );
  });

  it("a required header missing is named, even when the answer leaves the session unchecked (exit 3)", async () => {
    await withVendor(
      () => ({ status: 429, body: { code: "rate_limited", message: "slow down" } }),
      async (baseUrl) => {
        const { code, stdout, stderr } = await verify(
          ["fullstory", id("fullstory"), "--retries", "0"],
          vendorEnv("fullstory", baseUrl),
        );
        expect(stdout).toMatch(
          /^drift: fullstory getSessionEvents 429 header Retry-After: spec says required, got nothing; edit specs\/fullstory\/openapi\.yaml:\d+ #\/paths\/~1v2~1sessions~1\{session_id\}~1events\/get\/responses\/429\/headers\/Retry-After$/m,
        );
        expect(stderr).toContain("sessiontrail: could not check fullstory: rate_limited (HTTP 429)");
        expect(code).toBe(3);
      },
    );
  });
});

describe("verify could not check: exit 3", () => {
  it("when nothing answers", async () => {
    const port = await freePort();
    const { code, stdout, stderr } = await verify(
      ["roundtable", id("roundtable"), "--retries", "0"],
      vendorEnv("roundtable", `http://127.0.0.1:${port}`),
    );
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^sessiontrail: could not check roundtable: network: /);
    expect(stderr).toContain("hint: check the base URL and the network");
    expect(code).toBe(3);
  });

  it("when the key is refused (401)", async () => {
    await withVendor(
      () => ({ status: 401, body: { error: "Unauthorized" } }),
      async (baseUrl) => {
        const { code, stdout, stderr } = await verify(
          ["roundtable", id("roundtable")],
          vendorEnv("roundtable", baseUrl),
        );
        expect(stdout).toBe("");
        expect(stderr).toMatch(/^sessiontrail: could not check roundtable: auth \(HTTP 401\)/);
        expect(stderr).toContain("hint: check the key");
        expect(code).toBe(3);
      },
    );
  });
});

describe("verify usage errors: exit 2", () => {
  const env = () => vendorEnv("roundtable", mocks.vendors.roundtable);
  it.each([
    ["an unknown vendor", ["nosuchvendor", "abc"], /unknown vendor "nosuchvendor"/],
    ["no id", ["roundtable"], /missing required argument 'id'/],
    [
      "an empty --redact",
      ["roundtable", "abc", "--redact", ""],
      /--redact takes a JSON pointer or a field name/,
    ],
    [
      "--since after --until",
      ["roundtable", "abc", "--since", "2025-01-02", "--until", "2025-01-01"],
      /is after --until/,
    ],
  ])("%s", async (_what, args, message) => {
    const { code, stdout, stderr } = await verify(args as string[], env());
    expect(stdout).toBe("");
    expect(stderr).toMatch(message as RegExp);
    expect(stderr).toContain("hint: ");
    expect(code).toBe(2);
  });

  it("no key", async () => {
    const { [envName("roundtable", "API_KEY")]: _key, ...rest } = env();
    const { code, stderr } = await verify(["roundtable", "abc"], rest);
    expect(stderr).toContain("sessiontrail: roundtable: missing API key");
    expect(code).toBe(2);
  });

  it("a --record folder that is a file", async () => {
    const file = join(tmp, "not-a-folder");
    writeFileSync(file, "");
    const { code, stderr } = await verify(["roundtable", "abc", "--record", file], env());
    expect(stderr).toContain("is a file");
    expect(code).toBe(2);
  });
});

describe("verify --record", () => {
  it("writes each response as a named example, personal data replaced, still valid against the spec", async () => {
    const dir = join(tmp, "datadog");
    const { code, stderr } = await verify(
      ["datadog", id("datadog"), "--record", dir],
      vendorEnv("datadog", mocks.vendors.datadog),
    );
    expect(code).toBe(0);
    const files = readdirSync(dir);
    expect(files).toEqual(["datadog-SearchRUMEvents-200-1.yaml"]);
    expect(stderr).toContain(`wrote ${join(dir, files[0] as string)}`);
    const text = readFileSync(join(dir, files[0] as string), "utf8");
    expect(text).toContain(
      "# Paste under #/paths/~1api~1v2~1rum~1events~1search/post/responses/200/content/application~1json/examples",
    );
    expect(text).not.toContain("does not validate");
    const [name, recorded] = Object.entries<Json>(parse(text))[0] ?? [];
    expect(name).toMatch(/^recorded\d{8}Response1$/);
    const original = example("datadog");
    const emails = JSON.stringify(original).match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? [];
    const ips = JSON.stringify(original).match(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g) ?? [];
    expect(emails.length + ips.length).toBeGreaterThan(0);
    for (const value of [...emails, ...ips]) expect(text).not.toContain(value);
    // Everything else is the body as it came.
    expect(recorded.value.data.map((e: Json) => e.id)).toEqual(original.data.map((e: Json) => e.id));
    const spec = new VendorSpec("datadog", join(repoRoot, "specs", "datadog", "openapi.yaml"));
    const validate = spec.validator(
      "#/paths/~1api~1v2~1rum~1events~1search/post/responses/200/content/application~1json/schema",
    );
    expect(validate(recorded.value) ? [] : validate.errors).toEqual([]);
  });

  it("--redact replaces a JSON pointer (with *) and a field name too", async () => {
    const dir = join(tmp, "roundtable");
    const original = example("roundtable");
    const { code } = await verify(
      [
        "roundtable",
        id("roundtable"),
        "--record",
        dir,
        "--redact",
        "/events/*/user_time",
        "--redact",
        "session_id",
      ],
      vendorEnv("roundtable", mocks.vendors.roundtable),
    );
    expect(code).toBe(0);
    const text = readFileSync(join(dir, "roundtable-getSessionEvents-200-1.yaml"), "utf8");
    const recorded = Object.values<Json>(parse(text))[0].value;
    expect(text).not.toContain(original.session_id);
    for (const event of original.events) expect(text).not.toContain(event.user_time);
    expect(recorded.events.map((e: Json) => e.action)).toEqual(original.events.map((e: Json) => e.action));
    expect(recorded.events.map((e: Json) => e.unix_timestamp)).toEqual(
      original.events.map((e: Json) => e.unix_timestamp),
    );
  });
});

describe("the key is in no output and no recorded file", () => {
  /** Every form of a credential a vendor could echo. */
  const forms = (header: string) => [KEY, SECRET, header, header.replace(/^\S+\s+/, "")];

  it.each([
    ["roundtable", "unix_timestamp"],
    ["amplitude", "session_id"],
  ] as const)(
    "%s echoing its auth header into a drifted field, a header and the body",
    async (vendor, field) => {
      let sent = "";
      const answer = (request: IncomingMessage): Answer => {
        sent = String(request.headers.authorization ?? "");
        const body = example(vendor);
        // A wrong type, so verify prints the value; and the header again where the spec allows extras.
        body.events[0][field] = `echo ${sent}`;
        body.echo = { authorization: sent, key: KEY };
        return { headers: { "x-echo": sent, "content-type": `application/json; note=${KEY}` }, body };
      };
      await withVendor(answer, async (baseUrl) => {
        const dir = join(tmp, `echo-${vendor}`);
        const env = vendorEnv(vendor, baseUrl);
        const text = await verify([vendor, id(vendor), "--record", dir], env);
        const json = await verify([vendor, id(vendor), "--json", "--record", dir], env);
        expect(sent).toMatch(/^(Bearer|Basic) /);
        const scheme = sent.split(" ")[0];
        expect(text.stdout).toContain(
          `/events/0/${field}: spec says type integer, got "echo ${scheme} [REDACTED]" (string)`,
        );
        expect(text.code).toBe(1);
        expect(json.code).toBe(1);
        const recorded = readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8"));
        expect(recorded.length).toBeGreaterThan(0);
        for (const output of [text.stdout, text.stderr, json.stdout, json.stderr, ...recorded]) {
          for (const form of forms(sent)) expect(output).not.toContain(form);
        }
        expect(recorded.join("\n")).toContain("[REDACTED]");
      });
    },
  );

  it("personal values in a difference are replaced, keeping their form", async () => {
    const answer = () => {
      const body = example("roundtable");
      body.events[0].unix_timestamp = "jane.doe@corp.example.com";
      return { body };
    };
    await withVendor(answer, async (baseUrl) => {
      const { code, stdout } = await verify(
        ["roundtable", id("roundtable")],
        vendorEnv("roundtable", baseUrl),
      );
      expect(stdout).toContain(
        '/events/0/unix_timestamp: spec says type integer, got "user1@example.com" (string)',
      );
      expect(stdout).not.toContain("jane.doe");
      expect(code).toBe(1);
    });
  });
});
