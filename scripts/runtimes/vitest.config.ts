// The runtime matrix (`pnpm test:runtimes`): the packed packages on every runtime the README names.
// Kept apart from the root `vitest run` (test:unit), whose include never reaches this folder.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: fileURLToPath(new URL(".", import.meta.url)),
    include: ["test/**/*.test.ts"],
    // Installs the runtimes (cold: from the npm registry), packs the packages, installs the consumer.
    globalSetup: ["./test/global-setup.ts"],
    // One runtime at a time: the times in the table are each runtime's own, not a share of 2 cores.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
