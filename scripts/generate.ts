// Generates each vendor's types from its spec with openapi-typescript.
//   node scripts/generate.ts [vendor...]          write src/generated/schema.d.ts
//   node scripts/generate.ts --check [vendor...]  exit 1 when a committed file differs from its spec
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { repoRoot, type VendorSpec, vendorSpecs } from "./specs.ts";

export async function generatedSource(spec: VendorSpec, root = repoRoot): Promise<string> {
  const ast = await openapiTS(pathToFileURL(join(root, spec.spec)), {
    alphabetize: false,
    // A field with a `default` may still be omitted in a request: keep it optional in the types.
    defaultNonNullable: false,
  });
  const header = [
    "/**",
    ` * GENERATED FILE: DO NOT EDIT. Source: ${spec.spec}`,
    " * Edit the spec, then run `pnpm generate`; CI fails when this file drifts from the spec.",
    " */",
    "",
  ].join("\n");
  return header + astToString(ast);
}

async function main(argv: string[]): Promise<number> {
  const check = argv.includes("--check");
  const only = argv.filter((a) => !a.startsWith("--"));
  const specs = vendorSpecs().filter((s) => only.length === 0 || only.includes(s.vendor));
  if (only.length > 0 && specs.length !== only.length) {
    console.error(`unknown vendor in: ${only.join(", ")}`);
    return 2;
  }
  let drifted = 0;
  for (const spec of specs) {
    const source = await generatedSource(spec);
    const target = join(repoRoot, spec.output);
    if (check) {
      let current = "";
      try {
        current = readFileSync(target, "utf8");
      } catch {}
      if (current !== source) {
        drifted++;
        console.error(`drift: ${spec.output} does not match ${spec.spec}; run \`pnpm generate\``);
      }
    } else {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, source);
      console.log(`generated ${spec.output}`);
    }
  }
  if (check && drifted === 0) console.log(`generated code in sync with ${specs.length} specs`);
  return drifted === 0 ? 0 : 1;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
