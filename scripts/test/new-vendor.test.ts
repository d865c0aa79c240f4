// `pnpm new-vendor` end to end on a clone of HEAD, as CONTRIBUTING.md's "Add a vendor" tells it: a
// spec, the command, the places it leaves filled; then the vendor is one unit: the tree changes only
// where the vendor lives, and every list the repo derives from redocly.yaml or the CLI's registry
// (typecheck, CLI, contract tests, size budget, README checks) has it without another edit.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placesToFill, TODO_MARK } from "../../turbo/generators/config.ts";
import { repoRoot } from "../specs.ts";

const VENDOR = "example";
const LABEL = "Example";
const SESSION = "ses_4f2a9c";

/** The smallest spec a vendor can have: one GET operation returning a session's events, one named example. */
const SPEC = `openapi: 3.1.0
info:
  title: Example Session Events API
  version: 1.0.0
  description: The events of one session, in one response (a spec for the new-vendor test).
servers:
  - url: https://api.example.com
    description: Production API server.
security:
  - BearerAuth: []
tags:
  - name: sessions
    description: The events of one session.
paths:
  /v1/sessions/{sessionId}/events:
    get:
      operationId: getSessionEvents
      tags:
        - sessions
      summary: The events of one session
      description: Every event of the session, oldest first, in one response.
      parameters:
        - name: sessionId
          in: path
          required: true
          description: The session's id.
          schema:
            type: string
            minLength: 1
          example: ${SESSION}
      responses:
        "200":
          description: The session's events.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/SessionEvents"
              examples:
                twoClicks:
                  value:
                    session_id: ${SESSION}
                    events:
                      - id: ev_1
                        name: Clicked "Buy"
                        at: 1748749918204
                      - id: ev_2
                        name: Clicked "Pay"
                        at: 1748749919204
        "401":
          description: The key is missing or wrong.
components:
  securitySchemes:
    BearerAuth:
      type: http
      scheme: bearer
  schemas:
    SessionEvents:
      type: object
      required: [session_id, events]
      properties:
        session_id:
          type: string
        events:
          type: array
          items:
            $ref: "#/components/schemas/SessionEvent"
    SessionEvent:
      type: object
      required: [id, name, at]
      properties:
        id:
          type: string
        name:
          type: string
        at:
          type: integer
          description: Epoch milliseconds.
`;

