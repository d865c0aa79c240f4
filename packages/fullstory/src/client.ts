import { createVendorClient, type VendorClientOptions } from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";

/**
 * FullStory's documented base URLs (the spec's `servers`). `api.fullstory.com` routes to the key's
 * data center on its own; `eu1` keys may also be sent to the EU host directly.
 */
export const fullStoryServers = {
  production: "https://api.fullstory.com",
  eu1: "https://api.eu1.fullstory.com",
} as const;

export type FullStoryClientOptions = VendorClientOptions;
export type FullStoryClient = Client<paths>;

/**
 * A typed client for FullStory's session events. The key goes out as `Authorization: Basic <key>`,
 * verbatim: FullStory's scheme is an API key after the word Basic, not base64 user:password.
 */
export function createFullStoryClient(options: FullStoryClientOptions): FullStoryClient {
  return createVendorClient<paths>(
    {
      vendor: "fullstory",
      baseUrl: fullStoryServers.production,
      authHeader: (apiKey) => ["Authorization", `Basic ${apiKey}`],
    },
    options,
  );
}
