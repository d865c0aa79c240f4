// FullStory's API to core, and the raw typed client (`@sessiontrail/fullstory/raw-client`): the
// generated paths with FullStory's auth, nothing else. client.ts builds `events()` on the same API.
import { createVendorClient, type RawClientOptions, type VendorDefinition } from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";

/**
 * FullStory's documented base URLs (the spec's `servers`). `api.fullstory.com` routes to the key's
 * data center on its own; `eu1` keys may also be sent to the EU host directly.
 */
export const fullStoryServers = {
  /** The default: routes each key to its data center. */
  production: "https://api.fullstory.com",
  /** The EU data center, for `eu1` keys. */
  eu1: "https://api.eu1.fullstory.com",
} as const;

/**
 * FullStory's API as core needs it. The key goes out as `Authorization: Basic <key>`, verbatim:
 * FullStory's scheme is an API key after the word Basic, not base64 user:password.
 */
export const fullStoryApi: VendorDefinition<RawClientOptions> = {
  vendor: "fullstory",
  baseUrl: fullStoryServers.production,
  authHeader: (apiKey) => ["Authorization", `Basic ${apiKey}`],
};

/** Options of `createFullStoryRawClient`: core's `RawClientOptions` (the key, base URL, fetch, headers, timeout). */
export type FullStoryRawClientOptions = RawClientOptions;

/** The typed calls of FullStory's API (openapi-fetch), without `events()`. */
export type FullStoryRawClient = Client<paths>;

/**
 * A typed client of FullStory's API and nothing more: auth, base URL and key checks, manual
 * redirects and a timeout, in ~3.9 kB. `createFullStoryClient` adds `events()`, `page()`, retries,
 * rate limits, byte caps and logs.
 */
export function createFullStoryRawClient(options: FullStoryRawClientOptions): FullStoryRawClient {
  return createVendorClient<paths, FullStoryRawClientOptions>(fullStoryApi, options);
}
