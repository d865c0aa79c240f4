// The CLI's flags and how they resolve into one vendor call. Vendor settings and the query flags come
// from the descriptors: a flag appears once however many vendors share it.
import { type AnyVendorDescriptor, connectionSettings, registerSecret } from "@sessiontrail/core";
import { type Command, InvalidArgumentError } from "commander";
import { MissingSettings, UsageError } from "./errors.ts";
import { shorten } from "./format.ts";
import { vendorDescriptors } from "./registry.ts";
import {
  descriptorOf,
  envName,
  isVendorName,
  listOf,
  ownSettings,
  type Setting,
  settingHint,
  settingsOf,
  type VendorCall,
  type VendorName,
  vendorNames,
} from "./vendors.ts";

/** What commander parsed: the fixed flags, and one attribute per vendor setting flag. */
export interface Options {
  json?: boolean;
  ndjson?: boolean;
  table?: boolean;
  html?: string;
  withRaw?: boolean;
  since?: number;
  until?: number;
  timezone?: string;
  pageSize?: number;
  maxEvents?: number;
  concurrency?: number;
  timeout?: number;
  retries?: number;
  header?: Record<string, string>;
  /** False with `--no-color`. */
  color?: boolean;
  /** `timeline --strict`: print nothing when any vendor fails. */
  strict?: boolean;
  allowInsecureBaseUrl?: boolean;
  /** `--verbose`: each request, response, retry, wait and page on stderr. */
  verbose?: boolean;
  /** Setting flags, by commander's attribute name (`--project-key` is `projectKey`). */
  [setting: string]: unknown;
}

/** The most pages a stream fetches ahead (core's limit). */
const MAX_CONCURRENCY = 16;

/** Commander's attribute name of a flag: `--project-key` is `projectKey`. */
export const attributeOf = (flag: string) =>
  flag.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

function positiveInt(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError("must be a positive integer.");
  }
  return Number(value);
}

function nonNegativeInt(value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError("must be a whole number, 0 or more.");
  }
  return Number(value);
}

/** ISO 8601 date-time (or date) or epoch milliseconds. */
function instant(value: string): number {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const ms = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new InvalidArgumentError("expected an ISO date-time (2024-04-03T17:06:12Z) or epoch milliseconds.");
  }
  return ms;
}

function header(value: string, previous: Record<string, string> | undefined): Record<string, string> {
  const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):\s*(.*)$/.exec(value);
  if (!match) throw new InvalidArgumentError('expected "Name: value", e.g. "Prefer: code=401".');
  return { ...previous, [match[1] as string]: match[2] as string };
}

const paged = vendorDescriptors.filter((d) => d.query.pages !== undefined);
const zoned = vendorDescriptors.filter((d) => d.query.timeZone !== undefined);

export function addOutputOptions(command: Command): Command {
  return command
    .option("--json", "print one JSON array")
    .option("--ndjson", "print one JSON event per line (the default when stdout is not a terminal)")
    .option("--table", "print a table (the default on a terminal)")
    .option("--html <file>", "also write the events as a self-contained HTML timeline page")
    .option("--with-raw", "keep each vendor's untouched event in `raw` (JSON, NDJSON, HTML)")
    .option("--no-color", "no colour in the table (also NO_COLOR=1; FORCE_COLOR=1 forces it)");
}

/** One setting flag and the vendors whose settings it sets. */
export interface SettingFlag {
  flag: string;
  value: string;
  uses: { descriptor: AnyVendorDescriptor; setting: Setting }[];
}

/** Each vendor's own settings, grouped by flag: vendors that share a flag share one option. */
export function settingFlags(descriptors: readonly AnyVendorDescriptor[] = vendorDescriptors): SettingFlag[] {
  const flags = new Map<string, SettingFlag>();
  for (const descriptor of descriptors) {
    for (const setting of descriptor.settings) {
      const entry = flags.get(setting.flag) ?? { flag: setting.flag, value: setting.value, uses: [] };
      entry.uses.push({ descriptor, setting });
      flags.set(setting.flag, entry);
    }
  }
  return [...flags.values()];
}

