// The built `sessiontrail` executable, run as a child process against Prism mocks of every vendor
// spec (started once for the file). Checks each command and output format, each error path and its
// exit code, and that no API key ever reaches stdout or stderr.
import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
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
  it("--verbose prints each request, response and page on stderr, with no key and the output unchanged", async () => {
    const quiet = await cli(["events", "openreplay", idOf("openreplay"), "--json"]);
    const { code, stdout, stderr } = await cli([
      "events",
      "openreplay",
      idOf("openreplay"),
      "--json",
      "--verbose",
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe(quiet.stdout);
    const said = stderr.trimEnd().split("\n");
    expect(said[0]).toMatch(/^sessiontrail: openreplay: POST \/\S+ \(attempt 1\)$/);
    expect(said[1]).toMatch(/^sessiontrail: openreplay: POST \/\S+ -> 200 in \d+ ms$/);
    expect(said[2]).toMatch(/^sessiontrail: openreplay: page 1: \d+ events? of \d+, last page$/);
    expect(stderr).not.toContain(keys.openreplay);
  });

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
    // The zone in the header, the date on its own line where it changes, then the time of day.
    expect(stdout).toMatch(
      /^TIME \(UTC\) +VENDOR +TYPE +NAME +PAGE \/ TARGET\n2024-04-03\n17:06:12\.290 +fullstory/,
    );
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
      expect(stderr).toBe(`sessiontrail: wrote ${html} (created ${dirname(html)})\n`);
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
      "hint: pass --api-key or set SESSIONTRAIL_FULLSTORY_API_KEY",
    ]);
  });

  it("every missing setting at once, each hint naming only what the command takes", async () => {
    // timeline has no --api-key: its hints name the variables; --project-key it does take.
    const { code, stdout, stderr } = await cli(
      [
        "timeline",
        "--fullstory",
        idOf("fullstory"),
        "--openreplay",
        idOf("openreplay"),
        "--hardal",
        idOf("hardal"),
      ],
      {
        SESSIONTRAIL_FULLSTORY_API_KEY: "",
        SESSIONTRAIL_OPENREPLAY_API_KEY: "",
        SESSIONTRAIL_OPENREPLAY_PROJECT_KEY: "",
      },
    );
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(lines(stderr)).toEqual([
      "sessiontrail: openreplay: missing API key",
      "hint: set SESSIONTRAIL_OPENREPLAY_API_KEY",
      "sessiontrail: openreplay: missing project key",
      "hint: pass --project-key or set SESSIONTRAIL_OPENREPLAY_PROJECT_KEY",
      "sessiontrail: fullstory: missing API key",
      "hint: set SESSIONTRAIL_FULLSTORY_API_KEY",
    ]);
    expect(stderr).not.toContain("--api-key");
  });

  it("a reversed --since/--until: exit 2 for every vendor and command, before any request", async () => {
    const reversed = ["--since", "2025-03-28", "--until", "2025-03-01"];
    const runs = await Promise.all([
      ...vendorNames.map((v) => cli(["events", v, idOf(v), ...reversed])),
      cli(["raw", "hardal", idOf("hardal"), ...reversed]),
      cli(["timeline", ...timelineArgs, ...reversed]),
    ]);
    for (const { code, stdout, stderr } of runs) {
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(lines(stderr)).toEqual([
        "sessiontrail: --since (2025-03-28T00:00:00.000Z) is after --until (2025-03-01T00:00:00.000Z)",
        "hint: swap the two values, or drop one of them",
      ]);
    }
  });

  it("a stray argument is counted, never echoed: a key pasted without --api-key stays unseen", async () => {
    const pasted = "sk_live_4f9a8b7c6d5e4f3a2b1c";
    const { code, stderr } = await cli(["events", "hardal", idOf("hardal"), pasted]);
    expect(code).toBe(2);
    expect(stderr).not.toContain("4f9a8b7c6d5e4f3a2b1c");
    expect(lines(stderr)[0]).toBe(
      "sessiontrail: too many arguments for 'events': expected 2, got 3 (the 3rd is not used; a key goes in an option or variable, never as an argument)",
    );
  });

  it("a key given by flag or variable is masked everywhere, even in another vendor's error", async () => {
    // FullStory's key from the environment, and a flag's key, each pasted where a vendor name goes.
    for (const [pasted, extra] of [
      [keys.fullstory, []],
      [flagKey, ["--api-key", flagKey]],
    ] as const) {
      const { code, stderr } = await cli(["events", pasted, "x", ...extra]);
      expect(code).toBe(2);
      expect(stderr).toContain('unknown vendor "[REDACTED]"');
    }
  });

  it("long values are cut in every error line", async () => {
    const long = "9".repeat(10_000);
    const runs = await Promise.all([
      cli(["events", long, "x"]),
      cli(["events", "fullstory", `17117:${long}`]),
      cli(["events", "hardal", idOf("hardal"), "--page-size", long]),
      cli([`nonsense-${long}`]),
    ]);
    for (const { code, stderr } of runs) {
      expect(code).toBe(2);
      expect(stderr.length).toBeLessThan(1000);
      expect(stderr).toMatch(/…\(\d+ chars\)/);
    }
  });

  it("a flag that does nothing for the vendor is said once on stderr", async () => {
    const { code, stdout, stderr } = await cli([
      "events",
      "fullstory",
      idOf("fullstory"),
      "--json",
      "--page-size",
      "5",
      "--signal-id",
      "s",
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).length).toBeGreaterThan(0);
    expect(lines(stderr)).toEqual([
      "sessiontrail: --page-size does nothing for fullstory (fullstory serves a session in one response); ignored",
      "sessiontrail: --signal-id does nothing for fullstory (a setting of hardal); ignored",
    ]);
    const raw = await cli(["raw", "hardal", idOf("hardal"), "--max-events", "3"]);
    expect(raw.code).toBe(0);
    expect(raw.stderr).toBe(
      "sessiontrail: --max-events does nothing for hardal (raw reads one page); ignored\n",
    );
  });

  it("plain http off loopback: the refusal names the CLI's flag, not the library option", async () => {
    const { code, stderr } = await cli([
      "events",
      "fullstory",
      idOf("fullstory"),
      "--base-url",
      "http://10.255.255.1",
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain("use https or --allow-insecure-base-url");
    expect(stderr).not.toContain("allowInsecureBaseUrl");
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

  it("timeline: prints the vendors that answered, names each failed one, exit 1; --strict prints nothing", async () => {
    const args = [
      "timeline",
      "--hardal",
      idOf("hardal"),
      "--fullstory",
      idOf("fullstory"),
      "--roundtable",
      idOf("roundtable"),
    ];
    const dead = {
      SESSIONTRAIL_FULLSTORY_BASE_URL: "http://127.0.0.1:9",
      SESSIONTRAIL_ROUNDTABLE_BASE_URL: "http://127.0.0.1:9",
    };
    const html = join(tmp, "partial", "timeline.html");
    const partial = await cli([...args, "--json", "--html", html], dead);
    expect(partial.code).toBe(1);
    const events = JSON.parse(partial.stdout) as SessionEvent[];
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.vendor))).toEqual(new Set(["hardal"]));
    expect(lines(partial.stderr)).toEqual([
      `sessiontrail: wrote ${html} (created ${dirname(html)})`,
      expect.stringMatching(/^sessiontrail: roundtable: network: /),
      expect.stringMatching(/^sessiontrail: fullstory: network: /),
      "sessiontrail: printed the timeline without roundtable, fullstory (2 of 3 vendors failed; --strict prints nothing then)",
    ]);
    // The page gets each failed vendor and its error, which it names at the top (html.test.ts shows them).
    const page = readFileSync(html, "utf8");
    const failed = /<script id="failed-vendors" type="application\/json">(.*?)<\/script>/.exec(page)?.[1];
    expect(JSON.parse(failed ?? "[]")).toEqual([
      { vendor: "roundtable", message: expect.stringMatching(/^roundtable: network/) },
      { vendor: "fullstory", message: expect.stringMatching(/^fullstory: network/) },
    ]);
    const table = await cli([...args, "--table"], dead);
    expect(table.code).toBe(1);
    expect(lines(table.stdout).at(-1)).toMatch(
      /^\d+ events \(hardal \d+\); failed: roundtable, fullstory \(see stderr\)$/,
    );
    const strict = await cli([...args, "--json", "--strict"], dead);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe("");
    expect(lines(strict.stderr)).toEqual([
      expect.stringMatching(/^sessiontrail: roundtable: network: /),
      expect.stringMatching(/^sessiontrail: fullstory: network: /),
    ]);
  });

  it("never echoes an option value that could be a key", async () => {
    const { code, stderr } = await cli(["events", "hardal", "x", `--apikey=${flagKey}`]);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option '--apikey=…'");
  });
});

