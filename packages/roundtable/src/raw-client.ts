// Roundtable's API to core, and the raw typed client (`@sessiontrail/roundtable/raw-client`): the generated
// paths with Roundtable's auth, nothing else. client.ts builds `events()` on the same API.
import { createVendorClient, type RawClientOptions, type VendorDefinition } from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";

/** Roundtable's documented base URLs (the spec's `servers`). */
export const roundtableServers = {
  /** Roundtable's API, the default. */
  production: "https://api.roundtable.ai",
} as const;

/** Roundtable's API as core needs it. The secret key goes out as a Bearer token. */
export const roundtableApi: VendorDefinition<RawClientOptions> = {
  vendor: "roundtable",
  baseUrl: roundtableServers.production,
  authHeader: (apiKey) => ["Authorization", `Bearer ${apiKey}`],
};

/** Options of `createRoundtableRawClient`: core's `RawClientOptions` (the key, base URL, fetch, headers, timeout). */
export type RoundtableRawClientOptions = RawClientOptions;

/** The typed calls of Roundtable's API (openapi-fetch), without `events()`. */
export type RoundtableRawClient = Client<paths>;

/**
 * A typed client of Roundtable's API and nothing more: auth, key and URL checks, manual redirects and a
 * timeout. `createRoundtableClient` adds `events()`, `page()`, retries, rate limits, byte caps and logs.
 */
export function createRoundtableRawClient(options: RoundtableRawClientOptions): RoundtableRawClient {
  return createVendorClient<paths, RoundtableRawClientOptions>(roundtableApi, options);
}
