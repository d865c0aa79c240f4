const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

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

/** The offset of `zone` from UTC at the instant `epochMs`, in milliseconds (east positive). */
export function zoneOffsetMs(epochMs: number, zone: string): number {
  if (zone === "UTC" || zone === "Etc/UTC") return 0;
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(epochMs))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour,
    parts.minute,
    parts.second,
  );
  return asUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

/**
 * Parses a vendor's timestamp text into epoch milliseconds (UTC).
 * - An offset (`Z`, `+03:00`, `+0300`, `+03`) is honoured.
 * - Without one, the wall-clock time is read in `zone` (an IANA zone; UTC by default), the
 *   earlier instant when a DST change makes it ambiguous.
 * - A bare date is midnight in that zone. Fractions beyond milliseconds are truncated.
 * Returns `undefined` for anything that is not a real date and time.
 */
export function parseTimestamp(text: string, zone = "UTC"): number | undefined {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "", offset] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  const ms = Number(frac.slice(0, 3).padEnd(3, "0"));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
  // Date.UTC reads years 0-99 as 1900-1999; set the year on its own.
  date.setUTCFullYear(year, month - 1, day);
  const wall = date.getTime();
  // Date.UTC rolls Feb 31 over into March: reject dates that do not exist.
  if (new Date(wall).getUTCDate() !== day) return undefined;
  if (offset) {
    if (offset.toUpperCase() === "Z") return wall;
    const sign = offset.startsWith("-") ? -1 : 1;
    const digits = offset.slice(1).replace(":", "");
    const offHours = Number(digits.slice(0, 2));
    const offMinutes = Number(digits.slice(2) || "0");
    if (offHours > 23 || offMinutes > 59) return undefined;
    return wall - sign * (offHours * 60 + offMinutes) * 60_000;
  }
  // Wall-clock time in a zone: start from the zone's offset near that time, then correct once
  // for a DST change between the guess and the answer.
  const first = wall - zoneOffsetMs(wall, zone);
  const second_ = wall - zoneOffsetMs(first, zone);
  return Math.min(first, second_);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/**
 * ISO-8601 UTC with milliseconds, as in `SessionEvent.time`. Integer civil-date arithmetic (Howard
 * Hinnant's days-to-civil) instead of `Date#toISOString`, which costs more than parsing the event.
 */
export function isoTime(epochMs: number): string {
  const days = Math.floor(epochMs / 86_400_000);
  if (days < -719_162 || days > 2_932_896) return new Date(epochMs).toISOString(); // outside years 1-9999
  let msOfDay = epochMs - days * 86_400_000;
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
  const h = Math.floor(msOfDay / 3_600_000);
  msOfDay -= h * 3_600_000;
  const m = Math.floor(msOfDay / 60_000);
  msOfDay -= m * 60_000;
  const sec = Math.floor(msOfDay / 1000);
  const ms = msOfDay - sec * 1000;
  const y = year < 1000 ? String(year).padStart(4, "0") : String(year);
  return `${y}-${pad2(month)}-${pad2(day)}T${pad2(h)}:${pad2(m)}:${pad2(sec)}.${pad3(ms)}Z`;
}