/** A vendor on 127.0.0.1 that answers every request with `answer` (or never), counting requests. */
async function fakeVendor(
  answer: "503" | "never",
): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server: Server = createServer((_request, response) => {
    requests++;
    if (answer === "503") response.writeHead(503, { "content-type": "application/json" }).end("{}");
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done()));
    },
  };
}

describe("retries and timeouts", () => {
  it("--retries counts the retries after the first attempt; 0 is none", async () => {
    const vendor = await fakeVendor("503");
    try {
      const counts: number[] = [];
      for (const retries of ["0", "1", "2"]) {
        const before = vendor.requests();
        const { code } = await cli([
          "events",
          "fullstory",
          idOf("fullstory"),
          "--base-url",
          vendor.url,
          "--retries",
          retries,
        ]);
        expect(code).toBe(1);
        counts.push(vendor.requests() - before);
      }
      expect(counts).toEqual([1, 2, 3]);
    } finally {
      await vendor.close();
    }
  });

  it("a timeout names the limit and the attempts it took", async () => {
    const vendor = await fakeVendor("never");
    try {
      const { code, stderr } = await cli([
        "events",
        "fullstory",
        idOf("fullstory"),
        "--base-url",
        vendor.url,
        "--timeout",
        "300",
        "--retries",
        "1",
      ]);
      expect(code).toBe(1);
      expect(stderr).toMatch(
        /^sessiontrail: fullstory: timeout: timed out after 300 ms, 2 attempts in \d+\.\d s /,
      );
      expect(vendor.requests()).toBe(2);
    } finally {
      await vendor.close();
    }
  });
});

