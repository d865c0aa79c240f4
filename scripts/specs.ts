// The list of vendor specs, read from redocly.yaml so that lint, codegen and checks share one list.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

export interface VendorSpec {
  /** The vendor's short name: the spec folder and the package folder. */
  vendor: string;
  /** Path of the spec, relative to the repo root. */
  spec: string;
  /** Path of the generated types, relative to the repo root. */
  output: string;
}

interface RedoclyConfig {
  apis?: Record<string, { root: string; "x-openapi-ts"?: { output?: string } }>;
}

export function vendorSpecs(root = repoRoot): VendorSpec[] {
  const config = parse(readFileSync(join(root, "redocly.yaml"), "utf8")) as RedoclyConfig;
  return Object.entries(config.apis ?? {}).map(([vendor, api]) => {
    const output = api["x-openapi-ts"]?.output;
    if (!output) throw new Error(`redocly.yaml: api "${vendor}" has no x-openapi-ts.output`);
    return { vendor, spec: api.root, output };
  });
}
