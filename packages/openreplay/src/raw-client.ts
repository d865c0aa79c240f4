// OpenReplay's API to core, and the raw typed client (`@sessiontrail/openreplay/raw-client`): the generated
// paths with OpenReplay's auth, nothing else. client.ts builds `events()` on the same API.
import { createVendorClient, type RawClientOptions, type VendorDefinition } from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";

/** OpenReplay's documented base URLs (the spec's `servers`). */
export const openReplayServers = {
  /** OpenReplay's cloud, the default. */
  cloud: "https://api.openreplay.com/v2",
  /** Self-hosted and dedicated instances serve the public API under `/v2/api` (not `/api/v2`). */
  selfHosted: (domain: string) => `https://${domain}/v2/api`,
} as const;

/** OpenReplay's API as core needs it. The organization API key goes out as a Bearer token; the project key in a path must belong to the key's organization, or the server says 401. */
export const openReplayApi: VendorDefinition<RawClientOptions> = {
  vendor: "openreplay",
  baseUrl: openReplayServers.cloud,
  authHeader: (apiKey) => ["Authorization", `Bearer ${apiKey}`],
};

/** Options of `createOpenReplayRawClient`: core's `RawClientOptions` (the key, base URL, fetch, headers, timeout). */
export type OpenReplayRawClientOptions = RawClientOptions;

/** The typed calls of OpenReplay's API (openapi-fetch), without `events()`. */
export type OpenReplayRawClient = Client<paths>;

/**
 * A typed client of OpenReplay's API and nothing more: auth, key and URL checks, manual redirects and a
 * timeout. `createOpenReplayClient` adds `events()`, `page()`, retries, rate limits, byte caps and logs.
 */
export function createOpenReplayRawClient(options: OpenReplayRawClientOptions): OpenReplayRawClient {
  return createVendorClient<paths, OpenReplayRawClientOptions>(openReplayApi, options);
}
