// What `sessiontrail verify` never shows or records as it came: API keys and every other registered
// secret, and the personal data a vendor's response holds (emails, user ids, IP addresses) plus what
// the user marks with `--redact`. Replacements keep each value's form (an email stays an email, a
// 12-digit id stays 12 digits) and the same value always gets the same replacement within a run, so
// a recorded body still validates against its schema and still tells which events share a user.
import { isIP } from "node:net";
import { redactSecrets } from "@sessiontrail/core";
import { UsageError } from "../errors.ts";

/** Field names whose value is personal by default, compared without case, `$`, `_`, `-` or `.`. */
const PERSONAL_FIELDS = new Set([
  "email",
  "emailaddress",
  "mail",
  "useremail",
  "userid",
  "uid",
  "username",
  "customerid",
  "distinctid",
  "personid",
  "amplitudeid",
  "anonymousid",
  "useranonymousid",
  "externalid",
  "ip",
  "ipaddress",
  "ipaddr",
  "clientip",
  "remoteip",
  "remoteaddr",
  "xforwardedfor",
]);

/** Objects that are a user (Datadog's `usr`): their `id` is a user id. */
const USER_OBJECTS = new Set(["user", "usr", "person", "customer", "identity"]);

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** Candidates only: `isIP` decides, so a time of day such as `14:30:50` is never taken for IPv6. */
// Not after `word/` (a version: `Chrome/123.0.0.0`) nor inside a longer dotted number (`1.2.3.4.5`).
const IPV4_CANDIDATE = /(?<![\w.]\/|\d\.)\b\d{1,3}(?:\.\d{1,3}){3}\b(?!\.\d)/g;
const IPV6_CANDIDATE = /[0-9A-Fa-f]*:[0-9A-Fa-f:]*(?:\d{1,3}(?:\.\d{1,3}){3})?/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const fieldKey = (name: string) => name.toLowerCase().replace(/[$_.-]/g, "");

/** One `--redact` rule: a JSON pointer (`*` for any key or index) or a field name anywhere. */
type Rule = { pointer: string[] } | { field: string };

/** Parses the `--redact` values; a malformed one is a usage error. */
export function redactRules(values: readonly string[]): Rule[] {
  return values.map((value) => {
    if (value.startsWith("/")) {
      return {
        pointer: value
          .split("/")
          .slice(1)
          .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")),
      };
    }
    if (value.trim() === "" || value.includes("/")) {
      throw new UsageError(
        `--redact takes a JSON pointer or a field name (got ${JSON.stringify(value.slice(0, 40))})`,
        "e.g. --redact /events/*/user_time or --redact device_id",
      );
    }
    return { field: value };
  });
}

export class Redactor {
  private readonly rules: Rule[];
  /** Each value replaced so far and its replacement, so equal values stay equal. */
  private readonly replaced = new Map<string, string | number>();

  constructor(rules: readonly Rule[] = []) {
    this.rules = [...rules];
  }

  /** A copy of a body (or of the value at `path` in one) with secrets and personal data replaced. */
  redact(value: unknown, path: readonly string[] = []): unknown {
    return this.walk(value, path, false);
  }

  /** Whether the value at `path` is personal as a whole: a personal field name or a `--redact` rule. */
  private marked(path: readonly string[]): boolean {
    const name = path.at(-1);
    if (name === undefined) return false;
    const key = fieldKey(name);
    if (PERSONAL_FIELDS.has(key)) return true;
    const parent = path.at(-2);
    if (key === "id" && parent !== undefined && USER_OBJECTS.has(fieldKey(parent))) return true;
    return this.rules.some((rule) =>
      "field" in rule
        ? rule.field === name
        : rule.pointer.length === path.length && rule.pointer.every((s, i) => s === "*" || s === path[i]),
    );
  }

  private walk(value: unknown, path: readonly string[], personal: boolean): unknown {
    const inside = personal || this.marked(path);
    if (Array.isArray(value)) return value.map((item, i) => this.walk(item, [...path, String(i)], inside));
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [
          redactSecrets(key),
          this.walk(item, [...path, key], inside),
        ]),
      );
    }
    if (typeof value === "string") return inside ? this.standIn(value) : this.scrub(value, path.at(-1));
    if (typeof value === "number" && inside) return this.standIn(value);
    return value;
  }

  /**
   * A text with secrets masked, and each email and IP address inside it replaced; a version field
   * (`browser_version: 123.0.0.0`) keeps its dotted numbers.
   */
  private scrub(text: string, field = ""): string {
    const masked = redactSecrets(text).replace(EMAIL, (email) => this.standIn(email) as string);
    if (/version/i.test(field)) return masked;
    return masked
      .replace(IPV4_CANDIDATE, (found) => (isIP(found) === 0 ? found : (this.standIn(found) as string)))
      .replace(IPV6_CANDIDATE, (found) => (isIP(found) === 0 ? found : (this.standIn(found) as string)));
  }

  /** The replacement of one personal value, of the same form, the same each time it is seen. */
  private standIn(value: string | number): string | number {
    const seen = `${typeof value}:${value}`;
    const known = this.replaced.get(seen);
    if (known !== undefined) return known;
    const n = this.replaced.size + 1;
    let out: string | number;
    if (typeof value === "number") {
      const digits = String(Math.trunc(Math.abs(value))).length;
      out = Number.isInteger(value) ? 10 ** Math.max(0, digits - 1) + n : n;
    } else if (new RegExp(`^${EMAIL.source}$`).test(value)) out = `user${n}@example.com`;
    else if (isIP(value) === 4) out = `192.0.2.${(n % 254) + 1}`;
    else if (isIP(value) === 6) out = `2001:db8::${n.toString(16)}`;
    else if (UUID.test(value)) out = `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
    else if (/^\d+$/.test(value)) {
      out =
        value.length === 1
          ? String(n % 10)
          : `1${String(n)
              .padStart(value.length - 1, "0")
              .slice(1 - value.length)}`;
    } else out = value === "" ? "" : `redacted-${n}`;
    // A replacement that happens to be the value would leave it as it was.
    if (out === value && value !== "") out = typeof out === "number" ? out + 1 : `redacted-${n}`;
    this.replaced.set(seen, out);
    return out;
  }
}
