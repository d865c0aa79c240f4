import { defineConfig } from "vitest/config";

// One long end-to-end file: a real registry, real installs. Runs alone (`pnpm test:release`), not in
// `pnpm test:unit`.
export default defineConfig({
  test: {
    include: ["*.test.ts"],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
