// Runs the smoke on one runtime of the matrix against a fresh vendor server, and reads its result.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { vendorSpecs } from "../specs.ts";
import { type Consumer, WORKER_BUNDLE } from "./consumer.ts";
import type { Runtime } from "./runtimes.ts";
import { startVendorServer, type VendorCounts } from "./vendor-server.ts";

/**
 * How the smoke is loaded: `import` (ESM), `require()` (CommonJS, Node's require(esm)), or as a
 * Worker, with Node.js compatibility off (`worker`) or on as a new Worker has it by default.
 */
export type Mode = "esm" | "cjs" | "worker" | "worker-nodejs-compat";

export interface Variant {
  runtime: Runtime;
  mode: Mode;
}

// A hung runtime (a retry loop against a dead server, a worker that never ends) fails its row
// instead of blocking the run.
const RUN_TIMEOUT_MS = 60_000;
/** The smoke's result line starts with this (smoke/smoke.mjs). */
export const RESULT_MARK = "SESSIONTRAIL_SMOKE_RESULT ";

/**
 * Node is run both ways (CommonJS users are Node users); workerd both without Node.js compatibility
 * (the promise: no Node API needed) and with it (a new Worker's default since 2026-08-04); Bun and
 * Deno load ES modules.
 */
export function variantsOf(runtimes: readonly Runtime[]): Variant[] {
  const modes: Record<Runtime["kind"], Mode[]> = {
    node: ["esm", "cjs"],
    bun: ["esm"],
    deno: ["esm"],
    workerd: ["worker", "worker-nodejs-compat"],
  };
  return runtimes.flatMap((runtime) => modes[runtime.kind].map((mode) => ({ runtime, mode })));
}

/** The smoke's JSON result (smoke/smoke.mjs). */
export interface SmokeResult {
  runtime: string;
  entries: Record<string, string[]>;
  vendors: Record<string, SmokeVendor>;
  merged: string[];
}

export interface SmokeError {
  sessionTrailError: boolean;
  name?: string;
  kind?: string;
  status?: number;
  vendor?: string;
  message: string;
}

export interface SmokeVendor {
  paged: boolean;
  events: { id: string; vendor: string; timestamp: number; time: string; [field: string]: unknown }[];
  unauthorized?: SmokeError;
  invalid?: SmokeError;
}

export interface Run {
  variant: Variant;
  ms: number;
  exitCode: number | null;
  /** stdout and stderr, for failure messages. */
  output: string;
  result?: SmokeResult;
  /** What the vendor server saw of each vendor. */
  counts: Record<string, VendorCounts>;
  /** Requests the server could not answer. */
  problems: string[];
}

/**
 * workerd's config: the bundled smoke as a test service with Node.js compatibility turned off, and an
 * outbound network that reaches only loopback, where the vendor server listens: nothing public.
 * Since compatibility date 2026-08-04 `nodejs_compat` (and its v2) is on by default, so the flags
 * must say `no_`: the packages promise to run where no Node API exists (a Worker without the flag,
 * a browser, an edge runtime), and only then does a Node-only import fail here.
 */
export function workerdConfig(serverUrl: string, compatibilityDate: string, nodejsCompat: boolean): string {
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "smoke", worker = .smoke),
    (name = "internet", network = (allow = ["127.0.0.1/32"])),
  ],
);