/** What a contributor writes at each place the template left, for the spec above (file, place, text). */
const FILLS: [file: string, place: string | RegExp, text: string][] = [
  ["src/client.ts", /^import \{ todo \} from "\.\/todo\.ts";\n/m, ""],
  ["src/raw-client.ts", /^import \{ todo \} from "\.\/todo\.ts";\n/m, ""],
  [
    "src/raw-client.ts",
    'authHeader: () => todo("src/raw-client.ts: authHeader, the header that carries the key"),',
    'authHeader: (apiKey) => ["Authorization", "Bearer " + apiKey],',
  ],
  [
    "src/client.ts",
    `(_request) => todo("src/client.ts: the typed call of the spec's events operation"),`,
    '(request) => client.GET("/v1/sessions/{sessionId}/events", { params: { path: { sessionId: query.sessionId } }, parseAs: "stream", ...request }),',
  ],
  ["src/normalize.ts", /^import \{ todo \} from "\.\/todo\.ts";\n/m, ""],
  ["src/normalize.ts", "  normalizeEvents,\n", "  newEvent,\n  normalizeEvents,\n"],
  [
    "src/normalize.ts",
    'components["schemas"][keyof components["schemas"]]',
    'components["schemas"]["SessionEvent"]',
  ],
  [
    "src/normalize.ts",
    'const events: unknown = todo("src/normalize.ts: the field of the 200 body that holds the events");',
    "const { events } = body;",
  ],
  [
    "src/normalize.ts",
    'event: () => todo("src/normalize.ts: mapping.event, one vendor event as a SessionEvent"),',
    'event: (item) => newEvent(vendor, item.id, "click", item.name, item.at, {}),',
  ],
  [
    "src/descriptor.ts",
    /Example's descriptor\. TODO\(new-vendor\)[^*]*\*\//,
    "Example's descriptor: one response per session. */",
  ],
  ["src/descriptor.ts", 'mock: { id: "" }', `mock: { id: "${SESSION}" }`],
  ["src/descriptor.ts", '"#64748b"', '"#db2777"'],
  ["test/client.test.ts", /^import \{ todo \} from "\.\.\/src\/todo\.ts";\n/m, ""],
  [
    "test/client.test.ts",
    /const call = \(_client: ExampleClient\) =>[^\n]*\n/,
    `const call = (client: ExampleClient) => client.GET("/v1/sessions/{sessionId}/events", { params: { path: { sessionId: "${SESSION}" } } });\n`,
  ],
  ["test/client.test.ts", 'const query = { sessionId: "" };', `const query = { sessionId: "${SESSION}" };`],
  [
    "test/client.test.ts",
    /todo\(\s*"test\/client\.test\.ts: the request[\s\S]*?\),\n/,
    `{ url: "https://api.example.com/v1/sessions/${SESSION}/events", method: "GET", headers: { authorization: "Bearer sk_secret_key" }, body: "" },\n`,
  ],
  ["test/normalize.test.ts", /^import \{ todo \} from "\.\.\/src\/todo\.ts";\n/m, ""],
  [
    "test/normalize.test.ts",
    `const body: unknown = todo("test/normalize.test.ts: a body with the vendor's kinds of events");`,
    'const body = { session_id: "s1", events: [{ id: "e1", name: "Clicked", at: 1748749918204 }] };',
  ],
  [
    "test/normalize.test.ts",
    'todo("test/normalize.test.ts: the type, name and timestamp each event becomes")',
    '[{ type: "click", name: "Clicked", timestamp: 1748749918204 }]',
  ],
  ["test/contract.ts", /^import \{ todo \} from "\.\.\/src\/todo\.ts";\n/m, ""],
  [
    "test/contract.ts",
    "calls: {},",
    `calls: { "GET /v1/sessions/{sessionId}/events": (client) => client.GET("/v1/sessions/{sessionId}/events", { params: { path: { sessionId: id } } }) },`,
  ],
  [
    "test/contract.ts",
    /raw: \(\{ baseUrl \}\) => todo\([^\n]*\n/,
    // The text written into the package's test/contract.ts, a template literal of its own.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholders belong to the written file.
    "raw: ({ baseUrl }) => fetch(`${baseUrl}/v1/sessions/${id}/events`),\n",
  ],
  ["README.md", /^<!-- TODO\(new-vendor\).*-->\n\n/m, ""],
  ["README.md", 'const query = { sessionId: "" };', `const query = { sessionId: "${SESSION}" };`],
  [
    "README.md",
    /^- TODO\(new-vendor\)[^\n]*\n[^\n]*\n/m,
    "- `at` (epoch milliseconds) is the instant; every event is a click.\n",
  ],
  ["package.json", /"TODO\(new-vendor\)[^"]*"/, '"session-replay"'],
];

/** Drops each `//` comment that marks a place left to fill, with the comment lines that follow it. */
function dropTodoComments(text: string): string {
  const kept: string[] = [];
  let inTodo = false;
  for (const line of text.split("\n")) {
    const comment = line.trim().startsWith("//");
    inTodo = comment && (inTodo || line.includes(TODO_MARK));
    if (!inTodo) kept.push(line);
  }
  return kept.join("\n");
}

/** Fills every place `pnpm new-vendor` left in the package, as a contributor would for SPEC. */
function fill(dir: string): void {
  for (const file of [
    "src/client.ts",
    "src/raw-client.ts",
    "src/normalize.ts",
    "src/descriptor.ts",
    "test/client.test.ts",
    "test/normalize.test.ts",
    "test/contract.ts",
    "README.md",
  ]) {
    const path = join(dir, file);
    writeFileSync(path, dropTodoComments(readFileSync(path, "utf8")));
  }
  for (const [file, place, text] of FILLS) {
    const path = join(dir, file);
    const before = readFileSync(path, "utf8");
    const matches =
      typeof place === "string"
        ? before.split(place).length - 1
        : (before.match(new RegExp(place, `${place.flags}g`)) ?? []).length;
    // One match each, or the template moved on without this test.
    expect(matches, `${file}: ${place}`).toBe(1);
    writeFileSync(
      path,
      before.replace(place, () => text),
    );
  }
  rmSync(join(dir, "src", "todo.ts"));
}

interface Run {
  code: number | null;
  out: string;
}

let work: string;
let clone: string;
let unfilledTests: Run;
let generated: Run;

/**
 * The environment of commands in the clone: without the outer pnpm's and vitest's settings (and CI,
 * so the new vendor's first test run writes its golden files), and with pnpm offline and its virtual
 * store inside the clone, so that nothing reaches the network or rewrites the main checkout's links.
 */
function cloneEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|pnpm_config_|VITEST|NODE_ENV$|NODE_OPTIONS$|CI$)/i.test(key)) env[key] = value;
  }
  return {
    ...env,
    pnpm_config_offline: "true",
    pnpm_config_enable_global_virtual_store: "false",
    pnpm_config_virtual_store_dir: "node_modules/.pnpm",
    SCARF_ANALYTICS: "false",
    TURBO_TELEMETRY_DISABLED: "1",
    ...extra,
  };
}

