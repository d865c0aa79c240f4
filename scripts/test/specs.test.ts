// Every spec: listed once in redocly.yaml, paired with a package, and every named example valid
// against its own schema (Prism serves examples as they are, so a bad one would mislead every test).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { resolvePointer as at, loadSpec } from "../spec-examples.ts";
import { repoRoot, vendorSpecs } from "../specs.ts";

// biome-ignore lint/suspicious/noExplicitAny: parsed OpenAPI documents are untyped JSON.
type Json = any;

const specs = vendorSpecs();

it("redocly.yaml lists every spec folder, and each has its vendor package", () => {
  const folders = readdirSync(join(repoRoot, "specs")).sort();
  expect(specs.map((s) => s.vendor).sort()).toEqual(folders);
  for (const spec of specs) {
    expect(spec.spec).toBe(`specs/${spec.vendor}/openapi.yaml`);
    expect(spec.output).toBe(`packages/${spec.vendor}/src/generated/schema.d.ts`);
  }
});

const escapePointer = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

interface ExampleCase {
  where: string;
  schemaPointer: string;
  value: unknown;
}

function exampleCases(doc: Json): ExampleCase[] {
  const cases: ExampleCase[] = [];
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const method of ["get", "post", "put", "patch", "delete"]) {
      if (!item[method]) continue;
      const op = `/paths/${escapePointer(path)}/${method}`;
      const bodies = Object.keys(item[method].responses ?? {}).map((status) => [
        status,
        `${op}/responses/${status}`,
      ]);
      if (item[method].requestBody) bodies.push(["request", `${op}/requestBody`]);
      for (const [label, pointer] of bodies as [string, string][]) {
        const owner = at(doc, pointer);
        for (const type of Object.keys(owner.node.content ?? {})) {
          const media = `${owner.pointer}/content/${escapePointer(type)}`;
          for (const name of Object.keys(at(doc, media).node.examples ?? {})) {
            cases.push({
              where: `${method.toUpperCase()} ${path} ${label} ${type} "${name}"`,
              schemaPointer: at(doc, `${media}/schema`).pointer,
              value: at(doc, `${media}/examples/${escapePointer(name)}`).node.value,
            });
          }
        }
      }
    }
  }
  return cases;
}

for (const { vendor } of specs) {
  describe(`${vendor} spec examples`, () => {
    const doc = loadSpec(vendor);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema(doc, "spec");
    const cases = exampleCases(doc);

    it("has a named 200 example", () => expect(cases.some((c) => c.where.includes(" 200 "))).toBe(true));
    for (const c of cases) {
      it(`${c.where} validates against its schema`, () => {
        const validate = ajv.compile({ $ref: `spec#${c.schemaPointer}` });
        expect(validate(c.value) ? [] : validate.errors).toEqual([]);
      });
    }
  });
}
