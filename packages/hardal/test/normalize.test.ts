import { normalizerSuite } from "../../../scripts/normalizer-suite.ts";
import { normalizeHardalEvents } from "../src/index.ts";

normalizerSuite({
  vendor: "hardal",
  normalize: normalizeHardalEvents,
  optionsFor: (name) => (name === "utcNoOffset" ? { timezone: "UTC" } : {}),
});
