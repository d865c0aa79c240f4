import { basename, dirname } from "node:path";
import { defineConfig } from "tsdown";
import { base } from "../../tsdown.config.ts";

export default defineConfig({
  ...base,
  // The library (startMocks and friends) and the `sessiontrail` executable.
  entry: ["src/index.ts", "src/bin.ts"],
  platform: "node",
  // Every vendor spec goes along, as dist/specs/<vendor>.yaml, for `sessiontrail mock`.
  copy: [
    {
      from: "../../specs/*/openapi.yaml",
      to: "dist/specs",
      rename: (_name, _ext, fullPath) => `${basename(dirname(fullPath))}.yaml`,
    },
  ],
});
