import { SessionTrailError } from "./errors.ts";
import type { SessionEvent, SessionEventContext } from "./event.ts";
import { isRecord, text } from "./guards.ts";
import { excerpt } from "./redact.ts";
import { IsoTimeFormatter } from "./time.ts";

/** How a normalizer (`normalizeFullStoryEvents`, `normalizeEvents`) treats the events it reads. */
export interface NormalizeOptions {
  /** Keep the untouched vendor event in `raw`. Default true. */
  includeRaw?: boolean | undefined;
  /**
   * An event that cannot be normalized (no usable timestamp, not an object): `"throw"` a
   * `SessionTrailError` of kind `invalid_response` (default), or `"skip"` it and report a warning.
   */
  onInvalid?: "throw" | "skip" | undefined;
  /** Receives a warning for each skipped event. Without it, skipped events are still counted nowhere else. */
  onWarning?: ((warning: NormalizeWarning) => void) | undefined;
  /**
   * Hashed ids of one session read page by page: pass the same scope to the `normalizeEvents` call
   * of every page, in order, and the ids are those one call over all pages together would give
   * (twins split across a page boundary stay distinct). Pages must be in ascending time, as an
   * `EventStream` ensures. Without it, each call counts twins on its own.
   */
  ids?: EventIdScope | undefined;
}

/** A vendor event a normalizer left out (`onInvalid: "skip"`, a duplicate), and why. */
export interface NormalizeWarning {
  /** The vendor whose event it was. */
  vendor: string;
  /** Position of the event in the vendor's list. */
  index: number;
  /** Why it was left out. */
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
   * for those events. It must include the event's instant (its timestamp, or the text it was read
   * from): an `EventIdScope` relies on equal identities having equal timestamps.
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
  /** Always `"InvalidEventError"`, so the class reads in a log. */
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

const M1 = 2654435761;
const M2 = 1597334677;
const M3 = 2246822519;
const M4 = 3266489917;
const SEED1 = 0xdeadbeef;
const SEED2 = 0x41c6ce57;
const SEED3 = 0x9e3779b9;
const SEED4 = 0x85ebca6b;
// The final avalanche's multipliers (murmur3's fmix constants).
const F1 = 2246822507;
const F2 = 3266489909;

const NUL = 0;
const DIGIT_0 = 48;
const MINUS = 45;
const LOWER_H = 104;
const UNDERSCORE = 95;
const HEX_CODES = /* @__PURE__ */ Array.from({ length: 16 }, (_, i) => i.toString(16).charCodeAt(0));

/** The hex digit of `lane` at bit `shift`, as a character code. */
const hex = (lane: number, shift: number) => HEX_CODES[(lane >>> shift) & 15] as number;

/**
 * Four 32-bit lanes of a cyrb-style mix (public domain): 128 bits, synchronous, the same in every
 * runtime. The parts of a hashed text are fed one after the other, never concatenated into a
 * string first. One hasher per `normalizeEvents` call, so a call made from inside another (a
 * callback that normalizes) never mixes into the outer call's lanes.
 */
class IdHasher implements IdentityHash {
  h1 = SEED1;
  h2 = SEED2;
  h3 = SEED3;
  h4 = SEED4;
  /** The decimal digits of a number, last first. */
  private readonly digits = new Int32Array(24);

  code(code: number): void {
    this.h1 = Math.imul(this.h1 ^ code, M1);
    this.h2 = Math.imul(this.h2 ^ code, M2);
    this.h3 = Math.imul(this.h3 ^ code, M3);
    this.h4 = Math.imul(this.h4 ^ code, M4);
  }

