import { createVendorClient, type VendorClientOptions } from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";

/** Hardal's documented base URLs (the spec's `servers`). */
export const hardalServers = {
  production: "https://app.usehardal.com",
} as const;

export type HardalClientOptions = VendorClientOptions;
export type HardalClient = Client<paths>;

/** A typed client for Hardal's session activity API; the key goes out as a Bearer token. */
export function createHardalClient(options: HardalClientOptions): HardalClient {
  return createVendorClient<paths>(
    {
      vendor: "hardal",
      baseUrl: hardalServers.production,
      authHeader: (apiKey) => ["Authorization", `Bearer ${apiKey}`],
    },
    options,
  );
}
