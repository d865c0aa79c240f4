import { describe } from "vitest";
import { normalizerSuite } from "../../../scripts/normalizer-suite.ts";
import { normalizeActionHubEvents } from "../src/index.ts";

normalizerSuite({
  vendor: "actionhub",
  normalize: normalizeActionHubEvents,
  optionsFor: () => ({ userId: "cust-10482" }),
});
describe.skip("placeholder", () => {});