  /** `code` for every character, with the lanes in locals: the hot loop, ~10% faster per event. */
  text(value: string | undefined): void {
    if (value === undefined) return;
    let a = this.h1;
    let b = this.h2;
    let c = this.h3;
    let d = this.h4;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      a = Math.imul(a ^ code, M1);
      b = Math.imul(b ^ code, M2);
      c = Math.imul(c ^ code, M3);
      d = Math.imul(d ^ code, M4);
    }
    this.h1 = a;
    this.h2 = b;
    this.h3 = c;
    this.h4 = d;
  }

  number(value: number): void {
    if (!Number.isSafeInteger(value)) {
      this.text(String(value));
      return;
    }
    // The decimal text's character codes, last first, with int32 arithmetic only: epoch
    // milliseconds are split into a high part and nine low digits rather than divided as floats.
    const { digits } = this;
    const magnitude = value < 0 ? -value : value;
    let n: number;
    let count = 0;
    if (magnitude >= 2_147_483_648) {
      const high = Math.floor(magnitude / 1e9);
      // `| 0` tells the compiler these are int32s: % and / on doubles are several times slower.
      let low = (magnitude - high * 1e9) | 0;
      for (let k = 0; k < 9; k++) {
        digits[count++] = DIGIT_0 + (low % 10);
        low = (low / 10) | 0;
      }
      n = high | 0;
    } else {
      n = magnitude | 0;
    }
    do {
      digits[count++] = DIGIT_0 + (n % 10);
      n = (n / 10) | 0;
    } while (n > 0);
    if (value < 0) digits[count++] = MINUS;
    while (count > 0) this.code(digits[--count] as number);
  }

  /** Puts the lanes back to a state saved earlier. */
  restore(a: number, b: number, c: number, d: number): void {
    this.h1 = a;
    this.h2 = b;
    this.h3 = c;
    this.h4 = d;
  }

  /**
   * `h_` and the 32 hex digits of the mixed lanes, as one flat string: a single fromCharCode call
   * is several times faster than a loop into an array, and concatenation leaves a chain of pieces
   * that costs more when the id is first compared or serialized.
   */
  id(): string {
    const { h1, h2, h3, h4 } = this;
    const a = Math.imul(h1 ^ (h1 >>> 16), F1) ^ Math.imul(h2 ^ (h2 >>> 13), F2);
    const b = Math.imul(h2 ^ (h2 >>> 16), F1) ^ Math.imul(h3 ^ (h3 >>> 13), F2);
    const c = Math.imul(h3 ^ (h3 >>> 16), F1) ^ Math.imul(h4 ^ (h4 >>> 13), F2);
    const d = Math.imul(h4 ^ (h4 >>> 16), F1) ^ Math.imul(a ^ (a >>> 13), F2);
    // biome-ignore format: one lane per line
    return String.fromCharCode(
      LOWER_H, UNDERSCORE,
      hex(a, 28), hex(a, 24), hex(a, 20), hex(a, 16), hex(a, 12), hex(a, 8), hex(a, 4), hex(a, 0),
      hex(b, 28), hex(b, 24), hex(b, 20), hex(b, 16), hex(b, 12), hex(b, 8), hex(b, 4), hex(b, 0),
      hex(c, 28), hex(c, 24), hex(c, 20), hex(c, 16), hex(c, 12), hex(c, 8), hex(c, 4), hex(c, 0),
      hex(d, 28), hex(d, 24), hex(d, 20), hex(d, 16), hex(d, 12), hex(d, 8), hex(d, 4), hex(d, 0),
    );
  }
}

/**
 * Counts events per identity, keyed by 64 bits of the identity's hash: an open-addressing table of
 * int32s, several times cheaper per event than a Map or Set keyed by strings. Each identity's
 * instant is kept beside it, so those of the latest instant can be carried to the next page.
 */
