// No Prism is left behind. Child vitest runs of this package's own config (with the same global
// setup, two vendors only) end the three ways a run can end: a failing test, SIGINT (Ctrl-C) and
// SIGTERM (a CI job cancelled). The setup writes its Prism PIDs to a file; after each child has
// exited, none of those PIDs may still exist.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, inject, it } from "vitest";
import { alive } from "../global-setup.ts";

const here = dirname(fileURLToPath(import.meta.url));
const config = join(here, "..", "vitest.config.ts");
const require = createRequire(import.meta.url);
const vitestBin = join(dirname(require.resolve("vitest/package.json")), "vitest.mjs");
const scratch = mkdtempSync(join(tmpdir(), "sessiontrail-contract-"));
const started: number[] = [];

afterAll(() => {
  // Whatever a failed assertion left running is stopped here, so that a red test leaks nothing.
  for (const pid of started) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {}
  }
  rmSync(scratch, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await sleep(100);
  }
  return check();
}

function childRun(
  fixture: string,
  pidFile: string,
): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  // Drop the parent's vitest worker variables: the child is a run of its own.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST")));
  const child = spawn(process.execPath, [vitestBin, "run", "--config", config], {
    cwd: join(here, ".."),
    env: {
      ...env,
      CONTRACT_FIXTURE: fixture,
      CONTRACT_VENDORS: "roundtable,hardal",
      CONTRACT_PID_FILE: pidFile,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid !== undefined) started.push(child.pid);
  let out = "";
  child.stdout?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited, output: () => out };
}

function recordedPids(pidFile: string): number[] {
  const pids = Object.values(JSON.parse(readFileSync(pidFile, "utf8")) as Record<string, number>);
  started.push(...pids);
  return pids;
}

describe("Prism processes", () => {
  it("this run's mocks are live Prism processes, one per spec", () => {
    const pids = Object.values(inject("prismPids"));
    expect(pids.length).toBe(Object.keys(inject("mocks")).length);
    for (const pid of pids) {
      expect(alive(pid)).toBe(true);
      expect(readFileSync(`/proc/${pid}/cmdline`, "utf8")).toContain("prism");
    }
  });

  it("a run with a failing test stops every Prism it started", async () => {
    const pidFile = join(scratch, "fail.json");
    const run = childRun("fail", pidFile);
    const code = await run.exited;
    expect(code, run.output()).toBe(1);
    expect(run.output()).toContain("fails on purpose");
    const pids = recordedPids(pidFile);
    expect(pids.length).toBe(2);
    expect(await until(() => !pids.some(alive), 5000), `still running: ${pids.filter(alive)}`).toBe(true);
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`a run interrupted by ${signal} stops every Prism it started`, async () => {
      const pidFile = join(scratch, `${signal}.json`);
      const run = childRun("hold", pidFile);
      expect(await until(() => existsSync(pidFile), 30_000), run.output()).toBe(true);
      const pids = recordedPids(pidFile);
      expect(pids.length).toBe(2);
      expect(pids.every(alive)).toBe(true);
      run.child.kill(signal);
      const code = await run.exited;
      expect(code).not.toBe(0);
      expect(await until(() => !pids.some(alive), 5000), `still running: ${pids.filter(alive)}`).toBe(true);
    });
  }
});