/** The vendor flags; `connection` adds the key and base URL, which only single-vendor commands take. */
export function addVendorOptions(command: Command, connection: boolean): Command {
  if (connection) {
    for (const setting of connectionSettings) {
      // An optional connection setting falls back to the vendor's production value.
      const otherwise = setting.required === true ? "" : ", else production";
      command.option(
        `${setting.flag} <${setting.value}>`,
        `${setting.description} (default: $SESSIONTRAIL_<VENDOR>_${setting.env}${otherwise})`,
      );
    }
  }
  for (const { flag, value, uses } of settingFlags()) {
    const what = uses.map((u) => `${u.descriptor.label} ${u.setting.description}`).join(", ");
    const defaults = uses
      .map((u) => `$${envName(u.descriptor.name as VendorName, u.setting.env)}`)
      .join(", ");
    command.option(`${flag} <${value}>`, `${what} (default: ${defaults})`);
  }
  command
    .option("--since <time>", "only events at or after this ISO date-time or epoch ms", instant)
    .option("--until <time>", "only events at or before this ISO date-time or epoch ms", instant);
  if (zoned.length > 0) {
    const labels = zoned.map((d) => d.label);
    const defaults = [...new Set(zoned.map((d) => d.query.timeZone?.default))].join(" or ");
    command.option(
      "--timezone <zone>",
      `IANA zone ${listOf(labels)} render${labels.length === 1 ? "s its" : " their"} timestamps in (default ${defaults})`,
    );
  }
  if (paged.length > 0) {
    const ranges = paged.map((d) => `${d.label} ${d.query.pages?.min}-${d.query.pages?.max}`).join(", ");
    command.option("--page-size <n>", `events per page (${ranges})`, positiveInt);
  }
  command.option("--max-events <n>", "stop after this many events per vendor", positiveInt);
  command.option("--verbose", "print each request, response, retry, wait and page to stderr (never a key)");
  if (paged.length > 0) {
    command.option(
      "--concurrency <n>",
      `pages fetched ahead at once, 1-${MAX_CONCURRENCY} (${paged.map((d) => d.label).join(", ")}; default 1)`,
      positiveInt,
    );
  }
  return command
    .option("--timeout <ms>", "time limit of each request, headers and body (default 30000)", positiveInt)
    .option(
      "--retries <n>",
      "retries of a request after a 429, 5xx, timeout or dropped connection; 0: none (default 3)",
      nonNegativeInt,
    )
    .option(
      "--header <header>",
      'extra request header, repeatable (e.g. "Prefer: code=404" makes a Prism mock answer a status its spec documents)',
      header,
    )
    .option(
      "--allow-insecure-base-url",
      "allow a plain http: base URL off loopback (the key then travels unencrypted)",
    );
}

/** The hint for a query or stream field a client refused, by the flag that sets it. */
export function fieldHint(vendor: VendorName, field: string): string | undefined {
  const { label, query } = descriptorOf(vendor);
  switch (field) {
    case "timezone":
    case "timeZone":
      return "--timezone takes an IANA zone such as UTC or Europe/Istanbul";
    case "pageSize":
      return `--page-size takes a positive integer${query.pages ? ` (${label}: ${query.pages.min}-${query.pages.max})` : ""}`;
    case "concurrency":
      return `--concurrency takes an integer 1-${MAX_CONCURRENCY}`;
    case "since":
    case "until":
      return `--since and --until take an ISO date-time or epoch ms${query.window ? `; ${label} needs ${query.window.rule}` : ""}`;
    default:
      return undefined;
  }
}

export function vendorOf(name: string): VendorName {
  if (!isVendorName(name)) {
    throw new UsageError(
      `unknown vendor ${JSON.stringify(shorten(name))}`,
      `choose one of: ${vendorNames.join(", ")}`,
    );
  }
  return name;
}

const envValue = (env: Record<string, string | undefined>, name: string) => {
  const value = env[name];
  return value === undefined || value.trim() === "" ? undefined : value;
};

/** The long flags a command takes, so hints name only those. */
export const longFlags = (command: Command): string[] =>
  command.options.flatMap((o) => (o.long === undefined ? [] : [o.long]));

