// The built `sessiontrail` executable, run as a child process against Prism mocks of every vendor
// spec (started once for the file). Checks each command and output format, each error path and its
// exit code, and that no API key ever reaches stdout or stderr.
import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SessionEvent } from "@sessiontrail/core";
import { sessionEventErrors } from "@sessiontrail/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { responseExamples } from "../../../scripts/spec-examples.ts";
import { repoRoot } from "../../../scripts/specs.ts";
import { run } from "../src/cli.ts";
import { type Mocks, startMocks } from "../src/mock.ts";
import { mockDefaults, mockEnvironment, type VendorName, vendorNames } from "../src/vendors.ts";
import { checkTimelinePage, launchChromium } from "./page.ts";

const bin = join(repoRoot, "packages", "cli", "dist", "bin.js");
const keys = Object.fromEntries(vendorNames.map((v) => [v, `sk-test-${v}-7c1e94b2d5`])) as Record<
  VendorName,
  string
>;
const flagKey = "sk-flag-only-3a8f60c1e2";
const outputs: string[] = [];
let mocks: Mocks;
let env: Record<string, string>;
let tmp: string;

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], extraEnv: Record<string, string> = {}): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...env, ...extraEnv }, timeout: 20_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        outputs.push(stdout, stderr);
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The id and vendor settings of each vendor's example session. */
const idOf = (vendor: VendorName) => mockDefaults[vendor].id;
const timelineArgs = vendorNames.flatMap((v) => [`--${v}`, idOf(v)]);

const isGone = (pid: number) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
};

beforeAll(async () => {
  // The tests run the built CLI: build it and what it depends on (a turbo cache hit when fresh).
  execFileSync(
    join(repoRoot, "node_modules", ".bin", "turbo"),
    ["run", "build", "--filter=@sessiontrail/cli"],
    {
      cwd: repoRoot,
      stdio: "pipe",
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
    },
  );
  mocks = await startMocks();
  tmp = mkdtempSync(join(tmpdir(), "sessiontrail-cli-"));
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] => !e[0].startsWith("SESSIONTRAIL_") && e[1] !== undefined,
    ),
  );
  // What `sessiontrail mock` prints (base URLs, each vendor setting's spec example), each key our own.
  env = { ...inherited, TZ: "UTC", NO_COLOR: "1", ...Object.fromEntries(mockEnvironment(mocks.vendors)) };
  for (const v of vendorNames) env[`SESSIONTRAIL_${v.toUpperCase()}_API_KEY`] = keys[v];
}, 120_000);

afterAll(async () => {
  const pids = Object.values<number>(mocks?.pids ?? {});
  await mocks?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  expect(pids.length).toBe(vendorNames.length);
  for (const pid of pids) expect(isGone(pid), `Prism ${pid} still running`).toBe(true);
}, 20_000);

