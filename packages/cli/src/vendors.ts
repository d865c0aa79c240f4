// What the CLI knows of its vendors, all derived from the descriptors in registry.ts: names, settings,
// hints, mock values, and how one call becomes a client, an `events()` query and stream options.
import {
  type AnyVendorDescriptor,
  connectionSettings,
  type EventStreamOptions,
  type Logger,
  type PageOptions,
  type VendorEventsClient,
  type VendorQueryInput,
} from "@sessiontrail/core";
import { vendorDescriptors } from "./registry.ts";

/** The short name of a vendor the CLI ships with, e.g. `fullstory`: its argument and its variables' part. */
export type VendorName = (typeof vendorDescriptors)[number]["name"];

/** Every vendor the CLI ships with, in the documented order. */
export const vendorNames: readonly VendorName[] = vendorDescriptors.map((d) => d.name);

/** Whether `name` is one of `vendorNames`. */
export function isVendorName(name: string): name is VendorName {
  return (vendorNames as readonly string[]).includes(name);
}

/** A setting of some vendor: one of core's `connectionSettings` or of a descriptor's `settings`. */
export type Setting = AnyVendorDescriptor["settings"][number];

export function descriptorOf(vendor: VendorName): AnyVendorDescriptor {
  return vendorDescriptors.find((d) => d.name === vendor) as AnyVendorDescriptor;
}

/** The settings of a vendor that only it has (OpenReplay's project key), not the key and base URL. */
export const ownSettings = (vendor: VendorName): readonly Setting[] => descriptorOf(vendor).settings;

/** Every setting a vendor takes: the key and base URL first, then its own. */
export const settingsOf = (vendor: VendorName): readonly Setting[] => [
  ...connectionSettings,
  ...ownSettings(vendor),
];

/** Values the spec examples use: the ids the Prism mocks answer to, and the examples in --help. */
export const mockDefaults = Object.fromEntries(
  vendorDescriptors.map((d) => [d.name, { id: d.mock.id, ...d.mock.settings }]),
) as Record<
  VendorName,
  {
    /** The id the vendor's mock answers to. */
    readonly id: string;
    /** The example value of each of the vendor's own settings, by key. */
    readonly [setting: string]: string;
  }
>;

/** `SESSIONTRAIL_<VENDOR>_<NAME>`, e.g. `SESSIONTRAIL_FULLSTORY_API_KEY`. */
export const envName = (vendor: VendorName, name: string) => `SESSIONTRAIL_${vendor.toUpperCase()}_${name}`;

/**
 * The variables that point the CLI at mocks of the specs: each vendor's base URL, a dummy key (Prism
 * accepts any non-empty one), and the example value of each vendor setting.
 */
export function mockEnvironment(
  baseUrls: Partial<Record<VendorName, string>>,
): [name: string, value: string][] {
  const vendors = vendorNames.filter((v) => baseUrls[v] !== undefined);
  return [
    ...vendors.flatMap((v): [string, string][] => [
      [envName(v, "BASE_URL"), baseUrls[v] as string],
      [envName(v, "API_KEY"), "mock"],
    ]),
    ...vendors.flatMap((v) =>
      ownSettings(v).flatMap((s): [string, string][] => {
        const example = mockDefaults[v][s.key];
        return example === undefined ? [] : [[envName(v, s.env), example]];
      }),
    ),
  ];
}

/** The hint for a setting a client refused or missed: which flag or variable sets it, and what it takes. */
export function settingHint(vendor: VendorName, key: string, flags?: readonly string[]): string | undefined {
  const setting = settingsOf(vendor).find((s) => s.key === key);
  if (setting === undefined) return undefined;
  const rule = setting.hint === undefined ? "" : ` (${setting.hint})`;
  const env = envName(vendor, setting.env);
  // Name the flag only where the command has it (`timeline` reads keys and base URLs from variables).
  return flags === undefined || flags.includes(setting.flag)
    ? `pass ${setting.flag} or set ${env}${rule}`
    : `set ${env}${rule}`;
}

