import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// One long end-to-end file (and its harness's unit tests): a real registry, real installs. Runs alone
// (`pnpm test:release`), not in `pnpm test:unit`.
export default defineConfig({
  resolve: {
    // The Prism mock helper (packages/cli/src/mock.ts) and what it imports run from the sources, as in
    // the root vitest config, so no build of the working tree is needed.
    alias: [
      {
        find: /^@sessiontrail\/(.*)$/,
        replacement: fileURLToPath(new URL("../packages/$1/src/index.ts", import.meta.url)),
      },
    ],
  },
  test: {
    include: ["*.test.ts"],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
