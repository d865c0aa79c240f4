// The module's two caches memoize answers that never depend on call order (a formatter per zone,
// a zone's offset per quarter hour), so a re-entrant or interleaved call cannot make them wrong.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether `zone` is an IANA time zone this runtime knows (`Europe/Istanbul`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The offset of `zone` at `epochMs` (second resolution), asked of Intl: exact, and slow (~µs). */
function exactOffsetMs(epochMs: number, zone: string): number {
  let bc = false;
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(epochMs))) {
    if (p.type === "era") bc = p.value === "BC";
    else if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  // Intl counts years 1 BC, 2 BC... where ISO counts 0, -1...; Date.UTC would read 0-99 as 19xx.
  const year = bc ? 1 - (parts.year ?? 1) : (parts.year ?? 0);
  const asUtc =
    daysFromCivil(year, parts.month ?? 1, parts.day ?? 1) * 86_400_000 +
    ((parts.hour ?? 0) * 3600 + (parts.minute ?? 0) * 60 + (parts.second ?? 0)) * 1000;
  return asUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

// Offsets of each zone by quarter hour of UTC. A quarter is cached only when the offset is the same
// at its first and last millisecond, so a quarter holding a DST change is always asked of Intl:
// the cache never answers differently from it. The events of one session share a few quarters.
const QUARTER_MS = 900_000;
const offsetCache = new Map<string, Map<number, number>>();

/** The offset of `zone` from UTC at the instant `epochMs`, in milliseconds (east positive). */
export function zoneOffsetMs(epochMs: number, zone: string): number {
  if (zone === "UTC" || zone === "Etc/UTC") return 0;
  let quarters = offsetCache.get(zone);
  if (!quarters) {
    quarters = new Map();
    offsetCache.set(zone, quarters);
  }
  const quarter = Math.floor(epochMs / QUARTER_MS);
  const known = quarters.get(quarter);
  if (known !== undefined) return known;
  const start = quarter * QUARTER_MS;
  const first = exactOffsetMs(start, zone);
  if (first !== exactOffsetMs(start + QUARTER_MS - 1, zone)) return exactOffsetMs(epochMs, zone);
  if (quarters.size >= 4096) quarters.clear();
  quarters.set(quarter, first);
  return first;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Character codes the scanner and the formatter compare and write.
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const HYPHEN = 45;
const PLUS = 43;
const COLON = 58;
const DOT = 46;
const COMMA = 44;
const SPACE_CHAR = 32;
const UPPER_T = 84;
const LOWER_T = 116;
const UPPER_Z = 90;
const LOWER_Z = 122;

const WHITESPACE = /\s/;

/** What `readTimestamp` found: the instant, and whether the text stated its offset. */
export interface TimestampReading {
  /** Epoch milliseconds, UTC. */
  epochMs: number;
  /** True when the text had no offset (`Z`, `+03:00`...), so the zone passed in was assumed. */
  zoneAssumed: boolean;
}

/** The value of the two digits of `text` at `at`, or -1. */
function twoDigitsAt(text: string, at: number): number {
  const a = text.charCodeAt(at) - DIGIT_0;
  const b = text.charCodeAt(at + 1) - DIGIT_0;
  // Written so that NaN (past the end) fails too.
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

// A hand-written scanner rather than a regular expression: it runs once per event of three
// vendors, and a match array with nine substrings plus two Date objects cost more than parsing the
// event's JSON. The grammar is that of the expression below, which the tests compare it against:
// /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i
// on the trimmed text. Its cursor `at` is a local: nothing of one parse outlives it or is shared.
/** Epoch milliseconds of `input`, or NaN; sets `reading.zoneAssumed` when given. */
function scanTimestamp(input: string, zone: string, reading?: TimestampReading): number {
  const text = input.trim();
  const end = text.length;
  let at = 0;
  const century = twoDigitsAt(text, at);
  const yy = century < 0 ? -1 : twoDigitsAt(text, at + 2);
  at += 4;
  if (yy < 0 || text.charCodeAt(at++) !== HYPHEN) return Number.NaN;
  const year = century * 100 + yy;
  const month = twoDigitsAt(text, at);
  at += 2;
  if (month < 1 || month > 12 || text.charCodeAt(at++) !== HYPHEN) return Number.NaN;
  const day = twoDigitsAt(text, at);
  at += 2;
  if (day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  let msOfDay = 0;
  let c = text.charCodeAt(at);
  // A time: [T ]HH:MM, then :SS, then a fraction. Without HH:MM after it, the T or space is not
  // a time's (as the expression would backtrack): only spaces and an offset may follow.
  if ((c === UPPER_T || c === LOWER_T || c === SPACE_CHAR) && text.charCodeAt(at + 3) === COLON) {
    const hour = twoDigitsAt(text, at + 1);
    const minute = hour < 0 ? -1 : twoDigitsAt(text, at + 4);
    if (minute >= 0) {
      if (hour > 23 || minute > 59) return Number.NaN;
      at += 6;
      msOfDay = hour * 3_600_000 + minute * 60_000;
      if (text.charCodeAt(at) === COLON) {
        const second = twoDigitsAt(text, at + 1);
        if (second < 0 || second > 59) return Number.NaN;
        at += 3;
        msOfDay += second * 1000;
        c = text.charCodeAt(at);
        if (c === DOT || c === COMMA) {
          at++;
          let digits = 0;
          let ms = 0;
          for (let d = text.charCodeAt(at); d >= DIGIT_0 && d <= DIGIT_9; d = text.charCodeAt(++at)) {
            if (digits < 3) ms = ms * 10 + (d - DIGIT_0);
            digits++;
          }
          if (digits === 0) return Number.NaN;
          msOfDay += digits === 1 ? ms * 100 : digits === 2 ? ms * 10 : ms;
        }
      }
    }
  }
  while (at < end && WHITESPACE.test(text.charAt(at))) at++;
  const wall = daysFromCivil(year, month, day) * 86_400_000 + msOfDay;
  if (at === end) {
    if (reading) reading.zoneAssumed = true;
    // Wall-clock time in a zone: start from the zone's offset near that time, then correct once
    // for a DST change between the guess and the answer.
    if (zone === "UTC") return wall;
    const first = wall - zoneOffsetMs(wall, zone);
    const second = wall - zoneOffsetMs(first, zone);
    return Math.min(first, second);
  }
  c = text.charCodeAt(at++);
  if (c === UPPER_Z || c === LOWER_Z) return at === end ? wall : Number.NaN;
  if (c !== PLUS && c !== HYPHEN) return Number.NaN;
  const offHours = twoDigitsAt(text, at);
  if (offHours < 0) return Number.NaN;
  at += 2;
  let offMinutes = 0;
  if (at < end) {
    if (text.charCodeAt(at) === COLON) at++;
    offMinutes = twoDigitsAt(text, at);
    if (offMinutes < 0 || at + 2 !== end) return Number.NaN;
  }
  if (offHours > 23 || offMinutes > 59) return Number.NaN;
  return wall - (c === HYPHEN ? -1 : 1) * (offHours * 60 + offMinutes) * 60_000;
}

/**
 * Parses a vendor's timestamp text into epoch milliseconds (UTC).
 * - An offset (`Z`, `+03:00`, `+0300`, `+03`) is honoured.
 * - Without one, the wall-clock time is read in `zone` (an IANA zone; UTC by default), the
 *   earlier instant when a DST change makes it ambiguous.
 * - A bare date is midnight in that zone. Fractions beyond milliseconds are truncated.
 * Returns `undefined` for anything that is not a real date and time.
 */
export function parseTimestamp(input: string, zone = "UTC"): number | undefined {
  const epochMs = scanTimestamp(input, zone);
  return Number.isNaN(epochMs) ? undefined : epochMs;
}

/**
 * `parseTimestamp`, also telling whether the text stated its offset or `zone` was assumed (for
 * `SessionEvent.timeZoneAssumed`). `undefined` for anything that is not a real date and time.
 */
export function readTimestamp(input: string, zone = "UTC"): TimestampReading | undefined {
  const reading: TimestampReading = { epochMs: Number.NaN, zoneAssumed: false };
  reading.epochMs = scanTimestamp(input, zone, reading);
  return Number.isNaN(reading.epochMs) ? undefined : reading;
}

const MS_PER_DAY = 86_400_000;
// Days from 1970-01-01 of 0000-01-01 and 9999-12-31: the years an ISO `time` with four digits says.
const FIRST_FOUR_DIGIT_DAY = -719_528;
const LAST_FOUR_DIGIT_DAY = 2_932_896;

/**
 * Formats instants as ISO-8601 UTC with milliseconds, as in `SessionEvent.time`, for years
 * 0000-9999. Integer arithmetic into one flat string instead of `Date#toISOString`, which alone
 * costs twice as much as JSON.parse of a small event (and instead of concatenation, which leaves a
 * chain of pieces). Each formatter keeps the date characters of the last day it formatted (the
 * events of a session fall on a day or two), so make one per run of instants rather than sharing one.
 */
export class IsoTimeFormatter {
  private day = Number.NaN;
  private y1 = 0;
  private y2 = 0;
  private y3 = 0;
  private y4 = 0;
  private m1 = 0;
  private m2 = 0;
  private d1 = 0;
  private d2 = 0;

  /** Sets the cached date characters to those of a day since 1970-01-01 (Hinnant's civil_from_days). */
  private cacheDay(days: number): void {
    const z = days + 719_468;
    const era = Math.floor(z / 146_097);
    const doe = z - era * 146_097;
    const yoe = Math.floor(
      (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
    );
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const month = mp < 10 ? mp + 3 : mp - 9;
    const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    this.y1 = DIGIT_0 + Math.floor(year / 1000);
    this.y2 = DIGIT_0 + (Math.floor(year / 100) % 10);
    this.y3 = DIGIT_0 + (Math.floor(year / 10) % 10);
    this.y4 = DIGIT_0 + (year % 10);
    this.m1 = DIGIT_0 + Math.floor(month / 10);
    this.m2 = DIGIT_0 + (month % 10);
    this.d1 = DIGIT_0 + Math.floor(day / 10);
    this.d2 = DIGIT_0 + (day % 10);
    this.day = days;
  }

  /** `epochMs` (epoch milliseconds, UTC) as `2024-04-03T17:06:12.290Z`. */
  format(epochMs: number): string {
    const days = Math.floor(epochMs / MS_PER_DAY);
    // Outside years 0000-9999, or not a whole millisecond: the slow, general way.
    if (!(days >= FIRST_FOUR_DIGIT_DAY && days <= LAST_FOUR_DIGIT_DAY) || !Number.isInteger(epochMs)) {
      return new Date(epochMs).toISOString();
    }
    if (days !== this.day) this.cacheDay(days);
    let rest = epochMs - days * MS_PER_DAY;
    const h = Math.floor(rest / 3_600_000);
    rest -= h * 3_600_000;
    const m = Math.floor(rest / 60_000);
    rest -= m * 60_000;
    const s = Math.floor(rest / 1000);
    rest -= s * 1000;
    // biome-ignore format: the date, then the time of day
    return String.fromCharCode(
      this.y1, this.y2, this.y3, this.y4, HYPHEN, this.m1, this.m2, HYPHEN, this.d1, this.d2,
      UPPER_T,
      DIGIT_0 + Math.floor(h / 10), DIGIT_0 + (h % 10), COLON,
      DIGIT_0 + Math.floor(m / 10), DIGIT_0 + (m % 10), COLON,
      DIGIT_0 + Math.floor(s / 10), DIGIT_0 + (s % 10), DOT,
      DIGIT_0 + Math.floor(rest / 100), DIGIT_0 + (Math.floor(rest / 10) % 10), DIGIT_0 + (rest % 10),
      UPPER_Z,
    );
  }
}

/**
 * ISO-8601 UTC with milliseconds, as in `SessionEvent.time`, for years 0000-9999 (`Date#toISOString`
 * beyond them). For many instants in a row, an `IsoTimeFormatter` of their own is faster.
 */
export function isoTime(epochMs: number): string {
  return new IsoTimeFormatter().format(epochMs);
}