describe("sessiontrail events", () => {
  it.each(vendorNames)("%s --json: one array of valid events of that vendor", async (vendor) => {
    const { code, stdout, stderr } = await cli(["events", vendor, idOf(vendor), "--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const events = JSON.parse(stdout) as SessionEvent[];
    expect(events.length).toBeGreaterThan(0);
    expect(sessionEventErrors(events)).toEqual([]);
    expect(new Set(events.map((e) => e.vendor))).toEqual(new Set([vendor]));
    const times = events.map((e) => e.timestamp);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("keeps only events inside --since/--until (ISO or epoch ms)", async () => {
    const since = "2025-03-14T11:03:00Z";
    const until = Date.parse("2025-03-14T11:05:00Z");
    const { code, stdout } = await cli([
      "events",
      "hardal",
      idOf("hardal"),
      "--json",
      "--since",
      since,
      "--until",
      `${until}`,
    ]);
    expect(code).toBe(0);
    const events = JSON.parse(stdout) as SessionEvent[];
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.timestamp >= Date.parse(since) && e.timestamp <= until).toBe(true);
  });

  it("prints NDJSON when asked, and by default when stdout is not a terminal", async () => {
    const asked = await cli(["events", "hardal", idOf("hardal"), "--ndjson"]);
    const byDefault = await cli(["events", "hardal", idOf("hardal")]);
    expect(asked.code).toBe(0);
    expect(byDefault.stdout).toBe(asked.stdout);
    const lines = asked.stdout.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(1);
    const events = lines.map((line) => JSON.parse(line));
    expect(sessionEventErrors(events)).toEqual([]);
  });

  it("prints a table with --table", async () => {
    const { code, stdout } = await cli(["events", "fullstory", idOf("fullstory"), "--table"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^TIME +VENDOR +TYPE +NAME +PAGE \/ TARGET\n/);
    expect(stdout).toContain("2024-04-03 17:06:12.290  fullstory");
    expect(stdout).toContain("https://app.fullstory.com/login/");
  });

  it("keeps the untouched vendor event with --with-raw, and honours --max-events", async () => {
    const { stdout } = await cli([
      "events",
      "actionhub",
      idOf("actionhub"),
      "--json",
      "--with-raw",
      "--max-events",
      "2",
    ]);
    const events = JSON.parse(stdout) as SessionEvent[];
    expect(events).toHaveLength(2);
    for (const event of events) expect(event.raw).toBeTypeOf("object");
  });
});

describe("sessiontrail timeline", () => {
  it("merges all five vendors into one chronological array", async () => {
    const perVendor = await Promise.all(
      vendorNames.map(
        async (v) => JSON.parse((await cli(["events", v, idOf(v), "--json"])).stdout) as SessionEvent[],
      ),
    );
    const { code, stdout, stderr } = await cli(["timeline", ...timelineArgs, "--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const merged = JSON.parse(stdout) as SessionEvent[];
    expect(sessionEventErrors(merged)).toEqual([]);
    expect(merged).toHaveLength(perVendor.flat().length);
    expect(new Set(merged.map((e) => e.vendor))).toEqual(new Set(vendorNames));
    const times = merged.map((e) => e.timestamp);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("prints a table naming every vendor and writes a self-contained HTML page", async () => {
    const html = join(tmp, "out", "timeline.html");
    const { code, stdout } = await cli(["timeline", ...timelineArgs, "--table", "--html", html]);
    expect(code).toBe(0);
    for (const v of vendorNames) expect(stdout).toContain(`  ${v}  `);
    const page = readFileSync(html, "utf8");
    const ids = (
      JSON.parse((await cli(["timeline", ...timelineArgs, "--json"])).stdout) as SessionEvent[]
    ).map((e) => e.id);
    for (const id of ids) expect(page).toContain(id);
    // Nothing is loaded from anywhere: no external script, style, image, frame, font or import.
    expect(page).not.toMatch(/<(link|img|iframe|object|embed|base)\b/i);
    expect(page).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(page).not.toMatch(/url\(|@import|\bsrc\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(page).toContain(`content="default-src 'none';`);
  });

  it("the --html page in headless Chromium: loads clean and shows every event in its vendor's lane", async () => {
    const html = join(tmp, "chromium", "timeline.html");
    // Chromium first: without it, fail at once with how to install it.
    const browser = await launchChromium();
    try {
      const { code, stdout, stderr } = await cli(["timeline", ...timelineArgs, "--json", "--html", html]);
      expect(stderr).toBe("");
      expect(code).toBe(0);
      const events = JSON.parse(stdout) as SessionEvent[];
      expect(new Set(events.map((e) => e.vendor))).toEqual(new Set(vendorNames));
      const report = await checkTimelinePage(browser, html, events);
      expect([...report.lanes].sort()).toEqual([...vendorNames].sort());
    } finally {
      await browser.close();
    }
  }, 60_000);

  it("reports progress on stderr only when stderr is a terminal", async () => {
    const sink = (isTTY: boolean) => {
      const chunks: string[] = [];
      return { isTTY, chunks, write: (text: string) => chunks.push(text) };
    };
    const args = ["timeline", ...timelineArgs, "--json"];
    const [quiet, terminal] = [sink(false), sink(true)];
    const stdouts = [sink(false), sink(false)];
    expect(await run(args, { stdout: stdouts[0] as ReturnType<typeof sink>, stderr: quiet, env })).toBe(0);
    expect(await run(args, { stdout: stdouts[1] as ReturnType<typeof sink>, stderr: terminal, env })).toBe(0);
    const progress = terminal.chunks.join("");
    outputs.push(progress, quiet.chunks.join(""), ...stdouts.flatMap((s) => s.chunks));
    expect(quiet.chunks).toEqual([]);
    expect(progress).toMatch(new RegExp(`^sessiontrail: fetching ${vendorNames.join(", ")}\n`));
    for (const v of vendorNames)
      expect(progress).toMatch(new RegExp(`^sessiontrail: ${v}: \\d+ events? in \\d+ ms$`, "m"));
    expect(stdouts[1]?.chunks.join("")).toBe(stdouts[0]?.chunks.join(""));
  });

  it("ndjson is the default off a terminal", async () => {
    const { code, stdout } = await cli([
      "timeline",
      "--roundtable",
      idOf("roundtable"),
      "--fullstory",
      idOf("fullstory"),
    ]);
    expect(code).toBe(0);
    const events = stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(sessionEventErrors(events)).toEqual([]);
    expect(new Set(events.map((e) => e.vendor))).toEqual(new Set(["roundtable", "fullstory"]));
  });
});

describe("sessiontrail raw", () => {
  it.each(vendorNames)("%s prints the vendor's body as served", async (vendor) => {
    const { code, stdout } = await cli(["raw", vendor, idOf(vendor)]);
    expect(code).toBe(0);
    // Prism serves the first named 200 example of the operation.
    const first = responseExamples(vendor).find((e) => e.status === 200);
    expect(JSON.parse(stdout)).toEqual(first?.value);
  });
});

describe("help", () => {
  it.each([[], ["events"], ["timeline"], ["raw"], ["mock"]])("sessiontrail %s --help", async (...command) => {
    const { code, stdout } = await cli([...command, "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: sessiontrail");
    expect(stdout).toMatch(/\nExamples?:\n {2}\$ /);
    if (command.length === 0)
      expect(stdout).toContain("Run 'sessiontrail <command> --help' for more examples.");
    expect(stdout).toContain("SESSIONTRAIL_");
  });
});

describe("errors", () => {
  const lines = (text: string) => text.trimEnd().split("\n");

  it("unknown vendor: exit 2 with a hint", async () => {
    const { code, stdout, stderr } = await cli(["events", "mixpanel", "x"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(lines(stderr)).toEqual([
      'sessiontrail: unknown vendor "mixpanel"',
      `hint: choose one of: ${vendorNames.join(", ")}`,
    ]);
  });

  it("missing API key: exit 2 naming the variable", async () => {
    const { code, stderr } = await cli(["events", "fullstory", idOf("fullstory")], {
      SESSIONTRAIL_FULLSTORY_API_KEY: "",
    });
    expect(code).toBe(2);
    expect(lines(stderr)).toEqual([
      "sessiontrail: fullstory: missing API key",
      "hint: set SESSIONTRAIL_FULLSTORY_API_KEY or pass --api-key",
    ]);
  });

  it("an id the client refuses before sending: exit 2", async () => {
    const { code, stderr } = await cli(["events", "fullstory", "abc"]);
    expect(code).toBe(2);
    expect(lines(stderr)).toHaveLength(2);
    expect(stderr).toMatch(/^sessiontrail: fullstory: sessionId must be "\{device_id\}:\{session_id\}"/);
    expect(stderr).toContain(
      `hint: the fullstory id is a session id "{device_id}:{session_id}", e.g. ${idOf("fullstory")}`,
    );
  });

  it("missing options and arguments: exit 2 with a hint", async () => {
    const missingId = await cli(["events", "hardal"]);
    expect(missingId.code).toBe(2);
    expect(lines(missingId.stderr)).toEqual([
      "sessiontrail: missing required argument 'id'",
      "hint: run 'sessiontrail events --help' for usage and examples",
    ]);
    const noVendor = await cli(["timeline", "--json"]);
    expect(noVendor.code).toBe(2);
    expect(noVendor.stderr).toMatch(/^sessiontrail: timeline needs at least one vendor\nhint: /);
    const noProject = await cli(["events", "openreplay", idOf("openreplay")], {
      SESSIONTRAIL_OPENREPLAY_PROJECT_KEY: "",
    });
    expect(noProject.code).toBe(2);
    expect(noProject.stderr).toContain("hint: pass --project-key or set SESSIONTRAIL_OPENREPLAY_PROJECT_KEY");
    const badNumber = await cli(["events", "hardal", "x", "--page-size", "0"]);
    expect(badNumber.code).toBe(2);
    const tooAhead = await cli(["events", "hardal", "x", "--signal-id", "s", "--concurrency", "17"]);
    expect(tooAhead.code).toBe(2);
    expect(lines(tooAhead.stderr)).toEqual([
      "sessiontrail: hardal: concurrency must be an integer 1-16",
      "hint: --concurrency takes an integer 1-16",
    ]);
    const twoFormats = await cli(["events", "hardal", "x", "--json", "--ndjson"]);
    expect(twoFormats.code).toBe(2);
    expect(twoFormats.stderr).toContain("hint: pass one of --json, --ndjson or --table");
  });

  it("unreachable base URL: exit 1, one line naming the vendor and kind network", async () => {
    const { code, stdout, stderr } = await cli(["events", "fullstory", idOf("fullstory")], {
      SESSIONTRAIL_FULLSTORY_BASE_URL: "http://127.0.0.1:9",
    });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(lines(stderr)).toHaveLength(1);
    expect(stderr).toMatch(/^sessiontrail: fullstory: network: \S/);
  });

  it("a 401 from the vendor (Prism's Prefer: code=401): exit 1, one line with kind, status and message", async () => {
    const { code, stderr } = await cli([
      "events",
      "fullstory",
      idOf("fullstory"),
      "--api-key",
      flagKey,
      "--header",
      "Prefer: code=401",
    ]);
    expect(code).toBe(1);
    expect(stderr).toBe("sessiontrail: fullstory: auth (HTTP 401): access is unauthorized\n");
  });

  it("timeline: one line per failed vendor", async () => {
    const { code, stdout, stderr } = await cli(
      ["timeline", "--fullstory", idOf("fullstory"), "--roundtable", idOf("roundtable")],
      { SESSIONTRAIL_ROUNDTABLE_BASE_URL: "http://127.0.0.1:9" },
    );
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(lines(stderr)).toEqual([expect.stringMatching(/^sessiontrail: roundtable: network: /)]);
  });

  it("never echoes an option value that could be a key", async () => {
    const { code, stderr } = await cli(["events", "hardal", "x", `--apikey=${flagKey}`]);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option '--apikey=…'");
  });
});

describe("sessiontrail mock", () => {
  it("serves every vendor, prints the env lines, and stops each Prism on SIGTERM", async () => {
    const child: ChildProcess = spawn(process.execPath, [bin, "mock"], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const deadline = Date.now() + 30_000;
    while (!stdout.includes("Ctrl-C stops the mocks") && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    outputs.push(stdout);
    const urls = vendorNames.map(
      (v) => new RegExp(`^export SESSIONTRAIL_${v.toUpperCase()}_BASE_URL=(\\S+)$`, "m").exec(stdout)?.[1],
    );
    for (const url of urls) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await fetch(`${urls[2]}/v2/sessions/${encodeURIComponent(idOf("fullstory"))}/events`, {
      headers: { Authorization: "Basic x" },
    });
    expect(answer.status).toBe(200);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    for (const url of urls) await expect(fetch(url as string)).rejects.toThrow();
  }, 45_000);
});

describe("secrets", () => {
  it("no API key appears in any output", () => {
    expect(outputs.length).toBeGreaterThan(40);
    for (const text of outputs) {
      for (const key of [...Object.values(keys), flagKey]) expect(text).not.toContain(key);
    }
  });
});
