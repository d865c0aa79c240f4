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

// A hand-written scanner rather than a regular expression: it runs once per event of three
// vendors, and a match array with nine substrings plus two Date objects cost more than parsing the
// event's JSON. The grammar is that of the expression below, which the tests compare it against:
// /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i
// on the trimmed text.
let at = 0;

/** The value of the two digits at `at` (advancing past them), or -1. */
function twoDigits(text: string): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  // Written so that NaN (past the end) fails too.
  if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9)) return -1;
  at += 2;
  return a * 10 + b;
}

const SPACE = /\s/;

/**
 * Parses a vendor's timestamp text into epoch milliseconds (UTC).
 * - An offset (`Z`, `+03:00`, `+0300`, `+03`) is honoured.
 * - Without one, the wall-clock time is read in `zone` (an IANA zone; UTC by default), the
 *   earlier instant when a DST change makes it ambiguous.
 * - A bare date is midnight in that zone. Fractions beyond milliseconds are truncated.
 * Returns `undefined` for anything that is not a real date and time.
 */
export function parseTimestamp(input: string, zone = "UTC"): number | undefined {
  const text = input.trim();
  const end = text.length;
  at = 0;
  const century = twoDigits(text);
  const yy = century < 0 ? -1 : twoDigits(text);
  if (yy < 0 || text.charCodeAt(at++) !== 45 /* - */) return undefined;
  const year = century * 100 + yy;
  const month = twoDigits(text);
  if (month < 1 || month > 12 || text.charCodeAt(at++) !== 45) return undefined;
  const day = twoDigits(text);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  let msOfDay = 0;
  let c = text.charCodeAt(at);
  // A time: [T ]HH:MM, then :SS, then a fraction. Without HH:MM after it, the T or space is not
  // a time's (as the expression would backtrack): only spaces and an offset may follow.
  if ((c === 84 || c === 116 || c === 32) && text.charCodeAt(at + 3) === 58 /* : */) {
    const from = at;
    at++;
    const hour = twoDigits(text);
    at++; // the colon checked above
    const minute = hour < 0 ? -1 : twoDigits(text);
    if (minute < 0) {
      at = from;
    } else {
      if (hour > 23 || minute > 59) return undefined;
      msOfDay = hour * 3_600_000 + minute * 60_000;
      if (text.charCodeAt(at) === 58) {
        at++;
        const second = twoDigits(text);
        if (second < 0 || second > 59) return undefined;
        msOfDay += second * 1000;
        c = text.charCodeAt(at);
        if (c === 46 /* . */ || c === 44 /* , */) {
          at++;
          let digits = 0;
          let ms = 0;
          for (let d = text.charCodeAt(at) - 48; d >= 0 && d <= 9; d = text.charCodeAt(++at) - 48) {
            if (digits < 3) ms = ms * 10 + d;
            digits++;
          }
          if (digits === 0) return undefined;
          msOfDay += digits === 1 ? ms * 100 : digits === 2 ? ms * 10 : ms;
        }
      }
    }
  }
  while (at < end && SPACE.test(text.charAt(at))) at++;
  const wall = daysFromCivil(year, month, day) * 86_400_000 + msOfDay;
  if (at === end) {
    // Wall-clock time in a zone: start from the zone's offset near that time, then correct once
    // for a DST change between the guess and the answer.
    if (zone === "UTC") return wall;
    const first = wall - zoneOffsetMs(wall, zone);
    const second = wall - zoneOffsetMs(first, zone);
    return Math.min(first, second);
  }
  c = text.charCodeAt(at++);
  if (c === 90 || c === 122 /* Z z */) return at === end ? wall : undefined;
  if (c !== 43 && c !== 45 /* + - */) return undefined;
  const offHours = twoDigits(text);
  if (offHours < 0) return undefined;
  let offMinutes = 0;
  if (at < end) {
    if (text.charCodeAt(at) === 58) at++;
    offMinutes = twoDigits(text);
    if (offMinutes < 0 || at !== end) return undefined;
  }
  if (offHours > 23 || offMinutes > 59) return undefined;
  return wall - (c === 45 ? -1 : 1) * (offHours * 60 + offMinutes) * 60_000;
}

// The date part's characters, computed once per day: the events of a session fall on a day or two.
let cachedDay = Number.NaN;
let y1 = 0;
let y2 = 0;
let y3 = 0;
let y4 = 0;
let m1 = 0;
let m2 = 0;
let d1 = 0;
let d2 = 0;

/** Sets the cached date characters to those of a day since 1970-01-01 (Hinnant's civil_from_days). */
function cacheDay(days: number): void {
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
  y1 = 48 + Math.floor(year / 1000);
  y2 = 48 + (Math.floor(year / 100) % 10);
  y3 = 48 + (Math.floor(year / 10) % 10);
  y4 = 48 + (year % 10);
  m1 = 48 + Math.floor(month / 10);
  m2 = 48 + (month % 10);
  d1 = 48 + Math.floor(day / 10);
  d2 = 48 + (day % 10);
  cachedDay = days;
}

/**
 * ISO-8601 UTC with milliseconds, as in `SessionEvent.time`, for years 0000-9999. Integer
 * arithmetic into one flat string instead of `Date#toISOString`, which alone costs twice as much as
 * JSON.parse of a small event (and instead of concatenation, which leaves a chain of pieces).
 */
export function isoTime(epochMs: number): string {
  const days = Math.floor(epochMs / 86_400_000);
  // Outside years 0000-9999, or not a whole millisecond: the slow, general way.
  if (!(days >= -719_528 && days <= 2_932_896) || !Number.isInteger(epochMs)) {
    return new Date(epochMs).toISOString();
  }
  if (days !== cachedDay) cacheDay(days);
  let rest = epochMs - days * 86_400_000;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  rest -= s * 1000;
  return String.fromCharCode(
    y1,
    y2,
    y3,
    y4,
    45, // -
    m1,
    m2,
    45,
    d1,
    d2,
    84, // T
    48 + Math.floor(h / 10),
    48 + (h % 10),
    58, // :
    48 + Math.floor(m / 10),
    48 + (m % 10),
    58,
    48 + Math.floor(s / 10),
    48 + (s % 10),
    46, // .
    48 + Math.floor(rest / 100),
    48 + (Math.floor(rest / 10) % 10),
    48 + (rest % 10),
    90, // Z
  );
}
