// Helpers for the release test: a real Verdaccio on 127.0.0.1 with temporary storage, commands run
// with a clean environment and timed, and what an install left on disk.
import { execFile, spawn } from "node:child_process";
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { freePort, hasExited, stopProcess } from "../packages/cli/src/mock.ts";

const HOST = "127.0.0.1";

/** Wall time of each step, printed at the end of the run. */
export const timings: [step: string, ms: number][] = [];

export async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const ms = Math.round(performance.now() - started);
    timings.push([step, ms]);
    console.log(`[release-test] ${step}: ${(ms / 1000).toFixed(1)} s`);
  }
}

/**
 * The environment for commands run on the copy: the caller's, without what the outer pnpm/vitest
 * set and without any npm/pnpm configuration or token from the environment (npm_*, NPM_*,
 * pnpm_config_*, VITEST*, NODE_ENV, NODE_OPTIONS), plus `extra`.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_config_|VITEST|NODE_ENV$|NODE_OPTIONS$)/i.test(key)) continue;
    env[key] = value;
  }
  return { ...env, SCARF_ANALYTICS: "false", TURBO_TELEMETRY_DISABLED: "1", ...extra };
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** Runs a command to completion; on a non-zero exit, throws with its output. */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      // A hung command (say, a retry loop against an unreachable host) fails the run instead of blocking it.
      { cwd: options.cwd, env: options.env ?? cleanEnv(), maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new Error(
              `${command} ${args.join(" ")} (in ${options.cwd}) failed: ${error.message}\n${stdout}\n${stderr}`,
            ),
          );
        } else resolve({ stdout, stderr });
      },
    );
  });
}

export interface Registry {
  url: string;
  pid: number;
  /** Verdaccio's output so far (kept for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

/** Verdaccio's config: local-only @sessiontrail/*, everything else proxied to `uplink`. */
export function verdaccioConfig(storage: string, uplink: string): string {
  return [
    `storage: ${JSON.stringify(storage)}`,
    "auth:",
    "  htpasswd:",
    `    file: ${JSON.stringify(join(storage, "htpasswd"))}`,
    "    max_users: -1",
    "uplinks:",
    "  upstream:",
    `    url: ${JSON.stringify(uplink)}`,
    "    timeout: 60s",
    "    max_fails: 5",
    "packages:",
    // Never proxied: what the test publishes can only come from this registry.
    '  "@sessiontrail/*":',
    "    access: $all",
    "    publish: $all",
    "    unpublish: $all",
    '  "**":',
    "    access: $all",
    "    publish: $authenticated",
    "    proxy: upstream",
    "web:",
    "  enable: false",
    "middlewares:",
    "  audit:",
    "    enabled: false",
    "log:",
    "  type: stdout",
    "  format: pretty",
    "  level: warn",
    "",
  ].join("\n");
}

function verdaccioBin(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve("verdaccio/package.json");
  const { bin } = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin: string | Record<string, string> };
  return join(dirname(manifestPath), typeof bin === "string" ? bin : (bin.verdaccio as string));
}

/** Starts Verdaccio on a free port of 127.0.0.1 and resolves once it answers /-/ping. */
export async function startVerdaccio(dir: string, uplink: string): Promise<Registry> {
  const storage = join(dir, "storage");
  mkdirSync(storage, { recursive: true });
  const configPath = join(dir, "config.yaml");
  writeFileSync(configPath, verdaccioConfig(storage, uplink));
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOn(await freePort(), configPath);
    } catch (error) {
      // Another process took the port between the probe and Verdaccio's listen: try another one.
      if (attempt < 3 && /EADDRINUSE/.test(String(error))) continue;
      throw error;
    }
  }
}

async function startOn(port: number, configPath: string): Promise<Registry> {
  const url = `http://${HOST}:${port}/`;
  const child = spawn(
    process.execPath,
    [verdaccioBin(), "--config", configPath, "--listen", `${HOST}:${port}`],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: cleanEnv(),
    },
  );
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const pid = child.pid;
  if (pid === undefined) throw new Error("verdaccio did not spawn");
  // Last resort if the test process dies without calling stop().
  const onExit = () => {
    try {
      process.kill(pid, "SIGKILL");
    } catch {}
  };
  process.once("exit", onExit);
  const stop = async () => {
    process.off("exit", onExit);
    await stopProcess(child);
  };
  const deadline = Date.now() + 30_000;
  while (true) {
    if (hasExited(child))
      throw new Error(`verdaccio exited with ${child.exitCode ?? child.signalCode}\n${output}`);
    try {
      const response = await fetch(`${url}-/ping`, { signal: AbortSignal.timeout(1000) });
      await response.body?.cancel();
      if (response.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`verdaccio did not answer within 30 s\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, pid, log: () => output, stop };
}

/** Refuses any registry that is not on a loopback address: the test must never publish elsewhere. */
export function assertLoopback(registry: string): void {
  const { hostname } = new URL(registry);
  if (!["127.0.0.1", "localhost", "[::1]", "::1"].includes(hostname)) {
    throw new Error(`refusing to publish to ${registry}: not a loopback registry`);
  }
}

/** A package's document (all versions) from the registry, or undefined on 404. */
export async function packument(
  registry: string,
  name: string,
): Promise<
  | {
      versions: Record<string, { dependencies?: Record<string, string>; dist: { tarball: string } }>;
      "dist-tags": Record<string, string>;
    }
  | undefined
> {
  const response = await fetch(new URL(name.replace("/", "%2f"), registry));
  if (response.status === 404) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.ok) throw new Error(`GET ${name}: ${response.status} ${await response.text()}`);
  return (await response.json()) as never;
}

/** Every package an npm-style (nested node_modules) install put on disk, as `name@version`. */
export function npmInstalled(nodeModules: string): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.startsWith(".")) continue;
      const dirs = entry.startsWith("@") ? readdirSync(join(dir, entry)).map((e) => join(entry, e)) : [entry];
      for (const name of dirs) {
        const manifest = JSON.parse(readFileSync(join(dir, name, "package.json"), "utf8")) as {
          version: string;
        };
        found.push(`${name}@${manifest.version}`);
        visit(join(dir, name, "node_modules"));
      }
    }
  };
  visit(nodeModules);
  return found.sort();
}

/** Every package in pnpm's virtual store (`node_modules/.pnpm`), as `name@version`. */
export function pnpmInstalled(nodeModules: string): string[] {
  return readdirSync(join(nodeModules, ".pnpm"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== "node_modules")
    .map((entry) => {
      // `@scope+name@1.2.3` or `name@1.2.3`, with `_<peers>` after the version when peers apply.
      const withoutPeers = entry.name.replace(/_.*$/, "");
      const at = withoutPeers.lastIndexOf("@");
      return `${withoutPeers.slice(0, at).replace("+", "/")}@${withoutPeers.slice(at + 1)}`;
    })
    .sort();
}

/** Bytes of the files under `dir` (symlinks counted as links, not followed). */
export function diskBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += diskBytes(path);
    else total += lstatSync(path).size;
  }
  return total;
}
