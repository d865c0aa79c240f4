// The runtimes of the matrix, pinned, and how they are brought into the toolchain cache folder: each
// from the npm registry (the packages carry their binaries) into its own prefix with a stamp, as
// scripts/dev brings Node 24, so a second run costs nothing and nothing is ever installed globally.
//   node scripts/runtimes/runtimes.ts     installs them all and prints name, version and binary
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "../specs.ts";

const run = promisify(execFile);

export type RuntimeKind = "node" | "bun" | "deno" | "workerd";

export interface RuntimePin {
  /** Name in the table, e.g. `node 20.19.0`. */
  name: string;
  kind: RuntimeKind;
  /** The npm package and version that carry the binary; absent for the toolchain's own Node. */
  npm?: { spec: string; bin: string };
  /** What `<binary> --version` must print (checked once, at install). */
  version: string;
}

const toolchainNode = readFileSync(join(repoRoot, ".node-version"), "utf8").trim();

/**
 * The pins. Node 20.19.0 is the oldest release `engines: ">=20.19.0"` allows (the first 20.x whose
 * require() loads ES modules without a flag); 22 is its latest release; 24 is the toolchain's.
 * workerd's npm versions are `1.<date>.<n>`; the binary prints the date.
 */
export const runtimePins: readonly RuntimePin[] = [
  { name: "node 20.19.0", kind: "node", npm: { spec: "node@20.19.0", bin: "node" }, version: "v20.19.0" },
  { name: "node 22.23.3", kind: "node", npm: { spec: "node@22.23.3", bin: "node" }, version: "v22.23.3" },
  { name: `node ${toolchainNode}`, kind: "node", version: `v${toolchainNode}` },
  { name: "bun 1.4.5", kind: "bun", npm: { spec: "bun@1.4.5", bin: "bun" }, version: "1.4.5" },
  { name: "deno 2.9.6", kind: "deno", npm: { spec: "deno@2.9.6", bin: "deno" }, version: "deno 2.9.6" },
  {
    name: "workerd 2026-11-17",
    kind: "workerd",
    npm: { spec: "workerd@1.20261117.1", bin: "workerd" },
    version: "workerd 2026-11-17",
  },
];

export interface Runtime extends RuntimePin {
  /** The binary to spawn. */
  binary: string;
}

/** The cache folder scripts/dev uses (SESSIONTRAIL_TOOLCHAIN_DIR, default .cache/toolchain in the repo). */
export function toolchainDir(): string {
  return process.env.SESSIONTRAIL_TOOLCHAIN_DIR ?? join(repoRoot, ".cache", "toolchain");
}

async function versionOf(binary: string): Promise<string> {
  const { stdout } = await run(binary, ["--version"], { env: { ...process.env, NO_COLOR: "1" } });
  return stdout.trim();
}

/** Installs one pinned runtime into `<toolchain>/runtimes/<spec>` unless its stamp says it is there. */
async function ensure(pin: RuntimePin, root: string): Promise<Runtime> {
  if (!pin.npm) {
    // The toolchain's Node is the one running this script (scripts/dev put it first on PATH).
    const found = `v${process.versions.node}`;
    if (found !== pin.version) {
      throw new Error(`${pin.name}: this script runs on Node ${found}; run it through scripts/dev`);
    }
    return { ...pin, binary: process.execPath };
  }
  const prefix = join(root, pin.npm.spec);
  const binary = join(prefix, "node_modules", ".bin", pin.npm.bin);
  const stamp = join(prefix, ".installed");
  if (!existsSync(stamp) || !existsSync(binary)) {
    mkdirSync(prefix, { recursive: true });
    console.error(`runtimes: installing ${pin.npm.spec} into ${prefix}`);
    await run(
      "npm",
      ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--loglevel=error", pin.npm.spec],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    // The stamp is written only once the binary answers with the pinned version, so a wrapper
    // package that handed out another build is caught here, not in a puzzling smoke failure.
    const found = await versionOf(binary);
    if (!found.startsWith(pin.version)) {
      throw new Error(`${pin.name}: ${pin.npm.spec} gave a binary that says "${found}"`);
    }
    writeFileSync(stamp, `${found}\n`);
  }
  return { ...pin, binary };
}

/** Every pinned runtime, installed in parallel where missing (each has its own prefix). */
export function ensureRuntimes(root = join(toolchainDir(), "runtimes")): Promise<Runtime[]> {
  return Promise.all(runtimePins.map((pin) => ensure(pin, root)));
}

if (import.meta.filename === process.argv[1]) {
  for (const runtime of await ensureRuntimes()) console.log(`${runtime.name}\t${runtime.binary}`);
}
