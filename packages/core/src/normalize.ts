import { SessionTrailError } from "./errors.ts";
import type { SessionEvent } from "./event.ts";
import { excerpt } from "./redact.ts";
import { isoTime } from "./time.ts";

export interface NormalizeOptions {
  /** Keep the untouched vendor event in `raw`. Default true. */
  includeRaw?: boolean;
  /**
   * An event that cannot be normalized (no usable timestamp, not an object): `"throw"` a
   * `SessionTrailError` of kind `invalid_response` (default), or `"skip"` it and report a warning.
   */
  onInvalid?: "throw" | "skip";
  /** Receives a warning for each skipped event. Without it, skipped events are still counted nowhere else. */
  onWarning?: (warning: NormalizeWarning) => void;
}

export interface NormalizeWarning {
  vendor: string;
  /** Position of the event in the vendor's list. */
  index: number;
  message: string;
}

/** An event as a vendor normalizer builds it; `normalizeEvents` adds `id`, `vendor`, `time`, `raw`. */
export type EventDraft = Omit<SessionEvent, "id" | "vendor" | "time" | "raw"> & {
  /** The vendor's own event id; it becomes `id` when it is unique within the response. */
  vendorId?: string;
  /** What tells this event apart from others when it has no usable vendor id; hashed into `id`. */
  identity: string;
};

const MIN_MS = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z
const MAX_MS = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

/** Thrown by a vendor's mapping for an event it cannot normalize; the message names what is wrong. */
export class InvalidEventError extends Error {
  override readonly name = "InvalidEventError";
}

/** Fails the whole body: a response that is not the vendor's documented shape is never half-read. */
export function invalidBody(vendor: string, message: string, body: unknown): SessionTrailError {
  let text: string;
  try {
    text = JSON.stringify(body) ?? String(body);
  } catch {
    text = String(body);
  }
  return new SessionTrailError({
    kind: "invalid_response",
    vendor,
    message: `unexpected response body: ${message}`,
    bodyExcerpt: excerpt(text),
  });
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function hex32(n: number): string {
  return (HEX[(n >>> 24) & 255] as string) + HEX[(n >>> 16) & 255] + HEX[(n >>> 8) & 255] + HEX[n & 255];
}

// Four 32-bit lanes of a cyrb-style mix (public domain): 128 bits, synchronous, the same in every
// runtime, and formatted through a lookup table because number-to-string is the slow part.
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  let h3 = 0x9e3779b9;
  let h4 = 0x85ebca6b;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
    h3 = Math.imul(h3 ^ c, 2246822519);
    h4 = Math.imul(h4 ^ c, 3266489917);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h3 ^ (h3 >>> 13), 3266489909);
  h3 = Math.imul(h3 ^ (h3 >>> 16), 2246822507) ^ Math.imul(h4 ^ (h4 >>> 13), 3266489909);
  h4 = Math.imul(h4 ^ (h4 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return hex32(h1) + hex32(h2) + hex32(h3) + hex32(h4);
}

/**
 * The loop every vendor normalizer shares: maps each vendor event, handles invalid ones as the
 * caller chose, and gives every event a stable id. Ids are the vendor's where present and unique in
 * the response; otherwise a hash of the event's identity and of how many identical events came
 * before it, so fetching the same session twice yields the same ids and twins stay distinct.
 */
export function normalizeEvents<Item>(
  vendor: string,
  items: readonly Item[],
  options: NormalizeOptions | undefined,
  toDraft: (item: Item, index: number) => EventDraft,
): SessionEvent[] {
  const includeRaw = options?.includeRaw ?? true;
  const skip = options?.onInvalid === "skip";
  const drafts: (EventDraft | undefined)[] = new Array(items.length);
  const vendorIdCounts = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Item;
    try {
      if (item === null || typeof item !== "object" || Array.isArray(item)) {
        throw new InvalidEventError(`expected an object, got ${item === null ? "null" : typeof item}`);
      }
      const draft = toDraft(item, i);
      // Years 0000-9999: what an ISO-8601 `time` with a four-digit year can say.
      if (!Number.isInteger(draft.timestamp) || draft.timestamp < MIN_MS || draft.timestamp > MAX_MS) {
        throw new InvalidEventError("has no valid timestamp");
      }
      drafts[i] = draft;
      if (draft.vendorId) vendorIdCounts.set(draft.vendorId, (vendorIdCounts.get(draft.vendorId) ?? 0) + 1);
    } catch (cause) {
      const message = `event #${i} ${cause instanceof Error ? cause.message : String(cause)}`;
      if (!skip) {
        throw new SessionTrailError({ kind: "invalid_response", vendor, message, cause });
      }
      options?.onWarning?.({ vendor, index: i, message });
    }
  }
  const identities = new Map<string, number>();
  const events: SessionEvent[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const draft = drafts[i];
    if (!draft) continue;
    const { vendorId, timestamp } = draft;
    let id: string;
    if (vendorId && vendorIdCounts.get(vendorId) === 1) {
      id = vendorId;
    } else {
      const seen = identities.get(draft.identity) ?? 0;
      identities.set(draft.identity, seen + 1);
      id = `h_${hash(`${vendor}\u0000${draft.identity}\u0000${seen}`)}`;
    }
    // Fields are copied one by one: object rest/spread per event costs more than the mapping itself.
    const event: SessionEvent = {
      id,
      vendor,
      type: draft.type,
      name: draft.name,
      timestamp,
      time: isoTime(timestamp),
      properties: draft.properties,
    };
    if (draft.sessionId !== undefined) event.sessionId = draft.sessionId;
    if (draft.userId !== undefined) event.userId = draft.userId;
    if (draft.deviceId !== undefined) event.deviceId = draft.deviceId;
    if (draft.page !== undefined) event.page = draft.page;
    if (draft.target !== undefined) event.target = draft.target;
    if (draft.context !== undefined) event.context = draft.context;
    if (includeRaw) event.raw = items[i];
    events.push(event);
  }
  return events;
}

/**
 * Copies a vendor's property map into a plain object. Keys such as `__proto__` stay ordinary own
 * keys: object spread defines them (as Object.fromEntries would, but far faster), where assignment
 * would change the prototype.
 */
export function copyProperties(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return {};
  return { ...(value as Record<string, unknown>) };
}

/** Drops undefined, null and empty-string fields, so optional parts of a SessionEvent are absent, not blank. */
export function compact<T extends object>(
  value: T,
): { [K in keyof T]?: Exclude<T[K], undefined | null> } | undefined {
  const out: Record<string, unknown> = {};
  let any = false;
  // for...in over the literal the caller built: no per-call entries arrays (this runs per event).
  for (const k in value) {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined || v === null || v === "") continue;
    out[k] = v;
    any = true;
  }
  return any ? (out as { [K in keyof T]?: Exclude<T[K], undefined | null> }) : undefined;
}
