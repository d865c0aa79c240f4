import { createVendorClient, type VendorClientOptions } from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";

/** Roundtable's documented base URLs (the spec's `servers`). */
export const roundtableServers = {
  production: "https://api.roundtable.ai",
} as const;

export type RoundtableClientOptions = VendorClientOptions;
export type RoundtableClient = Client<paths>;

/** A typed client for Roundtable's session-events API; the secret key goes out as a Bearer token. */
export function createRoundtableClient(options: RoundtableClientOptions): RoundtableClient {
  return createVendorClient<paths>(
    {
      vendor: "roundtable",
      baseUrl: roundtableServers.production,
      authHeader: (apiKey) => ["Authorization", `Bearer ${apiKey}`],
    },
    options,
  );
}