function sh(command: string, args: string[], extra: Record<string, string> = {}): Run {
  const r = spawnSync(command, args, {
    cwd: clone,
    encoding: "utf8",
    env: cloneEnv(extra),
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}${r.error ? String(r.error) : ""}` };
}

let reports = 0;

/** Runs vitest in the clone: its output, and the full names of the tests that passed. */
function vitest(args: string[], extra: Record<string, string> = {}): Run & { passed: string[] } {
  const report = join(work, `vitest-${++reports}.json`);
  const run = sh(
    "pnpm",
    [
      "exec",
      "vitest",
      "run",
      ...args,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
    ],
    extra,
  );
  if (!existsSync(report)) return { ...run, passed: [] };
  const json = JSON.parse(readFileSync(report, "utf8")) as {
    testResults: { assertionResults: { fullName: string; status: string }[] }[];
  };
  const passed = json.testResults.flatMap((file) =>
    file.assertionResults.filter((t) => t.status === "passed").map((t) => t.fullName),
  );
  return { ...run, passed };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "sessiontrail-new-vendor-"));
  clone = join(work, "repo");
  const cloned = spawnSync("git", ["clone", "-q", repoRoot, clone], { encoding: "utf8" });
  expect(cloned.status, cloned.stderr).toBe(0);
  const installed = sh("pnpm", ["install", "--frozen-lockfile", "--reporter=append-only"]);
  expect(installed.code, installed.out).toBe(0);

  mkdirSync(join(clone, "specs", VENDOR));
  writeFileSync(join(clone, "specs", VENDOR, "openapi.yaml"), SPEC);
  generated = sh("pnpm", ["new-vendor", VENDOR]);
  unfilledTests = vitest([`packages/${VENDOR}`]);
  fill(join(clone, "packages", VENDOR));
  const formatted = sh("pnpm", ["exec", "biome", "check", "--write", `packages/${VENDOR}`]);
  expect(formatted.code, formatted.out).toBe(0);
}, 120_000);

// A clone with its node_modules and builds: removing it can take longer than a hook's default 10 s.
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 120_000);

describe("pnpm new-vendor on a clone, then the places it left filled", { timeout: 120_000 }, () => {
  it("makes the package, says which places to fill, and its tests fail there until they are", () => {
    expect(generated.code, generated.out).toBe(0);
    expect(generated.out).toContain(`packages/${VENDOR} is ready to fill`);
    expect(generated.out).toMatch(
      /src\/raw-client\.ts:\d+ +\/\/ TODO\(new-vendor\): the header that carries the key/,
    );
    expect(unfilledTests.code, unfilledTests.out).not.toBe(0);
    expect(unfilledTests.out).toContain(`TODO(new-vendor) packages/${VENDOR}/src/raw-client.ts: authHeader`);
    expect(unfilledTests.out).toContain(`TODO(new-vendor) packages/${VENDOR}/src/normalize.ts: the field`);
    expect(placesToFill(join(clone, "packages", VENDOR))).toEqual([]);
  });

  it("changes only the spec, the package, redocly.yaml, the CLI's registry, the lockfile and a changeset", () => {
    const status = sh("git", ["status", "--porcelain", "--untracked-files=all"]);
    const paths = status.out
      .split("\n")
      .filter(Boolean)
      .map((line) => line.slice(3));
    const allowed = [
      /^specs\/example\//,
      /^packages\/example\//,
      /^redocly\.yaml$/,
      /^packages\/cli\/src\/registry\.ts$/,
      /^packages\/cli\/package\.json$/,
      /^pnpm-lock\.yaml$/,
      /^\.changeset\/[\w-]+\.md$/,
    ];
    expect(paths.filter((path) => !allowed.some((pattern) => pattern.test(path)))).toEqual([]);
    expect(paths).toContain("redocly.yaml");
    expect(paths).toContain("pnpm-lock.yaml");
    expect(paths.some((path) => path.startsWith(".changeset/"))).toBe(true);
    // The CLI gains exactly its one registry line and the import that line needs.
    const registry = sh("git", ["diff", "--unified=0", "packages/cli/src/registry.ts"]).out;
    expect(registry.split("\n").filter((line) => /^[+-][^+-]/.test(line))).toEqual([
      '+import { exampleVendor } from "@sessiontrail/example";',
      "+  exampleVendor,",
    ]);
  });

  it("the filled package's own tests pass", () => {
    const tests = vitest([`packages/${VENDOR}`]);
    expect(tests.code, tests.out).toBe(0);
  });

  it("pnpm typecheck passes", () => {
    const typecheck = sh("pnpm", ["typecheck"]);
    expect(typecheck.code, typecheck.out).toBe(0);
  });

  it("sessiontrail --help, run from source, lists the vendor", () => {
    // Workspace packages resolve to their sources, as in vitest.config.ts, so no build is needed.
    const hook = join(work, "sources.mjs");
    writeFileSync(
      hook,
      [
        'import { registerHooks } from "node:module";',
        'import { pathToFileURL } from "node:url";',
        "registerHooks({",
        "  resolve(specifier, context, next) {",
        "    const name = /^@sessiontrail\\/([\\w-]+)$/.exec(specifier)?.[1];",
        `    if (name) return { url: pathToFileURL(${JSON.stringify(clone)} + "/packages/" + name + "/src/index.ts").href, shortCircuit: true };`,
        "    return next(specifier, context);",
        "  },",
        "});",
      ].join("\n"),
    );
    const help = sh(process.execPath, ["--import", hook, "packages/cli/src/bin.ts", "--help"]);
    expect(help.code, help.out).toBe(0);
    expect(help.out).toMatch(/Vendors: .*\bexample\b/);
  });

  it("its contract tests run against its Prism mock", () => {
    const contract = vitest(
      [
        "--config",
        "contract-tests/vitest.config.ts",
        "test/examples.test.ts",
        "--testNamePattern",
        `^${VENDOR} against its Prism mock`,
      ],
      { CONTRACT_VENDORS: VENDOR },
    );
    expect(contract.code, contract.out).toBe(0);
    expect(contract.passed.filter((name) => name.startsWith(`${VENDOR} against its Prism mock`))).not.toEqual(
      [],
    );
  });

  it("the size budget measures it", () => {
    // size-limit measures the bundled JavaScript only: build it without the declaration files.
    const build = sh("pnpm", [
      "exec",
      "turbo",
      "run",
      "build",
      "--filter=./packages/*",
      "--filter=!@sessiontrail/cli",
      "--",
      "--no-dts",
    ]);
    expect(build.code, build.out).toBe(0);
    // Whether every bundle fits the budget is `pnpm size`'s check; this one is that the vendor is measured.
    const size = sh("pnpm", ["exec", "size-limit", "--json"]);
    const checks = JSON.parse(size.out.slice(size.out.indexOf("["))) as { name: string; size: number }[];
    const ours = checks.filter((check) => check.name.startsWith(`@sessiontrail/${VENDOR}`));
    expect(ours.map((check) => check.name)).toEqual([
      `@sessiontrail/${VENDOR}/raw-client: { create${LABEL}RawClient }`,
      `@sessiontrail/${VENDOR}: { create${LABEL}Client, normalize${LABEL}Events }`,
      `@sessiontrail/${VENDOR}: whole package`,
    ]);
    for (const check of ours) expect(check.size).toBeGreaterThan(0);
  });

  it("the README checks include it", () => {
    // The README's CLI line runs the built CLI, which must include the new vendor: build it all first.
    const build = sh("pnpm", ["exec", "turbo", "run", "build"]);
    expect(build.code, build.out).toBe(0);
    const readmes = vitest(["scripts/test/readmes.test.ts"]);
    expect(readmes.code, readmes.out).toBe(0);
    expect(readmes.passed.filter((name) => name.includes(VENDOR))).not.toEqual([]);
  });
});

describe("the packages in the repo", () => {
  it("hold no place `pnpm new-vendor` left to fill", () => {
    const packages = join(repoRoot, "packages");
    const left = readdirSync(packages, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap(({ name }) => placesToFill(join(packages, name)).map((place) => `packages/${name}/${place}`));
    expect(left).toEqual([]);
  });
});
