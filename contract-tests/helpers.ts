// Shared checks of the contract suite: SessionEvent validation and Prism's violation header.
import { sessionEventSchema } from "@sessiontrail/core";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { loadSpec } from "../scripts/spec-examples.ts";

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const validateEvent = ajv.compile(sessionEventSchema);

/** The schema errors of each invalid event, by index; empty when every event is valid. */
export function invalidEvents(events: readonly unknown[]): { index: number; errors: unknown }[] {
  const out: { index: number; errors: unknown }[] = [];
  events.forEach((event, index) => {
    if (!validateEvent(event)) out.push({ index, errors: validateEvent.errors });
  });
  return out;
}

export interface Violation {
  location?: string[];
  severity?: string;
  code?: string;
  message?: string;
}

/** Prism's `sl-violations` header, parsed: what the request (or its own response) broke in the spec. */
export function violations(response: Response): Violation[] {
  const header = response.headers.get("sl-violations");
  if (header === null) return [];
  try {
    return JSON.parse(header) as Violation[];
  } catch {
    return [{ message: header }];
  }
}

/** `METHOD /path` of every operation of a spec. */
export function specOperations(vendor: string): string[] {
  const doc = loadSpec(vendor);
  const out: string[] = [];
  for (const [path, item] of Object.entries<Record<string, unknown>>(doc.paths ?? {})) {
    for (const method of ["get", "put", "post", "delete", "options", "head", "patch", "trace"]) {
      if (item[method]) out.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return out.sort();
}

/** Runs `task` over `items` with at most `limit` in flight; results in input order. */
export async function pool<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
