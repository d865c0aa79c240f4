// `sessiontrail raw <vendor> <id>`: page 1 of the vendor's untouched response, as `events()` asks for it.
import type { Command } from "commander";
import type { RunContext } from "../context.ts";
import { environmentHelp, exampleArgs, examples, idArgument } from "../help.ts";
import {
  addVendorOptions,
  checkWindow,
  ignoredFlagNotes,
  longFlags,
  type Options,
  resolveCalls,
  vendorOf,
} from "../options.ts";
import { clientOf, descriptorOf, pageOptionsOf, queryOf, vendorNames } from "../vendors.ts";

export function rawCommand(program: Command, run: RunContext): void {
  const command = program
    .command("raw")
    .description("print the vendor's untouched response to the first events request, as JSON")
    .argument("<vendor>", vendorNames.join(" | "))
    .argument("<id>", idArgument());
  const paged = vendorNames.find((v) => descriptorOf(v).query.pages !== undefined);
  addVendorOptions(command, true)
    .addHelpText(
      "after",
      `
Sends the request 'events' sends for page 1, with the same parameters, and prints the body as is.

Examples:
${examples([
  ...vendorNames.slice(0, 1).map((v) => `sessiontrail raw ${v} ${exampleArgs(v)}`),
  ...(paged === undefined ? [] : [`sessiontrail raw ${paged} ${exampleArgs(paged)} --page-size 10`]),
])}

${environmentHelp()}`,
    )
    .action(async (vendorName: string, id: string, options: Options) => {
      const vendor = vendorOf(vendorName);
      checkWindow(options);
      const [call] = resolveCalls([vendor], options, run.io.env, longFlags(command));
      if (call === undefined) return;
      for (const note of ignoredFlagNotes([vendor], options, true)) run.note(note);
      const body = await clientOf(vendor, call, { logger: run.logger(options) }).page(
        queryOf(vendor, id, call),
        pageOptionsOf(call),
      );
      run.io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    });
}
