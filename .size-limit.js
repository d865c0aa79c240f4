// Size budgets (size-limit with @size-limit/esbuild + @size-limit/file): what a bundler ships for a
// user of one vendor package — the vendor's dist, @sessiontrail/core and openapi-fetch, bundled by
// esbuild, minified, gzipped. Run `pnpm size` after `pnpm build`.
//
// Two checks per vendor of redocly.yaml: the realistic import (create the client + normalize) and the
// whole package (`import *`). The names come from the built package itself, so a new vendor is
// measured without touching this file. To measure another library the same way, add an entry with its
// entry file as `path` and the names a user imports as `import`.
//
// The budget is a ceiling against growth, not the goal: the largest measured bundle plus ~0.3 kB. The
// goal is 5 kB (issue 6, and the bench table's bundle row measures against it); it is missed:
// openapi-fetch alone is 2.6 kB, and core's retries, rate limits, streams, typed errors and the
// normalizer loop add ~5 kB more. Largest today: Hardal's whole package, 10.99 kB. The old 10.5 kB
// was already exceeded (Hardal 10.61 kB) before core was trimmed (-0.2 kB per bundle, see
// .changeset/smaller-bundles.md); the faster normalizers of the same release added ~0.6 kB.
// Lower this number whenever the bundles shrink; never raise it without saying why in the changeset.
import { readFileSync } from "node:fs";
import { parse } from "yaml";

const budget = "11.3 kB";

const vendors = Object.keys(parse(readFileSync(new URL("redocly.yaml", import.meta.url), "utf8")).apis);

/** The one export of a vendor's dist whose name fits `pattern` (`createFullStoryClient`). */
async function exportOf(vendor, pattern) {
  const names = Object.keys(await import(`./packages/${vendor}/dist/index.js`)).filter((n) => pattern.test(n));
  if (names.length !== 1) {
    throw new Error(`packages/${vendor}/dist/index.js: expected one export like ${pattern}, got ${names}`);
  }
  return names[0];
}

const entries = [];
for (const vendor of vendors) {
  const create = await exportOf(vendor, /^create\w+Client$/);
  const normalize = await exportOf(vendor, /^normalize\w+Events$/);
  entries.push(
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
