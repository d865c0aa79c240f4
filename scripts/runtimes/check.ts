// What one runtime's smoke run must show: every vendor's mock session read (every page, one retry
// after the 429), normalized, merged, the typed errors, and the same results as the reference run
// (Node, the toolchain's, loading ES modules). Pure: the tests feed it runs, good and broken.
import { RESULT_MARK, type Run, type SmokeResult, type SmokeVendor, type Variant } from "./matrix.ts";

/** What the smoke must call itself on this variant's runtime. */
export function expectedRuntimeName({ runtime }: Variant): string {
  switch (runtime.kind) {
    case "node":
      return `node ${runtime.version.replace(/^v/, "")}`;
    case "bun":
      return `bun ${runtime.version}`;
    case "deno":
      return runtime.version;
    case "workerd":
      return "Cloudflare-Workers";
  }
}

const ascending = (values: readonly number[]) =>
  values.every((v, i) => i === 0 || (values[i - 1] as number) <= v);

/** The problems with one vendor's part of a result and what the server saw of it. */
function vendorProblems(vendor: string, got: SmokeVendor | undefined, run: Run): string[] {
  if (!got) return [`${vendor}: no result (the smoke found no descriptor for it)`];
  const problems: string[] = [];
  const counts = run.counts[vendor];
  const say = (problem: string) => problems.push(`${vendor}: ${problem}`);
  if (got.events.length === 0) say("events() read no events");
  if (got.events.some((event) => event.vendor !== vendor)) say("an event's vendor is not the vendor's name");
  if (
    got.events.some(
      (event) => !Number.isFinite(event.timestamp) || new Date(event.timestamp).toISOString() !== event.time,
    )
  ) {
    say("an event's time is not its timestamp in ISO-8601 UTC");
  }
  if (!ascending(got.events.map((event) => event.timestamp)))
    say("events() did not yield the session in time order");
  if (!counts) say("the vendor server saw nothing of it");
  else {
    if (counts.rateLimited !== 1) say(`the server sent ${counts.rateLimited} 429s, not one`);
    if (counts.requests !== counts.pages.length + 1) {
      say(
        `${counts.requests} requests for ${counts.pages.length} pages: not exactly one retry after the 429`,
      );
    }
    if (got.paged && counts.pages.length < 2) {
      say(
        `paged, but read ${counts.pages.length} page(s): scripts/runtimes/pagers.ts must page its mock session`,
      );
    }
    if (!got.paged && counts.pages.length !== 1) say(`read ${counts.pages.length} responses, not one`);
    if (counts.unauthorized !== 1)
      say(`the 401 took ${counts.unauthorized} requests, not one (a 401 is not retried)`);
  }
  const typed = (error: SmokeVendor["unauthorized"], kind: string, status?: number) =>
    error?.sessionTrailError === true &&
    error.kind === kind &&
    error.vendor === vendor &&
    error.status === status;
  if (!typed(got.unauthorized, "auth", 401)) {
    say(`a 401 did not fail as SessionTrailError kind auth: ${JSON.stringify(got.unauthorized)}`);
  }
  if (!typed(got.invalid, "validation")) {
    say(`an empty id did not fail as SessionTrailError kind validation: ${JSON.stringify(got.invalid)}`);
  }
  return problems;
}

/** The first place where two JSON values differ, as a path, or undefined when they are equal. */
export function firstDifference(a: unknown, b: unknown, path = "$"): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (
    typeof a !== "object" ||
    typeof b !== "object" ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  ) {
    return `${path}: ${JSON.stringify(a)?.slice(0, 120)} vs ${JSON.stringify(b)?.slice(0, 120)}`;
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) {
    const found = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (found) return found;
  }
  return undefined;
}

/** What the reference run's result must equal on every runtime: all but the runtime's name. */
const comparable = ({ runtime: _runtime, ...rest }: SmokeResult) => rest;

/**
 * Every problem with a run, given the vendors (redocly.yaml's apis), the entries the consumer
 * holds, and the reference run's result (omit it when checking the reference itself).
 */
export function checkRun(
  run: Run,
  expected: { vendors: readonly string[]; entries: readonly string[] },
  reference?: SmokeResult,
): string[] {
  const { result } = run;
  if (!result) {
    return [`no result (exit code ${run.exitCode}): ${run.output.trim().split("\n").slice(-12).join("\n")}`];
  }
  const problems: string[] = [...run.problems.map((p) => `vendor server: ${p}`)];
  if (run.exitCode !== 0) problems.push(`exit code ${run.exitCode}`);
  // A warning on load (say, require(esm) still called experimental) is what a user would see too.
  const warning = run.output
    .split("\n")
    .find((line) => /\w+Warning\b/.test(line) && !line.includes(RESULT_MARK));
  if (warning) problems.push(`the runtime warned: ${warning.slice(0, 200)}`);
  const name = expectedRuntimeName(run.variant);
  if (result.runtime !== name) problems.push(`ran on "${result.runtime}", not "${name}"`);
  for (const entry of expected.entries) {
    if (!(result.entries[entry]?.length ?? 0)) problems.push(`${entry}: loaded with no exports`);
  }
  for (const vendor of expected.vendors)
    problems.push(...vendorProblems(vendor, result.vendors[vendor], run));
  const all = Object.values(result.vendors).flatMap((v) => v.events);
  const merged = result.merged.map((key) => Number(key.slice(key.lastIndexOf(":") + 1)));
  if (result.merged.length !== all.length || !ascending(merged)) {
    problems.push(
      `mergeTimelines gave ${result.merged.length} events of ${all.length}, or out of time order`,
    );
  }
  const keys = new Set(all.map((event) => `${event.vendor}:${event.id}:${event.timestamp}`));
  if (result.merged.some((key) => !keys.delete(key)) || keys.size > 0) {
    problems.push("mergeTimelines lost, invented or repeated an event");
  }
  if (reference) {
    const difference = firstDifference(comparable(result), comparable(reference));
    if (difference) problems.push(`differs from the reference run at ${difference}`);
  }
  return problems;
}
