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

/**
 * Feeds the parts of an event's identity into its hash, in order; what is hashed is the text the
 * parts would make when written one after the other. No string is built per event.
 */
export interface IdentityHash {
  /** A text part; `undefined` adds nothing (as an empty text). */
  text(value: string | undefined): void;
  /** A number part, as its decimal text (`1748749918204`). */
  number(value: number): void;
}

/**
 * How a vendor's normalizer maps its events; `normalizeEvents` runs it over a response.
 */
export interface EventMapping<Item> {
  /**
   * Builds the SessionEvent of one vendor event with `newEvent`, its `id` being the vendor's own
   * event id or `""` when it has none. Throws an `InvalidEventError` for an event it cannot read.
   * `normalizeEvents` checks the timestamp and fills in `time`, `raw` and missing ids.
   */
  event(item: Item, index: number): SessionEvent;
  /**
   * Feeds what tells this event apart from the others of its response into `hash`, for an event
   * without a vendor id (or whose id is not unique there); the hash becomes its `id`. Only called
   * for those events.
   */
  identity(item: Item, event: SessionEvent, hash: IdentityHash): void;
  /**
   * The start every identity of this response shares (the session, say): hashed once per response
   * rather than once per event.
   */
  identityPrefix?: string;
}

/**
 * A SessionEvent with its required fields, in the order every vendor's events share (so they have
 * one shape, and serialize alike); `time` is filled in by `normalizeEvents`.
 */
export function newEvent(
  vendor: string,
  id: string,
  type: SessionEvent["type"],
  name: string,
  timestamp: number,
  properties: Record<string, unknown>,
): SessionEvent {
  return { id, vendor, type, name, timestamp, time: "", properties };
}

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

// Four 32-bit lanes of a cyrb-style mix (public domain): 128 bits, synchronous, the same in every
// runtime. The lanes live here so that the parts of a hashed text are fed one after the other,
// never concatenated into a string first.
let h1 = 0;
let h2 = 0;
let h3 = 0;
let h4 = 0;

const M1 = 2654435761;
const M2 = 1597334677;
const M3 = 2246822519;
const M4 = 3266489917;

function absorbCode(code: number): void {
  h1 = Math.imul(h1 ^ code, M1);
  h2 = Math.imul(h2 ^ code, M2);
  h3 = Math.imul(h3 ^ code, M3);
  h4 = Math.imul(h4 ^ code, M4);
}

/** absorbCode for every character, with the lanes in locals: the hot loop, ~10% faster per event. */
function absorbText(text: string | undefined): void {
  if (text === undefined) return;
  let a = h1;
  let b = h2;
  let c = h3;
  let d = h4;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, M1);
    b = Math.imul(b ^ code, M2);
    c = Math.imul(c ^ code, M3);
    d = Math.imul(d ^ code, M4);
  }
  h1 = a;
  h2 = b;
  h3 = c;
  h4 = d;
}

const digitCodes = new Int32Array(24);

function absorbNumber(value: number): void {
  if (!Number.isSafeInteger(value)) {
    absorbText(String(value));
    return;
  }
  // The decimal text's character codes, last first, with int32 arithmetic only: epoch
  // milliseconds are split into a high part and nine low digits rather than divided as floats.
  const magnitude = value < 0 ? -value : value;
  let n: number;
  let count = 0;
  if (magnitude >= 2_147_483_648) {
    const high = Math.floor(magnitude / 1e9);
    // `| 0` tells the compiler these are int32s: % and / on doubles are several times slower.
    let low = (magnitude - high * 1e9) | 0;
    for (let k = 0; k < 9; k++) {
      digitCodes[count++] = 48 + (low % 10);
      low = (low / 10) | 0;
    }
    n = high | 0;
  } else {
    n = magnitude | 0;
  }
  do {
    digitCodes[count++] = 48 + (n % 10);
    n = (n / 10) | 0;
  } while (n > 0);
  if (value < 0) digitCodes[count++] = 45; // -
  while (count > 0) absorbCode(digitCodes[--count] as number);
}

const identityHash: IdentityHash = { text: absorbText, number: absorbNumber };

const HEX_CODES = Array.from({ length: 16 }, (_, i) => i.toString(16).charCodeAt(0));

/** The hex digit of `lane` at bit `shift`, as a character code. */
const hex = (lane: number, shift: number) => HEX_CODES[(lane >>> shift) & 15] as number;

/**
 * `h_` and the 32 hex digits of four lanes, as one flat string: a single fromCharCode call is
 * several times faster than a loop into an array, and concatenation leaves a chain of pieces that
 * costs more when the id is first compared or serialized.
 */
function hexId(a: number, b: number, c: number, d: number): string {
  // biome-ignore format: one lane per line
  return String.fromCharCode(
    104, 95,
    hex(a, 28), hex(a, 24), hex(a, 20), hex(a, 16), hex(a, 12), hex(a, 8), hex(a, 4), hex(a, 0),
    hex(b, 28), hex(b, 24), hex(b, 20), hex(b, 16), hex(b, 12), hex(b, 8), hex(b, 4), hex(b, 0),
    hex(c, 28), hex(c, 24), hex(c, 20), hex(c, 16), hex(c, 12), hex(c, 8), hex(c, 4), hex(c, 0),
    hex(d, 28), hex(d, 24), hex(d, 20), hex(d, 16), hex(d, 12), hex(d, 8), hex(d, 4), hex(d, 0),
  );
}

/**
 * Counts events per identity, keyed by 64 bits of the identity's hash: an open-addressing table of
 * int32s, several times cheaper per event than a Map or Set keyed by strings.
 */
