import { createVendorClient, type VendorClientOptions } from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";

/** ActionHub's documented base URLs (the spec's `servers`). */
export const actionHubServers = {
  production: "https://api.actionhub.ai",
} as const;

export type ActionHubClientOptions = VendorClientOptions;
export type ActionHubClient = Client<paths>;

/**
 * A typed client for ActionHub's user events log. The key goes in the `actionhub-key` header; the
 * program is a required `program-id` header parameter of each call, not part of auth.
 */
export function createActionHubClient(options: ActionHubClientOptions): ActionHubClient {
  return createVendorClient<paths>(
    {
      vendor: "actionhub",
      baseUrl: actionHubServers.production,
      authHeader: (apiKey) => ["actionhub-key", apiKey],
    },
    options,
  );
}
