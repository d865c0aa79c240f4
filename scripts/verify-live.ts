// `pnpm verify:live`: `sessiontrail verify` against the live API of every vendor whose key is in the
// environment, to catch a vendor that changed its API before a user does. A vendor runs when
// `SESSIONTRAIL_<VENDOR>_API_KEY` is set, on the session in `SESSIONTRAIL_VERIFY_<VENDOR>_ID`, with
// its other settings from the variables the CLI always reads (`SESSIONTRAIL_OPENREPLAY_PROJECT_KEY`,
// ...); every other vendor is skipped with a line saying so. Arguments go to each verify
// (`pnpm verify:live --record recorded --json`). The CLI is built first, and only when a vendor runs;
// `SESSIONTRAIL_VERIFY_CLI` runs another one instead, without a build (a command, split at spaces:
// `SESSIONTRAIL_VERIFY_CLI=sessiontrail` for an installed CLI).
// Exit code: 2 when a vendor has a key but no id (or verify was misused), else 1 when any vendor
// drifted, else 3 when any could not be checked, else 0 (also when every vendor was skipped).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "packages", "cli", "dist", "bin.js");
const passed = process.argv.slice(2);

/** The vendors, in the documented order: redocly.yaml's apis, the list every vendor list derives from. */
const vendors = Object.keys(
  (parse(readFileSync(join(root, "redocly.yaml"), "utf8")) as { apis: Record<string, unknown> }).apis,
);

const variable = (vendor: string, name: string) => `SESSIONTRAIL_${vendor.toUpperCase()}_${name}`;
const idVariable = (vendor: string) => `SESSIONTRAIL_VERIFY_${vendor.toUpperCase()}_ID`;
const given = (name: string) => (process.env[name] ?? "").trim() !== "";

type Outcome = "matches" | "drift" | "usage" | "unchecked" | "skipped" | "no id";
const outcomeOf: Record<number, Outcome> = { 0: "matches", 1: "drift", 2: "usage", 3: "unchecked" };

/** Runs a command with its output shown only when it fails; resolves with its exit code. */
function quietly(command: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const log: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => log.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => log.push(chunk));
    child.once("error", reject);
    child.once("close", (code) => {
      if (code !== 0) process.stderr.write(Buffer.concat(log));
      resolve(code ?? 1);
    });
  });
}

/** One `sessiontrail verify`, its output passed through as it comes; resolves with its exit code. */
function verify(cli: readonly string[], vendor: string, id: string): Promise<number> {
  const [command = process.execPath, ...args] = cli;
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args, "verify", vendor, id, ...passed], {
      cwd: root,
      env: process.env,
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.once("error", reject);
    child.once("close", (code) => resolve(code ?? 3));
  });
}

// In the documented order, whatever order they end in.
const outcomes = new Map<string, Outcome>(vendors.map((v) => [v, "skipped"]));
const planned: string[] = [];
for (const vendor of vendors) {
  if (!given(variable(vendor, "API_KEY"))) {
    outcomes.set(vendor, "skipped");
    console.log(`verify:live: ${vendor} skipped (${variable(vendor, "API_KEY")} is not set)`);
  } else if (!given(idVariable(vendor))) {
    outcomes.set(vendor, "no id");
    console.error(
      `verify:live: ${vendor} has a key but no session to read: set ${idVariable(vendor)} to the id of a recent session`,
    );
  } else planned.push(vendor);
}

const otherCli = (process.env.SESSIONTRAIL_VERIFY_CLI ?? "").trim();
if (planned.length > 0 && otherCli === "") {
  const turbo = join(root, "node_modules", ".bin", "turbo");
  const built = await quietly(turbo, [
    "run",
    "build",
    "--filter=@sessiontrail/cli...",
    "--output-logs=errors-only",
  ]);
  if (built !== 0) {
    console.error(`verify:live: the build failed (turbo exited with ${built})`);
    process.exit(2);
  }
}
const cli = otherCli === "" ? [process.execPath, bin] : otherCli.split(/\s+/);
for (const vendor of planned) {
  const code = await verify(cli, vendor, (process.env[idVariable(vendor)] ?? "").trim());
  outcomes.set(vendor, outcomeOf[code] ?? "unchecked");
}

const summary = [...outcomes].map(([vendor, outcome]) => `${vendor} ${outcome}`).join(", ");
console.log(`verify:live: ${summary}`);
const seen = new Set(outcomes.values());
process.exitCode =
  seen.has("no id") || seen.has("usage") ? 2 : seen.has("drift") ? 1 : seen.has("unchecked") ? 3 : 0;
