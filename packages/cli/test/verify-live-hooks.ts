// Loaded with `node --import` so the CLI runs from its sources, as vitest runs them: each
// `@sessiontrail/<package>` resolves to `packages/<package>/src/index.ts`. The verify:live test runs
// the CLI this way rather than from dist/, which another test file may be rebuilding meanwhile.
import { registerHooks } from "node:module";

const packages = new URL("../../", import.meta.url);

registerHooks({
  resolve(specifier, context, next) {
    const name = /^@sessiontrail\/([a-z0-9-]+)$/.exec(specifier)?.[1];
    if (name === undefined) return next(specifier, context);
    return { url: new URL(`${name}/src/index.ts`, packages).href, shortCircuit: true };
  },
});