class TwinCounter {
  private readonly keys: Int32Array;
  private readonly counts: Int32Array;
  /** `expected`: at most this many identities are counted, so the table stays at most half full. */
  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Int32Array(capacity * 2);
    this.counts = new Int32Array(capacity);
  }

  /** How many times `(a, b)` was counted before; counts it once more. */
  next(a: number, b: number): number {
    const slot = this.slotOf(a, b);
    const count = this.counts[slot] as number;
    this.counts[slot] = count + 1;
    if (count > 0) return count;
    this.keys[slot * 2] = a;
    this.keys[slot * 2 + 1] = b;
    return 0;
  }

  /** The slot holding `(a, b)`, or the free slot where it goes. */
  private slotOf(a: number, b: number): number {
    const { keys, counts } = this;
    const mask = counts.length - 1;
    let slot = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    while (counts[slot] !== 0 && (keys[slot * 2] !== a || keys[slot * 2 + 1] !== b)) slot = (slot + 1) & mask;
    return slot;
  }
}

/**
 * Makes ids `h_` + 32 hex digits: the hash of `${vendor}\0${identity}\0${n}`, where n counts the
 * earlier events of the response with the same identity. Twins (the same action twice in one
 * millisecond) get distinct ids, and fetching the response again gives the same ones.
 */
function idMaker<Item>(vendor: string, mapping: EventMapping<Item>, expected: number) {
  // The lanes after the vendor and the identity prefix, which every id of the response starts with.
  h1 = 0xdeadbeef;
  h2 = 0x41c6ce57;
  h3 = 0x9e3779b9;
  h4 = 0x85ebca6b;
  absorbText(vendor);
  absorbCode(0);
  absorbText(mapping.identityPrefix);
  const s1 = h1;
  const s2 = h2;
  const s3 = h3;
  const s4 = h4;
  const twins = new TwinCounter(expected);
  return (item: Item, event: SessionEvent): string => {
    h1 = s1;
    h2 = s2;
    h3 = s3;
    h4 = s4;
    mapping.identity(item, event, identityHash);
    absorbCode(0);
    absorbNumber(twins.next(h1, h2));
    const f1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    const f2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h3 ^ (h3 >>> 13), 3266489909);
    const f3 = Math.imul(h3 ^ (h3 >>> 16), 2246822507) ^ Math.imul(h4 ^ (h4 >>> 13), 3266489909);
    const f4 = Math.imul(h4 ^ (h4 >>> 16), 2246822507) ^ Math.imul(f1 ^ (f1 >>> 13), 3266489909);
    return hexId(f1, f2, f3, f4);
  };
}

/**
 * The loop every vendor normalizer shares: maps each vendor event, handles invalid ones as the
 * caller chose, and gives every event a stable id. Ids are the vendor's where present and unique in
 * the response; otherwise a hash of the event's identity and of how many identical events came
 * before it, so fetching the same session twice yields the same ids and twins stay distinct.
 *
 * One pass, building each SessionEvent once: this runs for every event a user reads.
 */
export function normalizeEvents<Item>(
  vendor: string,
  items: readonly Item[],
  options: NormalizeOptions | undefined,
  mapping: EventMapping<Item>,
): SessionEvent[] {
  const includeRaw = options?.includeRaw ?? true;
  const skip = options?.onInvalid === "skip";
  const events: SessionEvent[] = [];
  // The item of each event, once an item was skipped (until then, event j is item j).
  let sources: number[] | undefined;
  const vendorIds = new Set<string>();
  let repeated: Set<string> | undefined;
  // Made at the first event without a usable vendor id: many responses have none.
  let hashedId: ((item: Item, event: SessionEvent) => string) | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Item;
    let event: SessionEvent;
    try {
      if (item === null || typeof item !== "object" || Array.isArray(item)) {
        throw new InvalidEventError(`expected an object, got ${item === null ? "null" : typeof item}`);
      }
      event = mapping.event(item, i);
      // Years 0000-9999: what an ISO-8601 `time` with a four-digit year can say.
      const t = event.timestamp;
      if (!Number.isInteger(t) || t < MIN_MS || t > MAX_MS)
        throw new InvalidEventError("has no valid timestamp");
    } catch (cause) {
      const message = `event #${i} ${cause instanceof Error ? cause.message : String(cause)}`;
      if (!skip) throw new SessionTrailError({ kind: "invalid_response", vendor, message, cause });
      options?.onWarning?.({ vendor, index: i, message });
      sources ??= Array.from({ length: events.length }, (_, j) => j);
      continue;
    }
    event.time = isoTime(event.timestamp);
    if (event.id === "") {
      hashedId ??= idMaker(vendor, mapping, items.length);
      event.id = hashedId(item, event);
    } else {
      const known = vendorIds.size;
      if (vendorIds.add(event.id).size === known) {
        repeated ??= new Set();
        repeated.add(event.id);
      }
    }
    if (includeRaw) event.raw = item;
    sources?.push(i);
    events.push(event);
  }
  if (repeated) {
    // Rare: a vendor id that is not unique in the response. Its events are hashed too, and all
    // hashed ids are made again in response order, so twins are counted as if known from the start.
    hashedId = idMaker(vendor, mapping, items.length);
    for (let j = 0; j < events.length; j++) {
      const event = events[j] as SessionEvent;
      const index = sources ? (sources[j] as number) : j;
      const item = items[index] as Item;
      const own = mapping.event(item, index).id;
      if (own === "" || repeated.has(own)) event.id = hashedId(item, event);
    }
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
