// checkRun is what turns a runtime's smoke output into a pass or a failure: each way a run can be
// wrong must be caught, or the matrix would pass on a runtime that does not work.
import { describe, expect, it } from "vitest";
import { checkRun, firstDifference } from "../check.ts";
import { jsEntries } from "../consumer.ts";
import type { Run, SmokeVendor } from "../matrix.ts";

const variant = {
  runtime: { name: "node 24.21.0", kind: "node" as const, version: "v24.21.0", binary: "/bin/node" },
  mode: "esm" as const,
};
const event = (vendor: string, id: string, timestamp: number) => ({
  id,
  vendor,
  timestamp,
  time: new Date(timestamp).toISOString(),
  type: "click",
});
const errors = (vendor: string): Pick<SmokeVendor, "unauthorized" | "invalid"> => ({
  unauthorized: { sessionTrailError: true, kind: "auth", status: 401, vendor, message: "401" },
  invalid: { sessionTrailError: true, kind: "validation", vendor, message: "sessionId: is required" },
});
const expected = { vendors: ["paging", "single"], entries: ["@sessiontrail/core", "@sessiontrail/paging"] };

/** A run that is right in every way: a paging vendor over two pages and a one-response vendor. */
function goodRun(): Run {
  return {
    variant,
    ms: 10,
    exitCode: 0,
    output: "",
    problems: [],
    counts: {
      paging: { requests: 3, rateLimited: 1, pages: ["1", "2"], unauthorized: 1 },
      single: { requests: 2, rateLimited: 1, pages: ["1"], unauthorized: 1 },
    },
    result: {
      runtime: "node 24.21.0",
      entries: { "@sessiontrail/core": ["mergeTimelines"], "@sessiontrail/paging": ["pagingVendor"] },
      vendors: {
        paging: {
          paged: true,
          events: [event("paging", "p1", 1_000), event("paging", "p2", 3_000)],
          ...errors("paging"),
        },
        single: { paged: false, events: [event("single", "s1", 2_000)], ...errors("single") },
      },
      merged: ["paging:p1:1000", "single:s1:2000", "paging:p2:3000"],
    },
  };
}

const problemsWith = (change: (run: Run) => void, reference?: Run["result"]) => {
  const run = goodRun();
  change(run);
  return checkRun(run, expected, reference);
};

describe("checkRun", () => {
  it("passes a run that read, retried, normalized and merged everything like the reference", () => {
    expect(checkRun(goodRun(), expected)).toEqual([]);
    expect(checkRun(goodRun(), expected, goodRun().result)).toEqual([]);
  });

  it("fails a run without a result, quoting the end of its output", () => {
    const problems = problemsWith((run) => {
      delete run.result;
      run.exitCode = 1;
      run.output = "boot\nError: Module not found: node:fs\n";
    });
    expect(problems).toEqual(["no result (exit code 1): boot\nError: Module not found: node:fs"]);
  });

  it("fails a run whose runtime printed a warning", () => {
    const problems = problemsWith((run) => {
      run.output =
        "(node:1) ExperimentalWarning: Support for loading ES Module in require() is experimental\n";
    });
    expect(problems).toEqual([
      "the runtime warned: (node:1) ExperimentalWarning: Support for loading ES Module in require() is experimental",
    ]);
  });

  it("fails a run on another runtime than the one started", () => {
    expect(problemsWith((run) => Object.assign(run.result ?? {}, { runtime: "node 20.20.2" }))).toEqual([
      'ran on "node 20.20.2", not "node 24.21.0"',
    ]);
  });

  it("fails a vendor that was not retried exactly once after its 429", () => {
    const problems = problemsWith((run) => Object.assign(run.counts.single ?? {}, { requests: 3 }));
    expect(problems).toEqual(["single: 3 requests for 1 pages: not exactly one retry after the 429"]);
  });

  it("fails a paging vendor read in one page, naming the pagers file", () => {
    const problems = problemsWith((run) =>
      Object.assign(run.counts.paging ?? {}, { requests: 2, pages: ["1"] }),
    );
    expect(problems.join("\n")).toContain("scripts/runtimes/pagers.ts");
  });

  it("fails a vendor missing from the result, or with no events", () => {
    expect(problemsWith((run) => delete run.result?.vendors.single)).toContain(
      "single: no result (the smoke found no descriptor for it)",
    );
    const empty = problemsWith((run) => {
      const single = run.result?.vendors.single as SmokeVendor;
      single.events = [];
      if (run.result) run.result.merged = ["paging:p1:1000", "paging:p2:3000"];
    });
    expect(empty).toContain("single: events() read no events");
  });

  it("fails errors that are not core's typed errors of the right kind", () => {
    const problems = problemsWith((run) => {
      const single = run.result?.vendors.single as SmokeVendor;
      single.unauthorized = { sessionTrailError: false, name: "TypeError", message: "fetch failed" };
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^single: a 401 did not fail as SessionTrailError kind auth/);
  });

  it("fails a merge that lost an event or broke the time order", () => {
    const lost = problemsWith((run) => run.result?.merged.pop());
    expect(lost.join("\n")).toContain("mergeTimelines gave 2 events of 3");
    const unordered = problemsWith((run) => run.result?.merged.reverse());
    expect(unordered.join("\n")).toContain("out of time order");
  });

  it("fails events out of time order or with a time that is not their timestamp", () => {
    const problems = problemsWith((run) => {
      const paging = run.result?.vendors.paging as SmokeVendor;
      paging.events.reverse();
      (paging.events[0] as { time: string }).time = "2000-01-01T00:00:00Z";
    });
    expect(problems).toContain("paging: an event's time is not its timestamp in ISO-8601 UTC");
    expect(problems).toContain("paging: events() did not yield the session in time order");
  });

  it("fails a run whose normalized events differ from the reference run's", () => {
    const reference = goodRun().result;
    const single = reference?.vendors.single as SmokeVendor;
    Object.assign(single.events[0] ?? {}, { type: "page_view" });
    expect(problemsWith(() => {}, reference)).toEqual([
      'differs from the reference run at $.vendors.single.events.0.type: "click" vs "page_view"',
    ]);
  });

  it("fails an entry that loaded with no exports", () => {
    const problems = problemsWith((run) =>
      Object.assign(run.result?.entries ?? {}, { "@sessiontrail/paging": [] }),
    );
    expect(problems).toContain("@sessiontrail/paging: loaded with no exports");
  });
});

describe("firstDifference", () => {
  it("names the path of the first difference, or nothing for equal values", () => {
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBeUndefined();
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe("$.a.1.b: 2 vs 3");
    expect(firstDifference({ a: 1 }, { a: 1, c: null })).toBe("$.c: undefined vs null");
  });
});

describe("jsEntries", () => {
  it("lists every JavaScript export of a package (a ./client subpath included), not JSON or package.json", () => {
    const exports = {
      ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
      "./client": { types: "./dist/client.d.ts", import: "./dist/client.js" },
      "./session-event.schema.json": "./dist/session-event.schema.json",
      "./package.json": "./package.json",
    };
    expect(jsEntries("@sessiontrail/x", exports)).toEqual(["@sessiontrail/x", "@sessiontrail/x/client"]);
    expect(jsEntries("@sessiontrail/y", "./dist/index.js")).toEqual(["@sessiontrail/y"]);
    expect(jsEntries("@sessiontrail/z", { types: "./i.d.ts", default: "./i.js" })).toEqual([
      "@sessiontrail/z",
    ]);
  });
});
