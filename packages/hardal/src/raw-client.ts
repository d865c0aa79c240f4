// Hardal's API to core, and the raw typed client (`@sessiontrail/hardal/raw-client`): the generated
// paths with Hardal's auth, nothing else. client.ts builds `events()` on the same API.
import { createVendorClient, type RawClientOptions, type VendorDefinition } from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";

/** Hardal's documented base URLs (the spec's `servers`). */
export const hardalServers = {
  /** Hardal's API, the default. */
  production: "https://app.usehardal.com",
} as const;

/** Hardal's API as core needs it. The key goes out as a Bearer token. */
export const hardalApi: VendorDefinition<RawClientOptions> = {
  vendor: "hardal",
  baseUrl: hardalServers.production,
  authHeader: (apiKey) => ["Authorization", `Bearer ${apiKey}`],
  // "100 requests per minute per API key" (docs.usehardal.com/en/analytics/api, Rate Limits): kept
  // by clients with events(), raw calls on them included; raw clients do not throttle.
  rateLimit: { requests: 100, perMs: 60_000 },
};

/** Options of `createHardalRawClient`: core's `RawClientOptions` (the key, base URL, fetch, headers, timeout). */
export type HardalRawClientOptions = RawClientOptions;

/** The typed calls of Hardal's API (openapi-fetch), without `events()`. */
export type HardalRawClient = Client<paths>;

/**
 * A typed client of Hardal's API and nothing more: auth, key and URL checks, manual redirects and a
 * timeout. `createHardalClient` adds `events()`, `page()`, retries, rate limits, byte caps and logs.
 */
export function createHardalRawClient(options: HardalRawClientOptions): HardalRawClient {
  return createVendorClient<paths, HardalRawClientOptions>(hardalApi, options);
}