class TwinCounter {
  private readonly keys: Int32Array;
  private readonly counts: Int32Array;
  private readonly instants: Float64Array;
  /** `expected`: at most this many identities are counted, so the table stays at most half full. */
  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Int32Array(capacity * 2);
    this.counts = new Int32Array(capacity);
    this.instants = new Float64Array(capacity);
  }

  /** How many times `(a, b)` was counted before; counts it once more. */
  next(a: number, b: number, instant: number): number {
    const slot = this.slotOf(a, b);
    const count = this.counts[slot] as number;
    this.counts[slot] = count + 1;
    if (count > 0) return count;
    this.keys[slot * 2] = a;
    this.keys[slot * 2 + 1] = b;
    this.instants[slot] = instant;
    return 0;
  }

  /** Counts `(a, b)` as seen `count` times already (at `instant`): twins carried from an earlier page. */
  seed(a: number, b: number, instant: number, count: number): void {
    const slot = this.slotOf(a, b);
    this.keys[slot * 2] = a;
    this.keys[slot * 2 + 1] = b;
    this.instants[slot] = instant;
    this.counts[slot] = count;
  }

  /** The identities counted at `instant`, as flat `[a, b, count, ...]` triples. */
  countsAt(instant: number): number[] {
    const { keys, counts, instants } = this;
    const out: number[] = [];
    for (let slot = 0; slot < counts.length; slot++) {
      const count = counts[slot] as number;
      if (count > 0 && instants[slot] === instant)
        out.push(keys[slot * 2] as number, keys[slot * 2 + 1] as number, count);
    }
    return out;
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

/** What an `EventIdScope` carries from one call to the next. */
class CarriedTwins {
  /** The latest instant of the pages so far; -Infinity before the first. */
  instant = Number.NEGATIVE_INFINITY;
  /** Identities seen at `instant`: flat `[a, b, count, ...]` triples of hash keys and counts. */
  twins: readonly number[] = [];

  /** How many identities are carried: the next call's table makes room for them. */
  get size(): number {
    return this.twins.length / 3;
  }

  copyFrom(other: CarriedTwins): void {
    this.instant = other.instant;
    // Never changed in place, only replaced: sharing the array is safe.
    this.twins = other.twins;
  }

  seedInto(counter: TwinCounter): void {
    const { twins, instant } = this;
    for (let k = 0; k < twins.length; k += 3) {
      counter.seed(twins[k] as number, twins[k + 1] as number, instant, twins[k + 2] as number);
    }
  }

  /** Ends a call: `latest` is its latest instant, `counter` its twins (if it hashed any event). */
  advance(latest: number, counter: TwinCounter | undefined): void {
    const instant = Math.max(latest, this.instant);
    if (counter) this.twins = counter.countsAt(instant);
    else if (instant !== this.instant) this.twins = [];
    this.instant = instant;
  }
}

/**
 * Twin counts that carry over from one `normalizeEvents` call to the next, for a session read page
 * by page: pass the same scope (`options.ids`) to the call of every page, in order. Pages come in
 * ascending time and an identity includes its instant, so only identities at the latest instant
 * seen can recur on a later page: the scope keeps those alone, and its size does not grow with the
 * session. A call that throws leaves the scope as it was.
 *
 * Vendor ids are not tracked across pages: one that comes back on a later page is the same event
 * served again, which `mergeTimelines` drops.
 */
export class EventIdScope {
  private readonly carried = new CarriedTwins();

  /** A copy that goes on independently: taken at a page's start, it lets that page be read again. */
  clone(): EventIdScope {
    const copy = new EventIdScope();
    copy.carried.copyFrom(this.carried);
    return copy;
  }
}

function carriedOf(scope: EventIdScope): CarriedTwins {
  // biome-ignore lint/complexity/useLiteralKeys: an index is how TypeScript lets this module reach the private field.
  return scope["carried"];
}

/**
 * Makes ids `h_` + 32 hex digits: the hash of `${vendor}\0${identity}\0${n}`, where n counts the
 * earlier events of the response (and of the scope's earlier pages) with the same identity. Twins
 * (the same action twice in one millisecond) get distinct ids, and fetching the response again
 * gives the same ones.
 */
class IdMaker<Item> {
  private readonly hasher = new IdHasher();
  readonly twins: TwinCounter;
  private readonly s1: number;
  private readonly s2: number;
  private readonly s3: number;
  private readonly s4: number;

  private readonly mapping: EventMapping<Item>;

  constructor(
    vendor: string,
    mapping: EventMapping<Item>,
    expected: number,
    scope: EventIdScope | undefined,
  ) {
    this.mapping = mapping;
    // The lanes after the vendor and the identity prefix, which every id of the response starts with.
    const { hasher } = this;
    hasher.text(vendor);
    hasher.code(NUL);
    hasher.text(mapping.identityPrefix);
    this.s1 = hasher.h1;
    this.s2 = hasher.h2;
    this.s3 = hasher.h3;
    this.s4 = hasher.h4;
    if (scope) {
      const carried = carriedOf(scope);
      this.twins = new TwinCounter(expected + carried.size);
      carried.seedInto(this.twins);
    } else {
      this.twins = new TwinCounter(expected);
    }
  }

  id(item: Item, event: SessionEvent): string {
    const { hasher } = this;
    hasher.restore(this.s1, this.s2, this.s3, this.s4);
    this.mapping.identity(item, event, hasher);
    hasher.code(NUL);
    hasher.number(this.twins.next(hasher.h1, hasher.h2, event.timestamp));
    return hasher.id();
  }
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
  const scope = options?.ids;
  const times = new IsoTimeFormatter();
  const events: SessionEvent[] = [];
  // The item of each event, once an item was skipped (until then, event j is item j).
  let sources: number[] | undefined;
  const vendorIds = new Set<string>();
  let repeated: Set<string> | undefined;
  // Made at the first event without a usable vendor id: many responses have none.
  let ids: IdMaker<Item> | undefined;
  let latest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Item;
    let event: SessionEvent;
    try {
      if (!isRecord(item)) {
        throw new InvalidEventError(`expected an object, got ${item === null ? "null" : typeof item}`);
      }
      event = mapping.event(item, i);
      // Years 0000-9999: what an ISO-8601 `time` with a four-digit year can say.
      const t = event.timestamp;
      if (!Number.isInteger(t) || t < MIN_MS || t > MAX_MS)
        throw new InvalidEventError("has no valid timestamp");
    } catch (cause) {
      // Bounded and redacted: a mapping's message may quote a vendor value of any size.
      const message = `event #${i} ${excerpt(cause instanceof Error ? cause.message : String(cause))}`;
      if (!skip) throw new SessionTrailError({ kind: "invalid_response", vendor, message, cause });
      options?.onWarning?.({ vendor, index: i, message });
      sources ??= Array.from({ length: events.length }, (_, j) => j);
      continue;
    }
    if (event.timestamp > latest) latest = event.timestamp;
    event.time = times.format(event.timestamp);
    if (event.id === "") {
      ids ??= new IdMaker(vendor, mapping, items.length, scope);
      event.id = ids.id(item, event);
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
    ids = new IdMaker(vendor, mapping, items.length, scope);
    for (let j = 0; j < events.length; j++) {
      const event = events[j] as SessionEvent;
      const index = sources ? (sources[j] as number) : j;
      const item = items[index] as Item;
      const own = mapping.event(item, index).id;
      if (own === "" || repeated.has(own)) event.id = ids.id(item, event);
    }
  }
  if (scope) carriedOf(scope).advance(latest, ids?.twins);
  return events;
}

/**
 * Copies a vendor's property map into a plain object. Keys such as `__proto__` stay ordinary own
 * keys: object spread defines them (as Object.fromEntries would, but far faster), where assignment
 * would change the prototype.
 */
export function copyProperties(value: unknown): Record<string, unknown> {
  return isRecord(value) ? { ...value } : {};
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

/** UTM parameters, as `SessionEvent.context.campaign` holds them. */
type SessionEventCampaign = NonNullable<SessionEventContext["campaign"]>;

/**
 * The campaign of an event whose properties carry the standard UTM keys (`utm_source`,
 * `utm_medium`, `utm_campaign`, `utm_term`, `utm_content`), as PostHog, Hardal and Amplitude send
 * them; undefined when none is a non-empty string.
 */
export function utmCampaign(properties: Record<string, unknown>): SessionEventCampaign | undefined {
  const { utm_source, utm_medium, utm_campaign, utm_term, utm_content } = properties;
  // Most events carry no UTM key: answer those without building an object.
  if (
    utm_source === undefined &&
    utm_medium === undefined &&
    utm_campaign === undefined &&
    utm_term === undefined &&
    utm_content === undefined
  ) {
    return undefined;
  }
  return compact({
    source: text(utm_source),
    medium: text(utm_medium),
    name: text(utm_campaign),
    term: text(utm_term),
    content: text(utm_content),
  });
}
