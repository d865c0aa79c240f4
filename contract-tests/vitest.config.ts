// The contract suite: real Prism mocks of every spec, started once per run by the global setup.
// Kept apart from the root `vitest run` (test:unit), whose include never reaches this folder.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Set only by processes.test.ts, which runs this config in a child vitest on its fixtures.
const fixture = process.env.CONTRACT_FIXTURE;

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  resolve: {
    // As in the root config: tests run against the packages' sources, no build needed.
    alias: [
      {
        find: /^@sessiontrail\/(.*)$/,
        replacement: fileURLToPath(new URL("../packages/$1/src/index.ts", import.meta.url)),
      },
    ],
  },
  test: {
    include: fixture ? [`fixtures/${fixture}.fixture.ts`] : ["test/**/*.test.ts"],
    globalSetup: ["./global-setup.ts"],
    // Two shared cores: one test file at a time; each file spreads its own requests over the mocks.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
