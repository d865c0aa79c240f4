// `pnpm verify:live` (scripts/verify-live.ts), run as a child process: with no key it skips every
// vendor and exits 0 (what CI without secrets sees); a key without an id is exit 2; configured
// vendors run `sessiontrail verify` (here from its sources, against a Prism mock that matches and a
// node:http vendor that drifted), and the worst outcome is the exit code. No key reaches its output.
import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { responseExamples } from "../../../scripts/spec-examples.ts";
import { repoRoot } from "../../../scripts/specs.ts";
import { type Mocks, startMocks } from "../src/mock.ts";
import { mockDefaults, mockEnvironment, vendorNames } from "../src/vendors.ts";

const KEY = "sk-live-test-0d6b3f8e1a92";
const script = join(repoRoot, "scripts", "verify-live.ts");
/** The CLI from its sources: dist/ may be rebuilt by another test file while this one runs. */
const cliFromSources = [
  process.execPath,
  "--import",
  join(repoRoot, "packages", "cli", "test", "verify-live-hooks.ts"),
  join(repoRoot, "packages", "cli", "src", "bin.ts"),
].join(" ");

/** The environment without any of the user's sessiontrail variables. */
const clean = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] => !e[0].startsWith("SESSIONTRAIL_") && e[1] !== undefined,
    ),
  );

function live(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script],
      { cwd: repoRoot, env: { ...clean(), NO_COLOR: "1", ...env }, timeout: 240_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe("pnpm verify:live", () => {
  it("skips every vendor without a key, one line each, and exits 0", async () => {
    const { code, stdout, stderr } = await live({});
    for (const vendor of vendorNames) {
      expect(stdout).toContain(
        `verify:live: ${vendor} skipped (SESSIONTRAIL_${vendor.toUpperCase()}_API_KEY is not set)\n`,
      );
    }
    expect(stdout).toContain(`verify:live: ${vendorNames.map((v) => `${v} skipped`).join(", ")}\n`);
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("a key without a session id is a configuration error: exit 2", async () => {
    const { code, stderr } = await live({ SESSIONTRAIL_HARDAL_API_KEY: KEY });
    expect(stderr).toContain(
      "verify:live: hardal has a key but no session to read: set SESSIONTRAIL_VERIFY_HARDAL_ID",
    );
    expect(stderr).not.toContain(KEY);
    expect(code).toBe(2);
  });

  describe("with vendors configured", () => {
    let mocks: Mocks<"roundtable">;
    let drifted: ReturnType<typeof createServer>;
    let driftedUrl: string;

    beforeAll(async () => {
      mocks = await startMocks(["roundtable"]);
      // FullStory's example with every event's time renamed.
      const body = structuredClone(
        responseExamples("fullstory").find((e) => e.status === 200)?.value as {
          events: Record<string, unknown>[];
        },
      );
      for (const event of body.events) {
        event.event_timestamp = event.event_time;
        delete event.event_time;
      }
      drifted = createServer((_request, response) => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      });
      await new Promise<void>((resolve) => drifted.listen(0, "127.0.0.1", resolve));
      driftedUrl = `http://127.0.0.1:${(drifted.address() as AddressInfo).port}`;
    }, 60_000);

    afterAll(async () => {
      await mocks?.stop();
      drifted?.closeAllConnections();
      await new Promise((resolve) => drifted?.close(resolve));
    });

    it("runs verify for each, and the worst outcome is the exit code (drift: 1)", async () => {
      const { code, stdout, stderr } = await live({
        ...Object.fromEntries(
          mockEnvironment({ roundtable: mocks.vendors.roundtable, fullstory: driftedUrl }),
        ),
        SESSIONTRAIL_ROUNDTABLE_API_KEY: KEY,
        SESSIONTRAIL_FULLSTORY_API_KEY: KEY,
        SESSIONTRAIL_VERIFY_ROUNDTABLE_ID: mockDefaults.roundtable.id,
        SESSIONTRAIL_VERIFY_FULLSTORY_ID: mockDefaults.fullstory.id,
        SESSIONTRAIL_VERIFY_CLI: cliFromSources,
      });
      expect(stdout).toContain("roundtable: matches specs/roundtable/openapi.yaml");
      expect(stdout).toMatch(
        /^drift: fullstory getSessionEvents 200 \/events\/0\/event_time: spec says required/m,
      );
      const others = vendorNames.filter((v) => v !== "roundtable" && v !== "fullstory");
      for (const vendor of others) expect(stdout).toContain(`verify:live: ${vendor} skipped`);
      expect(stdout).toContain(
        `verify:live: ${vendorNames.map((v) => `${v} ${v === "roundtable" ? "matches" : v === "fullstory" ? "drift" : "skipped"}`).join(", ")}\n`,
      );
      expect(stdout + stderr).not.toContain(KEY);
      expect(code).toBe(1);
    }, 240_000);
  });
});
