// `pnpm demo`: the built CLI end to end against Prism mocks of every vendor spec. Builds the CLI and
// what it depends on (the build's log is shown only when it fails), starts the mocks, runs
// `sessiontrail timeline` across every vendor (dummy keys, mock base URLs in the environment), prints
// the merged table, writes the HTML timeline to .cache/demo/timeline.html, and stops the mocks, also
// on failure or Ctrl-C.
import { spawn } from "node:child_process";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "packages", "cli", "dist", "bin.js");
const html = join(root, ".cache", "demo", "timeline.html");
const started = performance.now();
const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const terminal = process.stdout.isTTY === true;

/**
 * `turbo run build` with its log held back: a build that passes says one line (on a terminal, a
 * progress line first); one that fails prints the whole log, without colour codes off a terminal.
 */
async function build(): Promise<void> {
  if (terminal) process.stdout.write("Building the packages...");
  const turbo = join(root, "node_modules", ".bin", "turbo");
  const child = spawn(
    turbo,
    ["run", "build", "--filter=@sessiontrail/cli...", ...(terminal ? [] : ["--no-color"])],
    {
      cwd: root,
      env: {
        ...process.env,
        TURBO_TELEMETRY_DISABLED: "1",
        ...(terminal ? {} : { NO_COLOR: "1", FORCE_COLOR: "0" }),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const log: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => log.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => log.push(chunk));
  const code = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (exitCode) => resolve(exitCode ?? 1));
  });
  if (terminal) process.stdout.write("\r\u001b[K");
  if (code !== 0) {
    process.stderr.write(Buffer.concat(log));
    throw new Error(`the build failed (turbo exited with ${code})`);
  }
  console.log(`Built in ${seconds()}.`);
}

try {
  await build();
} catch (error) {
  console.error(`demo failed: ${(error as Error).message}`);
  process.exit(1);
}
// Imported only now: the package is what the build just wrote.
const { mockDefaults, mockEnvironment, startMocks, vendorNames } = await import("@sessiontrail/cli");

console.log(`Starting Prism mocks of ${vendorNames.join(", ")}...`);
const mocks = await startMocks();
let stopping: Promise<void> | undefined;
const stop = () => {
  stopping ??= mocks.stop();
  return stopping;
};
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void stop().then(() => process.exit(130));
  });
}

try {
  // What `sessiontrail mock` prints: base URLs, dummy keys and each vendor setting's spec example.
  const env: Record<string, string | undefined> = {
    ...process.env,
    ...Object.fromEntries(mockEnvironment(mocks.vendors)),
  };

  const args = [
    "timeline",
    ...vendorNames.flatMap((vendor) => [`--${vendor}`, mockDefaults[vendor].id]),
    "--table",
    "--html",
    html,
  ];
  console.log(
    `Mocks up after ${seconds()}.\n\n$ sessiontrail ${args.join(" ").replace(html, relative(root, html))}\n`,
  );
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: ["ignore", "inherit", "inherit"] });
  const code = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 128 : 1)));
  });
  if (code !== 0) throw new Error(`sessiontrail timeline exited with ${code}`);
  console.log(`\nHTML timeline: ${html}`);
} catch (error) {
  console.error(`demo failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await stop();
  console.log(`Mocks stopped; demo took ${seconds()}.`);
}