const smoke :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "${WORKER_BUNDLE}")],
  compatibilityDate = "${compatibilityDate}",
  compatibilityFlags = [${nodejsCompat ? "" : '"no_nodejs_compat", "no_nodejs_compat_v2"'}],
  bindings = [(name = "VENDOR_SERVER_URL", text = "${serverUrl}")],
);
`;
}

/** The command line of one variant, run in the consumer folder. */
function command(
  { runtime, mode }: Variant,
  dir: string,
  serverUrl: string,
  scratch: string,
): { args: string[]; env: Record<string, string>; config?: string } {
  switch (runtime.kind) {
    case "node":
      return { args: [mode === "cjs" ? "main.cjs" : "main.mjs", serverUrl], env: {} };
    case "bun":
      return { args: ["main.mjs", serverUrl], env: {} };
    case "deno":
      // The consumer's node_modules as npm left it (no Deno install, no lockfile), and the network
      // only to the vendor server.
      return {
        args: [
          "run",
          `--allow-net=${new URL(serverUrl).host}`,
          "--node-modules-dir=manual",
          "--no-lock",
          "main.mjs",
          serverUrl,
        ],
        env: { DENO_DIR: join(scratch, "deno-dir"), DENO_NO_UPDATE_CHECK: "1", DENO_NO_PROMPT: "1" },
      };
    case "workerd": {
      const config = join(dir, `workerd-${new URL(serverUrl).port}.capnp`);
      // The binary prints `workerd <date>`: the newest compatibility date it supports.
      const date = runtime.version.replace("workerd ", "");
      writeFileSync(config, workerdConfig(serverUrl, date, mode === "worker-nodejs-compat"));
      return { args: ["test", config], env: {}, config };
    }
  }
}

/** Runs the smoke on one variant, against its own vendor server (so counts are this run's only). */
export async function runVariant(variant: Variant, consumer: Consumer, scratch: string): Promise<Run> {
  const vendors = vendorSpecs().map(({ vendor }) => vendor);
  const server = await startVendorServer(vendors);
  try {
    mkdirSync(scratch, { recursive: true });
    const { args, env, config } = command(variant, consumer.dir, server.url, scratch);
    const started = performance.now();
    const { exitCode, output } = await new Promise<{ exitCode: number | null; output: string }>(
      (resolve, reject) => {
        const child = spawn(variant.runtime.binary, args, {
          cwd: consumer.dir,
          // Nothing from the caller's Node or test runner (NODE_OPTIONS, VITEST*) leaks into a runtime.
          env: {
            PATH: process.env.PATH ?? "",
            HOME: process.env.HOME ?? "",
            NO_COLOR: "1",
            DO_NOT_TRACK: "1",
            ...env,
          },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let text = "";
        child.stdout.on("data", (chunk: Buffer) => {
          text += chunk.toString("utf8");
        });
        child.stderr.on("data", (chunk: Buffer) => {
          text += chunk.toString("utf8");
        });
        const timer = setTimeout(() => child.kill("SIGKILL"), RUN_TIMEOUT_MS);
        child.on("error", reject);
        child.on("close", (code) => {
          clearTimeout(timer);
          resolve({ exitCode: code, output: text });
        });
      },
    );
    const ms = Math.round(performance.now() - started);
    if (config) rmSync(config, { force: true });
    const line = output.split("\n").find((l) => l.includes(RESULT_MARK));
    const result = line
      ? (JSON.parse(line.slice(line.indexOf(RESULT_MARK) + RESULT_MARK.length)) as SmokeResult)
      : undefined;
    return {
      variant,
      ms,
      exitCode,
      output,
      ...(result ? { result } : {}),
      counts: Object.fromEntries(vendors.map((vendor) => [vendor, structuredClone(server.counts(vendor))])),
      problems: [...server.problems],
    };
  } finally {
    await server.close();
  }
}

/** One row of the printed table. */
export interface Row {
  variant: Variant;
  result: string;
  ms: number;
}

/** The table `pnpm test:runtimes` prints: runtime, how the smoke was loaded, result, time. */
export function formatTable(title: string, rows: readonly Row[]): string {
  const lines = [
    ["runtime", "loaded as", "result", "time"],
    ...rows.map(({ variant, result, ms }) => [
      variant.runtime.name,
      variant.mode,
      result,
      `${(ms / 1000).toFixed(2)} s`,
    ]),
  ];
  const widths = lines[0]?.map((_, i) => Math.max(...lines.map((line) => (line[i] ?? "").length))) ?? [];
  const format = (line: string[]) =>
    line
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [
    title,
    format(lines[0] ?? []),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...lines.slice(1).map(format),
  ].join("\n");
}
