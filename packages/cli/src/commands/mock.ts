// `sessiontrail mock`: a Prism mock of every bundled vendor spec on 127.0.0.1 until Ctrl-C or SIGTERM.
import type { Command } from "commander";
import type { RunContext } from "../context.ts";
import { UsageError } from "../errors.ts";
import { startMocks } from "../mock.ts";
import {
  listOf,
  mockDefaults,
  mockEnvironment,
  ownSettings,
  type VendorName,
  vendorNames,
} from "../vendors.ts";

/** What `sessiontrail mock` prints: base URLs, then shell lines that use them. */
export function mockInstructions(baseUrls: Partial<Record<VendorName, string>>): string {
  const lines = Object.entries(baseUrls).map(([vendor, url]) => `${vendor.padEnd(11)} ${url}`);
  lines.push(
    "",
    "# Point sessiontrail at the mocks (Prism accepts any non-empty API key):",
    ...mockEnvironment(baseUrls).map(([name, value]) => `export ${name}=${value}`),
    "",
    "# Then, for example:",
    `sessiontrail timeline ${vendorNames.map((v) => `--${v} ${mockDefaults[v].id}`).join(" ")}`,
    "",
    "# Ctrl-C stops the mocks.",
    "",
  );
  return lines.join("\n");
}

export function mockCommand(program: Command, run: RunContext): void {
  const settings = [...new Set(vendorNames.flatMap((v) => ownSettings(v).map((s) => s.description)))];
  program
    .command("mock")
    .description("serve a Stoplight Prism mock of every bundled vendor spec on 127.0.0.1 until Ctrl-C")
    .addHelpText(
      "after",
      `
Needs @stoplight/prism-cli (an optional peer dependency): npm install --save-dev @stoplight/prism-cli
Prints each vendor's base URL and the lines that point sessiontrail at the mocks
(SESSIONTRAIL_<VENDOR>_BASE_URL, a dummy SESSIONTRAIL_<VENDOR>_API_KEY, and the spec examples'
${settings.length > 0 ? listOf(settings) : "settings"}). Ctrl-C or SIGTERM stops every Prism.

Example:
  $ sessiontrail mock
  $ # in another shell, paste the printed export lines, then:
  $ sessiontrail timeline ${vendorNames.map((v) => `--${v} ${mockDefaults[v].id}`).join(" ")}`,
    )
    .action(async () => {
      // Listen first: a signal during start-up still stops every Prism once they are up.
      let signalled = false;
      const stopped = new Promise<void>((done) => {
        const stop = () => {
          signalled = true;
          done();
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      let mocks: Awaited<ReturnType<typeof startMocks>>;
      try {
        run.progress("starting Prism mocks");
        mocks = await startMocks();
      } catch (error) {
        const message = (error as Error).message;
        if (/not installed/.test(message)) {
          throw new UsageError(
            "Stoplight Prism is not installed",
            "npm install --save-dev @stoplight/prism-cli",
          );
        }
        throw error;
      }
      if (!signalled) run.io.stdout.write(mockInstructions(mocks.vendors));
      await stopped;
      await mocks.stop();
      run.progress("mocks stopped");
    });
}
