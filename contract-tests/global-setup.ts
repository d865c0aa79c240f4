// Starts one Stoplight Prism mock per vendor spec on a free port of 127.0.0.1 (via the CLI's
// startMocks), hands their base URLs to the tests, and stops each by its own PID when the run ends:
// after the last test, after failing tests, and on SIGINT/SIGTERM (vitest exits at once then, so the
// signal handler signals the PIDs itself; startMocks' own exit hook is the last resort).
import { readFileSync, writeFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { type Mocks, startMocks } from "@sessiontrail/cli";
import type { TestProject } from "vitest/node";
import { repoRoot, vendorSpecs } from "../scripts/specs.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of each vendor's Prism mock. */
    mocks: Record<string, string>;
    /** PID of each vendor's Prism process. */
    prismPids: Record<string, number>;
  }
}

/** Whether a process with this PID still runs (signal 0 only checks; a zombie awaiting its reaper counts as gone). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    // /proc/<pid>/stat: "pid (comm) state ..."; Z is a zombie, X dead.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return !/^\S+ \(.*\) [ZX]/s.test(stat);
  } catch {
    return true;
  }
}

function chosenSpecs(): Record<string, string> {
  // CONTRACT_VENDORS=roundtable,hardal limits the mocks (used by the process-cleanup test's child runs).
  const only = process.env.CONTRACT_VENDORS?.split(",").filter(Boolean);
  const specs: Record<string, string> = {};
  for (const { vendor, spec } of vendorSpecs()) {
    if (!only || only.includes(vendor)) specs[vendor] = isAbsolute(spec) ? spec : join(repoRoot, spec);
  }
  return specs;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mocks: Mocks<string> = await startMocks(chosenSpecs());
  const pids = Object.values(mocks.pids);
  const onSignal = (signal: NodeJS.Signals) => {
    for (const pid of pids) {
      try {
        process.kill(pid, "SIGTERM");
      } catch {}
    }
    // When no one else (vitest) handles the signal, end the way the signal would have.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  project.provide("mocks", mocks.vendors);
  project.provide("prismPids", mocks.pids);
  const pidFile = process.env.CONTRACT_PID_FILE;
  if (pidFile) writeFileSync(pidFile, `${JSON.stringify(mocks.pids)}\n`);

  return async () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await mocks.stop();
    const left = pids.filter(alive);
    if (left.length > 0) throw new Error(`Prism processes still running after stop(): ${left.join(", ")}`);
  };
}
