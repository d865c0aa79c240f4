// `sessiontrail timeline --<vendor> <id> ...`: several vendors fetched concurrently, merged in time order.
import { SessionTrailError } from "@sessiontrail/core";
import type { Command } from "commander";
import { chronological, outputFormat, type RunContext } from "../context.ts";
import { UsageError, VendorFailures } from "../errors.ts";
import { ending, environmentHelp, examples, timelineArgs } from "../help.ts";
import { addOutputOptions, addVendorOptions, type Options, resolveCall } from "../options.ts";
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
    .addHelpText(
      "after",
      `
Give at least one vendor. API keys and base URLs come from SESSIONTRAIL_<VENDOR>_API_KEY and
SESSIONTRAIL_<VENDOR>_BASE_URL; --since, --until and --max-events apply to every vendor.

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
      outputFormat(options, run.io);
      // Every call is checked (keys, ids, settings) before the first request goes out.
      const streams = picked.map((vendor) => {
        const call = resolveCall(vendor, options, run.io.env);
        const query = queryOf(vendor, options[vendor] as string, call);
        return { vendor, stream: clientOf(vendor, call).events(query, streamOptionsOf(call)) };
      });
      run.progress(`fetching ${picked.join(", ")}`);
      const settled = await Promise.allSettled(streams.map((s) => run.collect(s.vendor, s.stream, options)));
      const failures = settled.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
      if (failures.length > 0) {
        const typed = failures.filter((f): f is SessionTrailError => f instanceof SessionTrailError);
        if (typed.length === failures.length) throw new VendorFailures(typed);
        throw failures.find((f) => !(f instanceof SessionTrailError));
      }
      run.emit(await chronological(settled.map((r) => (r.status === "fulfilled" ? r.value : []))), options);
    });
}
