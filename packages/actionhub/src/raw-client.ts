// ActionHub's API to core, and the raw typed client (`@sessiontrail/actionhub/raw-client`): the generated
// paths with ActionHub's auth, nothing else. client.ts builds `events()` on the same API.
import { createVendorClient, type RawClientOptions, type VendorDefinition } from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";

/** ActionHub's documented base URLs (the spec's `servers`). */
export const actionHubServers = {
  /** ActionHub's API, the default. */
  production: "https://api.actionhub.ai",
} as const;

/** ActionHub's API as core needs it. The key goes out in the `actionhub-key` header. */
export const actionHubApi: VendorDefinition<RawClientOptions> = {
  vendor: "actionhub",
  baseUrl: actionHubServers.production,
  authHeader: (apiKey) => ["actionhub-key", apiKey],
};

/** Options of `createActionHubRawClient`: core's `RawClientOptions` (the key, base URL, fetch, headers, timeout). */
export type ActionHubRawClientOptions = RawClientOptions;

/** The typed calls of ActionHub's API (openapi-fetch), without `events()`. */
export type ActionHubRawClient = Client<paths>;

/**
 * A typed client of ActionHub's API and nothing more: auth, key and URL checks, manual redirects and a
 * timeout. `createActionHubClient` adds `events()`, `page()`, retries, rate limits, byte caps and logs.
 */
export function createActionHubRawClient(options: ActionHubRawClientOptions): ActionHubRawClient {
  return createVendorClient<paths, ActionHubRawClientOptions>(actionHubApi, options);
}
