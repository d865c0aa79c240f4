// Stoplight Prism mocks of the vendor specs, on free ports of 127.0.0.1: for `sessiontrail mock`,
// the demo and contract tests. Each Prism is one child process, stopped by its own PID.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type VendorName, vendorNames } from "./vendors.ts";

/** Running Prism mocks, one per vendor spec, as `startMocks` resolves them. */
export interface Mocks<V extends string = VendorName> {
  /** Base URL of each vendor's mock, e.g. `http://127.0.0.1:40123`. */
  vendors: Record<V, string>;
  /** PID of each vendor's Prism process. */
  pids: Record<V, number>;
  /** Stops every Prism (SIGTERM, then SIGKILL after 3 s) and waits until each has exited. */
  stop(): Promise<void>;
}

/** Options of `startMocks`. */
export interface StartMocksOptions {
  /** How long one Prism may take to answer HTTP (default 20 s). */
  timeoutMs?: number;
}

const HOST = "127.0.0.1";

/**
 * Where the bundled specs are: `dist/specs/<vendor>.yaml` in the built package; in the repository's
 * sources, the repo's own `specs/<vendor>/openapi.yaml`.
 */
export function bundledSpecs(): Record<VendorName, string> {
  const here = dirname(fileURLToPath(import.meta.url));
  const dist = join(here, "specs");
  const out: Record<string, string> = {};
  if (existsSync(dist)) {
    for (const file of readdirSync(dist)
      .filter((f) => f.endsWith(".yaml"))
      .sort()) {
      out[basename(file, ".yaml")] = join(dist, file);
    }
  } else {
    const repo = join(here, "..", "..", "..", "specs");
    for (const vendor of readdirSync(repo).sort()) {
      if (existsSync(join(repo, vendor, "openapi.yaml"))) out[vendor] = join(repo, vendor, "openapi.yaml");
    }
  }
  if (Object.keys(out).length === 0) throw new Error(`no bundled specs found next to ${here}`);
  // The documented vendor order first, then any other spec.
  const rank = (v: string) => (vendorNames as readonly string[]).indexOf(v) + 1 || 99;
  const ordered = Object.keys(out).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return Object.fromEntries(ordered.map((v) => [v, out[v]])) as Record<VendorName, string>;
}

/** The Prism CLI script of the installed `@stoplight/prism-cli` (an optional peer dependency). */
export function prismBinary(): string {
  const require = createRequire(import.meta.url);
  let manifestPath: string;
  try {
    manifestPath = require.resolve("@stoplight/prism-cli/package.json");
  } catch {
    throw new Error(
      "the mocks need Stoplight Prism, which is not installed: run `npm install --save-dev @stoplight/prism-cli` (an optional peer dependency of @sessiontrail/cli)",
    );
  }
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    bin?: string | Record<string, string>;
  };
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.prism;
  if (!bin) throw new Error(`${manifestPath} names no prism binary`);
  return join(dirname(manifestPath), bin);
}

/** A port that was free a moment ago: listen on port 0, read the port, close. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no port assigned"))));
    });
  });
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort when the owner never calls stop(): 'exit' handlers run synchronously, so signal only.
  process.on("exit", () => {
    for (const child of running) if (child.pid !== undefined) safeKill(child.pid, "SIGTERM");
  });
}

function safeKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {}
}

/** Whether a child process has ended (by itself or by a signal). */
export const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Stops a child by its own PID: SIGTERM, then SIGKILL after 3 s; resolves once it has exited. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.pid !== undefined && !hasExited(child)) {
    safeKill(child.pid, "SIGTERM");
    if (!(await waitForExit(child, 3000))) {
      safeKill(child.pid, "SIGKILL");
      await waitForExit(child, 3000);
    }
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  await stopProcess(child);
  running.delete(child);
}

async function startOne(bin: string, vendor: string, spec: string, timeoutMs: number) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [bin, "mock", "-h", HOST, "-p", String(port), "--multiprocess=false", spec],
      { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, SCARF_ANALYTICS: "false" } },
    );
    running.add(child);
    // Prism logs every request; keep reading (a full pipe would block it) and keep the tail for errors.
    let tail = "";
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString("utf8")).slice(-2000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    const baseUrl = `http://${HOST}:${port}`;
    try {
      await waitUntilAnswering(child, baseUrl, timeoutMs);
      return { child, baseUrl };
    } catch (error) {
      await stopChild(child);
      // Another process took the port between our probe and Prism's listen: try another one.
      if (attempt < 3 && /EADDRINUSE/.test(tail)) continue;
      throw new Error(
        `Prism for ${vendor} (${spec}) did not start: ${(error as Error).message}\n${tail.trim()}`,
      );
    }
  }
}

async function waitUntilAnswering(child: ChildProcess, baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let spawnError: Error | undefined;
  child.once("error", (error) => {
    spawnError = error;
  });
  while (Date.now() < deadline) {
    if (spawnError) throw spawnError;
    if (hasExited(child)) throw new Error(`exited with ${child.exitCode ?? child.signalCode}`);
    try {
      // Any HTTP answer (Prism says 404 for /) means it is listening.
      const response = await fetch(baseUrl, { signal: AbortSignal.timeout(1000) });
      await response.body?.cancel();
      return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no HTTP answer within ${timeoutMs} ms`);
}

/**
 * Starts one Prism mock per spec, concurrently, and resolves once every one answers HTTP.
 * `specs` maps a vendor name to a spec file, or lists bundled vendors; default: every bundled spec.
 */
export async function startMocks<V extends string = VendorName>(
  specs?: Record<V, string> | readonly V[],
  options: StartMocksOptions = {},
): Promise<Mocks<V>> {
  const bundled: Record<string, string> = bundledSpecs();
  let chosen: Record<string, string>;
  if (specs === undefined) chosen = bundled;
  else if (Array.isArray(specs)) {
    chosen = {};
    for (const vendor of specs as readonly string[]) {
      const spec = bundled[vendor];
      if (!spec) throw new Error(`no bundled spec for ${JSON.stringify(vendor)}`);
      chosen[vendor] = spec;
    }
  } else chosen = { ...(specs as Record<string, string>) };

  const bin = prismBinary();
  installExitHook();
  const started = await Promise.allSettled(
    Object.entries(chosen).map(async ([vendor, spec]) => ({
      vendor,
      ...(await startOne(bin, vendor, spec, options.timeoutMs ?? 20_000)),
    })),
  );
  const children = started.flatMap((r) => (r.status === "fulfilled" ? [r.value.child] : []));
  const stop = async () => {
    await Promise.all(children.map(stopChild));
  };
  const failed = started.find((r) => r.status === "rejected");
  if (failed) {
    await stop();
    throw failed.reason;
  }
  const vendors: Record<string, string> = {};
  const pids: Record<string, number> = {};
  for (const r of started) {
    if (r.status !== "fulfilled") continue;
    vendors[r.value.vendor] = r.value.baseUrl;
    pids[r.value.vendor] = r.value.child.pid as number;
  }
  return { vendors: vendors as Record<V, string>, pids: pids as Record<V, number>, stop };
}
