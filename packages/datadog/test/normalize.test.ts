import { normalizerSuite, sessionEventErrors } from "@sessiontrail/test-utils";
import { describe, expect, it } from "vitest";
import { normalizeDatadogEvents } from "../src/index.ts";
import { todo } from "../src/todo.ts";

// Golden output of every named 200 example of the spec: written to test/golden/ on the first run
// (read their diff line by line), then compared.
normalizerSuite({ vendor: "datadog", normalize: normalizeDatadogEvents });

describe("datadog normalizer: what the vendor's events mean", () => {
  it("reads the type, name and instant of the vendor's events", () => {
    // TODO(new-vendor): a body with one event of each kind ../shared/vendors/datadog.md describes,
    // and the SessionEvent each becomes (type, name, timestamp, page, target).
    const body: unknown = todo("test/normalize.test.ts: a body with the vendor's kinds of events");
    const events = normalizeDatadogEvents(body, { includeRaw: false });
    expect(sessionEventErrors(events)).toEqual([]);
    expect(events.map(({ type, name, timestamp }) => ({ type, name, timestamp }))).toEqual(
      todo("test/normalize.test.ts: the type, name and timestamp each event becomes"),
    );
  });
});