/** Everything one vendor call needs, already resolved from flags and environment. */
export interface VendorCall {
  /** The vendor's API key (`--api-key`, `SESSIONTRAIL_<VENDOR>_API_KEY`). */
  apiKey: string;
  /** Another server than the vendor's production one, e.g. a mock (`--base-url`). */
  baseUrl?: string;
  /** Extra request headers (`--header`). */
  headers?: Record<string, string>;
  /** The vendor's own settings by key (OpenReplay's `projectKey`), as its descriptor names them. */
  settings?: Record<string, string>;
  /** The window's start, epoch milliseconds (`--since`). */
  since?: number;
  /** The window's end, epoch milliseconds (`--until`). */
  until?: number;
  /** The IANA time zone asked for, for vendors that render timestamps in one (`--timezone`). */
  timezone?: string;
  /** Events per page, for vendors that page (`--page-size`). */
  pageSize?: number;
  /** Stop after this many events (`--max-events`). */
  maxEvents?: number;
  /** Pages fetched ahead (`--concurrency`). */
  concurrency?: number;
  /** Each request's timeout in milliseconds (`--timeout`). */
  timeoutMs?: number;
  /** Attempts per request, the first included (`--retries` plus one). */
  maxAttempts?: number;
  /** Keep each vendor event in `raw` (`--with-raw`); default false. */
  includeRaw?: boolean;
  /** Send the key over plain http off loopback (`--allow-insecure-base-url`). */
  allowInsecureBaseUrl?: boolean;
}

/** What a command adds to a client: `--verbose`'s logger, or `verify`'s recording fetch. */
export interface ClientExtras {
  logger?: Logger | undefined;
  fetch?: ((request: Request, init?: RequestInit) => Promise<Response>) | undefined;
}

/** A client of the vendor, made with the call's key, base URL, headers and client settings. */
export function clientOf(
  vendor: VendorName,
  call: VendorCall,
  { logger, fetch }: ClientExtras = {},
): VendorEventsClient<unknown> {
  const descriptor = descriptorOf(vendor);
  const clientSettings = Object.fromEntries(
    descriptor.settings.flatMap((s) =>
      s.in === "client" && call.settings?.[s.key] !== undefined ? [[s.key, call.settings[s.key]]] : [],
    ),
  );
  return descriptor.create({
    apiKey: call.apiKey,
    ...(call.baseUrl !== undefined ? { baseUrl: call.baseUrl } : {}),
    ...(call.headers !== undefined ? { headers: call.headers } : {}),
    ...(call.allowInsecureBaseUrl === true ? { allowInsecureBaseUrl: true } : {}),
    ...(logger === undefined ? {} : { logger }),
    ...(fetch === undefined ? {} : { fetch }),
    ...clientSettings,
  });
}

/** The `events()` query of the vendor for this id and call. */
export function queryOf(vendor: VendorName, id: string, call: VendorCall): unknown {
  const input: VendorQueryInput = {
    id,
    settings: call.settings ?? {},
    ...(call.since !== undefined ? { since: call.since } : {}),
    ...(call.until !== undefined ? { until: call.until } : {}),
    ...(call.timezone !== undefined ? { timeZone: call.timezone } : {}),
  };
  return descriptorOf(vendor).toQuery(input);
}

export const streamOptionsOf = (call: VendorCall): EventStreamOptions => ({
  includeRaw: call.includeRaw ?? false,
  ...(call.pageSize !== undefined ? { pageSize: call.pageSize } : {}),
  ...(call.maxEvents !== undefined ? { maxEvents: call.maxEvents } : {}),
  ...(call.concurrency !== undefined ? { concurrency: call.concurrency } : {}),
  ...(call.timeoutMs !== undefined ? { timeoutMs: call.timeoutMs } : {}),
  ...(call.maxAttempts !== undefined ? { retry: { maxAttempts: call.maxAttempts } } : {}),
});

/** The options of `page()`: the stream's, without those that only a stream of many pages has. */
export const pageOptionsOf = (call: VendorCall): PageOptions => {
  const { concurrency: _concurrency, maxEvents: _maxEvents, ...options } = streamOptionsOf(call);
  return options;
};

/** `A`, `A and B`, `A, B and C`. */
export function listOf(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