/** Refuses a window that ends before it starts: no vendor could have an event inside it. */
export function checkWindow(options: Options): void {
  const { since, until } = options;
  if (since !== undefined && until !== undefined && since > until) {
    throw new UsageError(
      `--since (${new Date(since).toISOString()}) is after --until (${new Date(until).toISOString()})`,
      "swap the two values, or drop one of them",
    );
  }
}

/**
 * The calls for the given vendors, flags first, then `SESSIONTRAIL_<VENDOR>_*` variables; every
 * missing required setting of every vendor is reported at once. `flags` are the command's own.
 */
export function resolveCalls(
  vendors: readonly VendorName[],
  options: Options,
  env: Record<string, string | undefined>,
  flags: readonly string[],
): VendorCall[] {
  const missing: MissingSettings["missing"] = [];
  const calls = vendors.map((vendor) => {
    const values: Record<string, string> = {};
    for (const setting of settingsOf(vendor)) {
      const flagValue = options[attributeOf(setting.flag)] as string | undefined;
      const value = flagValue ?? envValue(env, envName(vendor, setting.env));
      // A secret is masked before anything could print it.
      if (setting.secret === true && value !== undefined && value.trim() !== "") registerSecret(value);
      if (setting.required === true && (value === undefined || value.trim() === "")) {
        missing.push({
          vendor,
          what: setting.description,
          hint: settingHint(vendor, setting.key, flags) ?? "",
        });
      }
      if (value !== undefined) values[setting.key] = value;
    }
    return callOf(values, options);
  });
  if (missing.length > 0) throw new MissingSettings(missing);
  return calls;
}

function callOf(values: Record<string, string>, options: Options): VendorCall {
  const { apiKey, baseUrl, ...settings } = values;
  const defined = <T>(key: string, value: T | undefined) => (value === undefined ? {} : { [key]: value });
  return {
    apiKey: apiKey as string,
    includeRaw: options.withRaw === true,
    ...defined("baseUrl", baseUrl),
    ...defined("headers", options.header),
    ...(Object.keys(settings).length > 0 ? { settings } : {}),
    ...defined("since", options.since),
    ...defined("until", options.until),
    ...defined("timezone", options.timezone),
    ...defined("pageSize", options.pageSize),
    ...defined("maxEvents", options.maxEvents),
    ...defined("concurrency", options.concurrency),
    ...defined("timeoutMs", options.timeout),
    // --retries counts the attempts after the first; the library counts them all.
    ...defined("maxAttempts", options.retries === undefined ? undefined : options.retries + 1),
    ...(options.allowInsecureBaseUrl === true ? { allowInsecureBaseUrl: true } : {}),
  };
}

/**
 * One note per given flag that none of the vendors uses (`--page-size` for FullStory alone), so a
 * flag is never dropped without a word. `onePage`: the command reads one page (`raw`).
 */
export function ignoredFlagNotes(
  vendors: readonly VendorName[],
  options: Options,
  onePage = false,
): string[] {
  const who = listOf(vendors);
  const paged = (v: VendorName) => descriptorOf(v).query.pages !== undefined;
  const notes: [flag: string, given: boolean, used: (v: VendorName) => boolean, why: string][] = [
    [
      "--page-size",
      options.pageSize !== undefined,
      paged,
      `${who} serve${vendors.length === 1 ? "s" : ""} a session in one response`,
    ],
    [
      "--concurrency",
      options.concurrency !== undefined,
      (v) => !onePage && paged(v),
      onePage ? "raw reads one page" : `${who} do${vendors.length === 1 ? "es" : ""} not page`,
    ],
    ["--max-events", options.maxEvents !== undefined, () => !onePage, "raw reads one page"],
    [
      "--timezone",
      options.timezone !== undefined,
      (v) => descriptorOf(v).query.timeZone !== undefined,
      "no time zone is asked for",
    ],
    ...settingFlags().map(({ flag, uses }): [string, boolean, (v: VendorName) => boolean, string] => [
      flag,
      options[attributeOf(flag)] !== undefined,
      (v) => ownSettings(v).some((s) => s.flag === flag),
      `a setting of ${listOf(uses.map((u) => u.descriptor.name))}`,
    ]),
  ];
  return notes
    .filter(([, given, used]) => given && !vendors.some(used))
    .map(([flag, , , why]) => `${flag} does nothing for ${who} (${why}); ignored`);
}