describe("the table", () => {
  const sink = (isTTY: boolean, columns?: number) => {
    const chunks: string[] = [];
    return {
      isTTY,
      ...(columns === undefined ? {} : { columns }),
      chunks,
      write: (text: string) => chunks.push(text),
    };
  };
  /** The table as a terminal of `columns` would show it, in process: a child's stdout is never a terminal. */
  async function onTerminal(args: string[], extraEnv: Record<string, string | undefined>, columns = 160) {
    const stdout = sink(true, columns);
    const stderr = sink(false);
    const code = await run(args, { stdout, stderr, env: { ...env, NO_COLOR: undefined, ...extraEnv } });
    const text = stdout.chunks.join("");
    outputs.push(text, stderr.chunks.join(""));
    expect(code).toBe(0);
    return text;
  }
  const args = ["events", "hardal", idOf("hardal")];
  const ESC = "\u001b[";

  it("colours vendor and event type on a terminal, honouring NO_COLOR, FORCE_COLOR and --no-color", async () => {
    const coloured = await onTerminal(args, {});
    expect(coloured).toContain(`${ESC}38;2;`); // the vendor's lane colour
    // Each event type in its own colour, reset after it.
    expect(coloured).toContain(`${ESC}36mpage_view${ESC}0m`);
    expect(coloured).toContain(`${ESC}34mcustom${ESC}0m`);
    expect(await onTerminal(args, { NO_COLOR: "1" })).not.toContain(ESC);
    expect(await onTerminal([...args, "--no-color"], { FORCE_COLOR: "1" })).not.toContain(ESC);
    expect(await onTerminal(args, { FORCE_COLOR: "0" })).not.toContain(ESC);
    // Off a terminal only when forced.
    const piped = await cli([...args, "--table"], { FORCE_COLOR: "1" });
    expect(piped.stdout).toContain(ESC);
    expect((await cli([...args, "--table"])).stdout).not.toContain(ESC);
  });

  it("fits a terminal of 50 columns, and names the zone of its times", async () => {
    const text = await onTerminal(args, { NO_COLOR: "1" }, 50);
    for (const line of text.trimEnd().split("\n")) expect([...line].length).toBeLessThanOrEqual(50);
    expect(text).toMatch(
      /^TIME \(UTC\) +VENDOR +TYPE +NAME\n\d{4}-\d{2}-\d{2}\n\d{2}:\d{2}:\d{2}\.\d{3} {2}hardal/,
    );
    // TZ is read when a process starts: a child's.
    const istanbul = await cli([...args, "--table"], { TZ: "Europe/Istanbul" });
    expect(istanbul.stdout).toMatch(/^TIME \(GMT\+3\) +VENDOR/);
  });
});

describe("README", () => {
  it("every Prefer: code=N a README shows is a status the vendors it names document", async () => {
    const readmes = [join(repoRoot, "README.md"), join(repoRoot, "packages", "cli", "README.md")];
    const mentions = readmes.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line) =>
          [...line.matchAll(/Prefer: code=(\d+)/g)].map((m) => ({ line, status: m[1] as string })),
        ),
    );
    expect(mentions.length).toBeGreaterThan(0);
    for (const { line, status } of mentions) {
      // A line that names no vendor claims the status for all of them.
      const named = vendorNames.filter((v) => new RegExp(`\\b${v}\\b`, "i").test(line));
      for (const vendor of named.length > 0 ? named : vendorNames) {
        const { stderr } = await cli(["raw", vendor, idOf(vendor), "--header", `Prefer: code=${status}`]);
        expect(stderr, `${vendor}: ${line}`).toContain(`(HTTP ${status})`);
      }
    }
  }, 60_000);
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
