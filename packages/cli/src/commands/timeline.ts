// `sessiontrail timeline --<vendor> <id> ...`: several vendors fetched concurrently, merged in time order.
import { SessionTrailError } from "@sessiontrail/core";
import type { Command } from "commander";
import { chronological, outputFormat, type RunContext } from "../context.ts";
import { UsageError, VendorFailures } from "../errors.ts";
import { ending, environmentHelp, examples, timelineArgs } from "../help.ts";
import {
  addOutputOptions,
  addVendorOptions,
  checkWindow,
  ignoredFlagNotes,
  longFlags,
  type Options,
  resolveCalls,
} from "../options.ts";
import {
  clientOf,
  descriptorOf,
  queryOf,
  streamOptionsOf,
  type VendorName,
  vendorNames,
} from "../vendors.ts";

const ENDINGS = ["", " --html timeline.html", " --json > timeline.json"];

/** Consecutive vendors two by two (the last alone when their number is odd). */
const pairs = <T>(items: readonly T[]) =>
  items.flatMap((_item, i) => (i % 2 === 0 ? [items.slice(i, i + 2)] : []));

export function timelineCommand(program: Command, run: RunContext): void {
  const command = program
    .command("timeline")
    .description("fetch several vendors' events concurrently and merge them into one chronological timeline");
  for (const vendor of vendorNames) {
    const { query } = descriptorOf(vendor);
    command.option(
      `--${vendor} <${query.idField === "userId" ? "userId" : "id"}>`,
      `${vendor} ${query.idLabel}`,
    );
  }
  addVendorOptions(addOutputOptions(command), false)
    .option("--strict", "print nothing when any vendor fails (by default the others are printed, exit 1)")
    .addHelpText(
      "after",
      `
Give at least one vendor. API keys and base URLs come from SESSIONTRAIL_<VENDOR>_API_KEY and
SESSIONTRAIL_<VENDOR>_BASE_URL; --since, --until and --max-events apply to every vendor. When a
vendor fails, the others' events are printed, each failed vendor is named (stderr, the table's
last line, the page's heading) and the exit code is 1; --strict prints nothing then.

Examples:
${examples(
  pairs(vendorNames).map(
    (pair, i) => `sessiontrail timeline ${pair.map(timelineArgs).join(" ")}${ending(ENDINGS, i + 1)}`,
  ),
)}

${environmentHelp()}`,
    )
    .action(async (options: Options & Partial<Record<VendorName, string>>) => {
      const picked = vendorNames.filter((v) => options[v] !== undefined);
      if (picked.length === 0) {
        throw new UsageError(
          "timeline needs at least one vendor",
          `pass one or more of ${vendorNames.map((v) => `--${v} <id>`).join(", ")}`,
        );
      }
      checkWindow(options);
      outputFormat(options, run.io);
      // Every call is checked (keys, ids, settings) before the first request goes out, and every
      // missing setting of every vendor is reported at once.
      const calls = resolveCalls(picked, options, run.io.env, longFlags(command));
      for (const note of ignoredFlagNotes(picked, options)) run.note(note);
      const streams = picked.map((vendor, i) => {
        const call = calls[i] as (typeof calls)[number];
        const query = queryOf(vendor, options[vendor] as string, call);
        return {
          vendor,
          stream: clientOf(vendor, call, { logger: run.logger(options) }).events(
            query,
            streamOptionsOf(call),
          ),
        };
      });
      run.progress(`fetching ${picked.join(", ")}`);
      const settled = await Promise.allSettled(streams.map((s) => run.collect(s.vendor, s.stream, options)));
      const failures = settled.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
      // Anything but a vendor's error is a bug: report it rather than a partial timeline.
      const bug = failures.find((f) => !(f instanceof SessionTrailError));
      if (bug !== undefined) throw bug;
      const typed = failures as SessionTrailError[];
      if (typed.length > 0 && options.strict === true) throw new VendorFailures(typed);
      const answered = settled.map((r) => (r.status === "fulfilled" ? r.value : []));
      run.emit(
        await chronological(answered),
        options,
        typed.map((e) => ({ vendor: e.vendor, message: e.message })),
      );
      if (typed.length > 0) throw new VendorFailures(typed, true, picked.length);
    });
}
