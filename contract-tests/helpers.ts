// Shared checks of the contract suite: Prism's violation header, the specs' operations, a small pool.
// SessionEvent validation is the normalizer suite's `sessionEventErrors`.
import { loadSpec } from "../scripts/spec-examples.ts";

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
