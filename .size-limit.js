// Size budgets (size-limit with @size-limit/esbuild + @size-limit/file): what a bundler ships for a
// user of one vendor package — the vendor's dist, @sessiontrail/core and openapi-fetch, bundled by
// esbuild, minified, gzipped. Run `pnpm size` after `pnpm build`.
//
// Three checks per vendor of redocly.yaml: the raw typed client alone, the realistic import (create the
// client + normalize) and the whole package (`import *`). The names come from the package's own index.ts, so a new vendor is
// measured without touching this file. To measure another library the same way, add an entry with its
// entry file as `path` and the names a user imports as `import`.
//
// The budget is a ceiling against growth, not the goal: the largest measured bundle plus ~0.3 kB. The
// goal is 5 kB (issue 6, and the bench table's bundle row measures against it); it is missed:
// openapi-fetch alone is 2.6 kB, and core's retries, rate limits, streams, typed errors and the
// normalizer loop add ~5 kB more. Largest today: PostHog's whole package, 16.06 kB (its HogQL query
// text and the elements_chain parser, ~1.9 kB over Hardal); the other seven are 12.5-15.3 kB.
// Before the three new vendors the largest was Hardal's whole package, 14.1 kB (was 10.99 kB): the
// stream's page checks, the transport that times and caps every request (raw calls included) and
// errors that mask secrets by construction add ~2.2 kB per bundle, per-call normalizer state and
// EventIdScope ~0.7 kB, the vendor descriptor ~0.15 kB to a whole-package import (see
// .changeset/size-budget-whole-session.md). A raw-client-only entry is the way back down.
// Since issue 17 the largest is PostHog's whole package, 16.6 kB (was 16.06 kB): the logger's records
// (request, response, retry, wait, page), request ids on errors and the session runtime handed to
// createVendorClient add ~0.5 kB to every events() bundle (see .changeset/raw-client-entry.md).
//
// A third check per vendor is its raw typed client alone (`@sessiontrail/<vendor>/raw-client`), held to
// hey-api's 4.00 kB for the same call: 3.93-4.18 kB, FullStory's 3.96 kB (4.07 kB in the bench's app,
// which adds the call itself). Its budget is the largest plus ~0.1 kB.
// Lower these numbers whenever the bundles shrink; never raise them without saying why in the changeset.
import { readFileSync } from "node:fs";
import { parse } from "yaml";

const budget = "16.9 kB";
const rawBudget = "4.3 kB";

const vendors = Object.keys(parse(readFileSync(new URL("redocly.yaml", import.meta.url), "utf8")).apis);

/** The one name the vendor package exports that fits `pattern` (`createFullStoryClient`), read from its source. */
function exportOf(vendor, pattern) {
  const index = readFileSync(new URL(`packages/${vendor}/src/index.ts`, import.meta.url), "utf8");
  const names = [...new Set(index.match(new RegExp(pattern.source, "g")))];
  if (names.length !== 1) {
    throw new Error(`packages/${vendor}/src/index.ts: expected one export like ${pattern}, got ${names}`);
  }
  return names[0];
}

const entries = [];
for (const vendor of vendors) {
  const create = exportOf(vendor, /\bcreate\w+(?<!Raw)Client\b/);
  const createRaw = exportOf(vendor, /\bcreate\w+RawClient\b/);
  const normalize = exportOf(vendor, /\bnormalize\w+Events\b/);
  entries.push(
    {
      name: `@sessiontrail/${vendor}/raw-client: { ${createRaw} }`,
      path: `packages/${vendor}/dist/raw-client.js`,
      import: `{ ${createRaw} }`,
      gzip: true,
      limit: rawBudget,
    },
    {
      name: `@sessiontrail/${vendor}: { ${create}, ${normalize} }`,
      path: `packages/${vendor}/dist/index.js`,
      import: `{ ${create}, ${normalize} }`,
      gzip: true,
      limit: budget,
    },
    {
      name: `@sessiontrail/${vendor}: whole package`,
      path: `packages/${vendor}/dist/index.js`,
      import: "*",
      gzip: true,
      limit: budget,
    },
  );
}

export default entries;
