// Reads a vendor spec's servers and named response examples, for tests and the contract suite.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { repoRoot } from "./specs.ts";

// biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document is untyped JSON.
type Json = any;

export interface ResponseExample {
  method: string;
  path: string;
  operationId: string;
  status: number;
  contentType: string | undefined;
  /** The key in the media type's `examples` map: what Prism's `Prefer: example=` selects. */
  name: string | undefined;
  value: unknown;
}

export function loadSpec(vendor: string): Json {
  return parse(readFileSync(join(repoRoot, "specs", vendor, "openapi.yaml"), "utf8"));
}

const at = (doc: Json, pointer: string): Json =>
  pointer
    .split("/")
    .slice(1)
    .reduce((n: Json, k) => n?.[k.replace(/~1/g, "/").replace(/~0/g, "~")], doc);

/** Follows `$ref`s from a JSON pointer; returns the node and the pointer where it really lives. */
export function resolvePointer(doc: Json, pointer: string): { node: Json; pointer: string } {
  let where = pointer;
  let node = at(doc, where);
  for (let hops = 0; typeof node?.$ref === "string"; hops++) {
    if (hops > 50) throw new Error(`$ref cycle at ${node.$ref}`);
    if (!node.$ref.startsWith("#/")) throw new Error(`only local $refs are supported: ${node.$ref}`);
    where = node.$ref.slice(1);
    node = at(doc, where);
  }
  return { node, pointer: where };
}

function deref(doc: Json, node: Json): Json {
  return typeof node?.$ref === "string" ? resolvePointer(doc, node.$ref.slice(1)).node : node;
}

export function specServers(vendor: string): string[] {
  return (loadSpec(vendor).servers ?? []).map((s: { url: string }) => s.url);
}

/** Every response of every operation: one entry per named example, or one without a body. */
export function responseExamples(vendor: string): ResponseExample[] {
  const doc = loadSpec(vendor);
  const out: ResponseExample[] = [];
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const method of ["get", "post", "put", "patch", "delete"]) {
      const op = item[method];
      if (!op) continue;
      for (const [status, rawResponse] of Object.entries<Json>(op.responses ?? {})) {
        const response = deref(doc, rawResponse);
        const base = {
          method: method.toUpperCase(),
          path,
          operationId: op.operationId,
          status: Number(status),
        };
        const content = Object.entries<Json>(response.content ?? {});
        if (content.length === 0)
          out.push({ ...base, contentType: undefined, name: undefined, value: undefined });
        for (const [contentType, media] of content) {
          for (const [name, example] of Object.entries<Json>(media.examples ?? {})) {
            out.push({ ...base, contentType, name, value: deref(doc, example).value });
          }
          if (!media.examples && media.example !== undefined) {
            out.push({ ...base, contentType, name: undefined, value: media.example });
          }
        }
      }
    }
  }
  return out;
}
