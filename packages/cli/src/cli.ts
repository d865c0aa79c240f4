// The `sessiontrail` command line. `run()` returns the exit code: 0 ok, 1 a vendor, network or file
// error, 2 a usage error. API keys are read from flags or environment and never written anywhere.
// Each command lives in its own module under commands/.
import { readFileSync } from "node:fs";
import { Command } from "commander";
import { eventsCommand } from "./commands/events.ts";
import { mockCommand } from "./commands/mock.ts";
import { rawCommand } from "./commands/raw.ts";
import { timelineCommand } from "./commands/timeline.ts";
import { type CliIo, processIo, runContext } from "./context.ts";
import { report } from "./errors.ts";
import { environmentHelp, exampleArgs, timelineArgs } from "./help.ts";
import { descriptorOf, listOf, vendorNames } from "./vendors.ts";

export { mockInstructions } from "./commands/mock.ts";
export { type CliIo, processIo } from "./context.ts";
export { UsageError, vendorErrorLine } from "./errors.ts";

const commands = [eventsCommand, timelineCommand, rawCommand, mockCommand];

export async function run(args: readonly string[], io: CliIo = processIo()): Promise<number> {
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
    return report(
      error,
      args,
      io,
      program.commands.map((c) => c.name()),
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
