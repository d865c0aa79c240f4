import { createVendorClient, type VendorClientOptions } from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";

/** OpenReplay's documented base URLs (the spec's `servers`). */
export const openReplayServers = {
  cloud: "https://api.openreplay.com/v2",
  /** Self-hosted and dedicated instances serve the public API under `/v2/api` (not `/api/v2`). */
  selfHosted: (domain: string) => `https://${domain}/v2/api`,
} as const;

export type OpenReplayClientOptions = VendorClientOptions;
export type OpenReplayClient = Client<paths>;

/**
 * A typed client for OpenReplay's public API v2. The organization API key goes out as a Bearer
 * token; the project key in the path must belong to the key's organization, or the server says 401.
 */
export function createOpenReplayClient(options: OpenReplayClientOptions): OpenReplayClient {
  return createVendorClient<paths>(
    {
      vendor: "openreplay",
      baseUrl: openReplayServers.cloud,
      authHeader: (apiKey) => ["Authorization", `Bearer ${apiKey}`],
    },
    options,
  );
}
