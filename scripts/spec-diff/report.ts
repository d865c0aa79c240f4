import { checkById, type Level } from "./checks.ts";

/** One change between two versions of a spec, judged by what it does to code written against the old one. */
export interface SpecChange {
  /** The check that found it, e.g. `response-required-property-removed` (see checks.ts). */
  id: string;
  level: Level;
  /** `GET /v2/sessions/{session_id}/events`, or undefined for a change outside any operation. */
  operation: string | undefined;
  /** Where in the operation: `200 /events/items/event_time`, `query limit`, `body /query`, `200 header X-Rate-Limit`. */
  path: string;
  message: string;
}

const ORDER: Record<Level, number> = { ERR: 0, WARN: 1, INFO: 2 };

/** `ERR response-required-property-removed GET /v2/... 200 /events/items/event_time: removed ...` */
export function formatChange(change: SpecChange): string {
  const where = [change.level, change.id, change.operation, change.path].filter(Boolean).join(" ");
  return `${where}: ${change.message}`;
}

/** The changes found so far, each once, with the level its check gives. */
export class Report {
  readonly #changes: SpecChange[] = [];
  readonly #seen = new Set<string>();

  /**
   * Adds a change found by the check `id`. `otherwise` picks the check's second level (see
   * Check.otherwise); an id that is not in the catalogue is a bug in the differ, not in the spec.
   */
  add(id: string, operation: string | undefined, path: string, message: string, otherwise = false): void {
    const check = checkById(id);
    if (!check) throw new Error(`spec-diff: no check named ${id}`);
    if (otherwise && !check.otherwise) throw new Error(`spec-diff: ${id} has no second level`);
    const level = otherwise && check.otherwise ? check.otherwise.level : check.level;
    const key = [id, operation, path, message].join("\u0000");
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.#changes.push({ id, level, operation, path, message });
  }

  /** ERR first, then WARN, then INFO, each in the order found. */
  sorted(): SpecChange[] {
    return this.#changes
      .map((change, i) => ({ change, i }))
      .sort((x, y) => ORDER[x.change.level] - ORDER[y.change.level] || x.i - y.i)
      .map((x) => x.change);
  }
}
