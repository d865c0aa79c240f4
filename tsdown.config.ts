// The build every published package shares; each package's tsdown.config.ts re-exports it.
import { defineConfig } from "tsdown";

export const base = defineConfig({
  entry: ["src/index.ts"],
  format: "esm",
  platform: "neutral",
  dts: true,
  sourcemap: false,
  clean: true,
  // Keep `.js`/`.d.ts` names so the exports map is the same in every package.
  fixedExtension: false,
});

/** A vendor package: the main entry, and the raw typed client alone (`@sessiontrail/<vendor>/raw-client`). */
export const vendor = defineConfig({ ...base, entry: ["src/index.ts", "src/raw-client.ts"] });
