// The `sessiontrail` command line. `run()` returns the exit code: 0 ok, 1 a vendor, network or file
// error (for `verify`: drift), 2 a usage error, 3 (`verify`) could not check. API keys are read from
// flags or environment and never written anywhere.
// Each command lives in its own module under commands/.
import { readFileSync } from "node:fs";
import { registerSecret } from "@sessiontrail/core";
import { Command } from "commander";
import { eventsCommand } from "./commands/events.ts";
import { mockCommand } from "./commands/mock.ts";
import { rawCommand } from "./commands/raw.ts";
import { timelineCommand } from "./commands/timeline.ts";
import { verifyCommand } from "./commands/verify.ts";
import { type CliIo, processIo, redactingIo, runContext } from "./context.ts";
import { report } from "./errors.ts";
import { environmentHelp, exampleArgs, timelineArgs } from "./help.ts";
import { descriptorOf, envName, listOf, settingsOf, vendorNames } from "./vendors.ts";
import { VerifyVerdict } from "./verify/output.ts";

export { mockInstructions } from "./commands/mock.ts";
export { type CliIo, processIo } from "./context.ts";
export { UsageError, vendorErrorLine } from "./errors.ts";

const commands = [eventsCommand, timelineCommand, rawCommand, verifyCommand, mockCommand];

/**
 * Masks, from here on, every value of a key setting: of every vendor's variables, and what follows a
 * key flag in the arguments. Done before parsing, so no message (a stray argument, an unknown
 * option, help) can show one, whichever vendor it belongs to.
 */
function registerKeys(args: readonly string[], env: CliIo["env"]): void {
  const secrets = vendorNames.flatMap((v) =>
    settingsOf(v)
      .filter((s) => s.secret === true)
      .map((s) => ({ v, s })),
  );
  for (const { v, s } of secrets) {
    const value = env[envName(v, s.env)];
    if (value !== undefined && value.trim() !== "") registerSecret(value.trim());
  }
  const flags = new Set<string>(secrets.map(({ s }) => s.flag));
  args.forEach((arg, i) => {
    const [flag, inline] = arg.split(/=(.*)/s, 2);
    if (flag === undefined || !flags.has(flag)) return;
    const value = inline ?? args[i + 1];
    if (value !== undefined && value.trim() !== "") registerSecret(value.trim());
  });
}

/**
 * Runs the command line on `args` (what follows `sessiontrail`), reading and writing through `given`
 * (the process's by default), and resolves to its exit code (0 success, 1 a vendor, network or file
 * error, 2 a usage error; `verify` adds its own). It never calls `process.exit`.
 */
export async function run(args: readonly string[], given: CliIo = processIo()): Promise<number> {
  registerKeys(args, given.env);
  const io = redactingIo(given);
  const [first, second] = vendorNames;
  const program = new Command("sessiontrail")
    .description(
      `The events of one user session from ${listOf(vendorNames.map((v) => descriptorOf(v).label))}, normalized to one model and merged into one timeline.`,
    )
    .version(packageVersion(), "-V, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: () => {},
    })
    .addHelpText(
      "after",
      `
Examples:
  $ sessiontrail mock
  $ sessiontrail events ${first} ${first === undefined ? "" : exampleArgs(first)}
  $ sessiontrail verify ${first} ${first === undefined ? "" : exampleArgs(first)}
  $ sessiontrail timeline ${[first, second].flatMap((v) => (v === undefined ? [] : [timelineArgs(v)])).join(" ")} --html timeline.html

${environmentHelp()}

Run 'sessiontrail <command> --help' for more examples.`,
    );
  const context = runContext(io);
  for (const command of commands) command(program, context);

  try {
    await program.parseAsync(args, { from: "user" });
    return 0;
  } catch (error) {
    // verify has printed what it found; its verdict is the exit code (1 drift, 3 could not check).
    if (error instanceof VerifyVerdict) return error.exitCode;
    return report(
      error,
      args,
      io,
      program.commands.map((c) => ({
        name: c.name(),
        flags: c.options.flatMap((o) => (o.long === undefined ? [] : [o.long])),
      })),
    );
  }
}

function packageVersion(): string {
  try {
    const manifest = readFileSync(new URL("../package.json", import.meta.url), "utf8");
    return (JSON.parse(manifest) as { version: string }).version;
  } catch {
    return "0.0.0";
  }
}
