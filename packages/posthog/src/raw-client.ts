// PostHog's API to core, and the raw typed client (`@sessiontrail/posthog/raw-client`): the generated
// paths with PostHog's auth, nothing else. client.ts builds `events()` on the same API.
import {
  createVendorClient,
  type RawClientOptions,
  type VendorDefinition,
  validationError,
} from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";

/** PostHog's documented base URLs (the spec's `servers`). A key works only in its own region. */
export const postHogServers = {
  /** US Cloud (`us.i.posthog.com` is ingestion only: never read there). */
  us: "https://us.posthog.com",
  /** EU Cloud, a separate deployment. */
  eu: "https://eu.posthog.com",
  /** A self-hosted instance, by its domain. */
  selfHosted: (domain: string) => `https://${domain}`,
} as const;

/** PostHog's API as core needs it. The personal API key goes out as a Bearer token. */
export const postHogApi: VendorDefinition<RawClientOptions> = {
  vendor: "posthog",
  baseUrl: postHogServers.us,
  authHeader: (apiKey) => ["Authorization", `Bearer ${apiKey}`],
  // "240 requests per minute" per project (posthog.com/docs/api/queries, Rate limits): kept by
  // clients with events(), raw calls on them included; raw clients do not throttle.
  rateLimit: { requests: 240, perMs: 60_000 },
};

/** Options of `createPostHogRawClient`: core's `RawClientOptions` (the key, base URL, fetch, headers, timeout). */
export type PostHogRawClientOptions = RawClientOptions;

/** The options, once checked for what only PostHog refuses: a project token instead of a key. */
export function postHogOptions<Options extends RawClientOptions>(options: Options): Options {
  // A project token is public and for ingestion; PostHog answers 401 to it here, after a round trip.
  if (typeof options?.apiKey === "string" && options.apiKey.startsWith("phc_")) {
    throw validationError("posthog", [
      {
        path: "apiKey",
        message: "is a project token (phc_), which only sends events; reads need a personal API key (phx_)",
      },
    ]);
  }
  return options;
}

/** The typed calls of PostHog's API (openapi-fetch), without `events()`. */
export type PostHogRawClient = Client<paths>;

/**
 * A typed client of PostHog's API and nothing more: auth, key and URL checks, manual redirects and a
 * timeout. `createPostHogClient` adds `events()`, `page()`, retries, rate limits, byte caps and logs.
 */
export function createPostHogRawClient(options: PostHogRawClientOptions): PostHogRawClient {
  return createVendorClient<paths, PostHogRawClientOptions>(postHogApi, postHogOptions(options));
}
