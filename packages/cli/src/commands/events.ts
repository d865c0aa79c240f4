// `sessiontrail events <vendor> <id>`: the normalized events of one session (or one user's log).
import type { Command } from "commander";
import { chronological, outputFormat, type RunContext } from "../context.ts";
import { ending, environmentHelp, exampleArgs, examples, idArgument, perUserLabels } from "../help.ts";
import {
  addOutputOptions,
  addVendorOptions,
  checkWindow,
  ignoredFlagNotes,
  longFlags,
  type Options,
  resolveCalls,
  vendorOf,
} from "../options.ts";
import {
  clientOf,
  descriptorOf,
  envName,
  queryOf,
  streamOptionsOf,
  type VendorName,
  vendorNames,
} from "../vendors.ts";

const FORMATS = ["", " --json", " --ndjson | jq .name", " --html session.html"];

export function eventsCommand(program: Command, run: RunContext): void {
  const users = perUserLabels();
  const command = program
    .command("events")
    .description(
      `print the normalized events of one session${users.length > 0 ? ` (${users.join(", ")}: of one user)` : ""}`,
    )
    .argument("<vendor>", vendorNames.join(" | "))
    .argument("<id>", idArgument());
  addVendorOptions(addOutputOptions(command), true)
    .addHelpText(
      "after",
      `
Ids:
${vendorNames.map((v) => `  ${v.padEnd(11)} ${descriptorOf(v).query.idLabel}`).join("\n")}

Examples:
${examples([
  `export ${envName(vendorNames[0] as VendorName, "API_KEY")}=...`,
  ...vendorNames.map((v, i) => `sessiontrail events ${v} ${exampleArgs(v)}${ending(FORMATS, i)}`),
])}

${environmentHelp()}`,
    )
    .action(async (vendorName: string, id: string, options: Options) => {
      const vendor = vendorOf(vendorName);
      checkWindow(options);
      outputFormat(options, run.io);
      const [call] = resolveCalls([vendor], options, run.io.env, longFlags(command));
      if (call === undefined) return;
      for (const note of ignoredFlagNotes([vendor], options)) run.note(note);
      const stream = clientOf(vendor, call, { logger: run.logger(options) }).events(
        queryOf(vendor, id, call),
        streamOptionsOf(call),
      );
      // Oldest first even when a vendor does not keep the order it was asked for.
      run.emit(await chronological([await run.collect(vendor, stream, options)]), options);
    });
}
