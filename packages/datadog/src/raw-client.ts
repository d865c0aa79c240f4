// Datadog's API to core, and the raw typed client (`@sessiontrail/datadog/raw-client`): the generated
// paths with Datadog's auth and sites, nothing else. client.ts builds `events()` on the same API.
import {
  createVendorClient,
  type FieldIssue,
  type RawClientOptions,
  type VendorDefinition,
  validationError,
} from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";

/**
 * Datadog's sites and the API base URL of each (the spec's `servers`), the default first. A key
 * belongs to one site: use the site your Datadog UI is on (`app.datadoghq.eu` is `datadoghq.eu`).
 */
export const datadogSites = {
  /** US1, the default. */
  "datadoghq.com": "https://api.datadoghq.com",
  /** US3. */
  "us3.datadoghq.com": "https://api.us3.datadoghq.com",
  /** US5. */
  "us5.datadoghq.com": "https://api.us5.datadoghq.com",
  /** EU1. */
  "datadoghq.eu": "https://api.datadoghq.eu",
  /** AP1 (Japan). */
  "ap1.datadoghq.com": "https://api.ap1.datadoghq.com",
  /** AP2 (Australia). */
  "ap2.datadoghq.com": "https://api.ap2.datadoghq.com",
  /** UK1. */
  "uk1.datadoghq.com": "https://api.uk1.datadoghq.com",
  /** US1-FED (GovCloud). */
  "ddog-gov.com": "https://api.ddog-gov.com",
  /** US2-FED. */
  "us2.ddog-gov.com": "https://api.us2.ddog-gov.com",
} as const;

/** A documented Datadog site, e.g. `datadoghq.eu`. */
export type DatadogSite = keyof typeof datadogSites;

/** Options of `createDatadogRawClient`: core's `RawClientOptions`, the application key and the site. */
export interface DatadogRawClientOptions extends RawClientOptions {
  /** The application key (`DD-APPLICATION-KEY`), required for reads; a secret like `apiKey`. */
  applicationKey: string;
  /** The Datadog site (default `datadoghq.com`); or give `baseUrl`, not both. */
  site?: DatadogSite | undefined;
}

/**
 * Datadog's API as core needs it. Reads need both keys: the API key goes out as `DD-API-KEY`, the
 * application key as `DD-APPLICATION-KEY`; both are masked in every error.
 */
export const datadogApi: VendorDefinition<DatadogRawClientOptions> = {
  vendor: "datadog",
  baseUrl: datadogSites["datadoghq.com"],
  authHeaders: ({ apiKey, applicationKey }) => [
    ["DD-API-KEY", apiKey],
    ["DD-APPLICATION-KEY", applicationKey],
  ],
  secrets: ["applicationKey"],
  // No limit is published for RUM search: each response's X-RateLimit-* headers say it, and a 429
  // is waited out for its X-RateLimit-Reset (core).
};

/** The options with the site's base URL: `baseUrl`, else the site's, else (unset) the default site's. */
export function datadogOptions<Options extends DatadogRawClientOptions>(options: Options): Options {
  const site = options?.site;
  if (site === undefined) return options;
  const issues: FieldIssue[] = [];
  if (!Object.hasOwn(datadogSites, site)) {
    issues.push({
      path: "site",
      message: `must be a Datadog site (${Object.keys(datadogSites).join(", ")}); for another host use baseUrl`,
    });
  }
  if (options.baseUrl !== undefined) issues.push({ path: "site", message: "give site or baseUrl, not both" });
  if (issues.length > 0) throw validationError("datadog", issues);
  return { ...options, baseUrl: datadogSites[site] };
}

/** The typed calls of Datadog's API (openapi-fetch), without `events()`. */
export type DatadogRawClient = Client<paths>;

/**
 * A typed client of Datadog's API and nothing more: auth, key and URL checks, manual redirects and a
 * timeout. `createDatadogClient` adds `events()`, `page()`, retries, byte caps and logs.
 */
export function createDatadogRawClient(options: DatadogRawClientOptions): DatadogRawClient {
  return createVendorClient<paths, DatadogRawClientOptions>(datadogApi, datadogOptions(options));
}
