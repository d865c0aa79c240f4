import { defineConfig } from "tsdown";
import { base } from "../../tsdown.config.ts";

// The SessionEvent JSON Schema also ships as a file, for users outside TypeScript.
export default defineConfig({ ...base, copy: [{ from: "src/session-event.schema.json", to: "dist" }] });
