// Amplitude's API to core, and the raw typed client (`@sessiontrail/amplitude/raw-client`): the
// generated paths with Amplitude's auth, nothing else. client.ts builds `events()` on the same API.
import { createVendorClient, type RawClientOptions, type VendorDefinition } from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";

/** Amplitude's Dashboard REST API hosts (the spec's `servers`): the keys of a project work on its region's host only. */
export const amplitudeServers = {
  /** US projects, the default. */
  us: "https://amplitude.com",
  /** EU residency projects. */
  eu: "https://analytics.eu.amplitude.com",
} as const;

/** Options of `createAmplitudeRawClient`: core's `RawClientOptions`, and the project's secret key. */
export interface AmplitudeRawClientOptions extends RawClientOptions {
  /** The project's secret key, sent with the API key as HTTP Basic credentials. */
  secretKey: string;
}

/** Base64 of the UTF-8 bytes of `value` (btoa alone takes Latin-1 only), in every runtime. */
function base64(value: string): string {
  return btoa(Array.from(new TextEncoder().encode(value), (byte) => String.fromCharCode(byte)).join(""));
}

/** Amplitude's API as core needs it: both keys go out as one HTTP Basic token, masked in every error. */
export const amplitudeApi: VendorDefinition<AmplitudeRawClientOptions> = {
  vendor: "amplitude",
  baseUrl: amplitudeServers.us,
  // RFC 7617 Basic: base64 of "<api key>:<secret key>" (the docs' samples forget the encoding).
  authHeaders: ({ apiKey, secretKey }) => [["Authorization", `Basic ${base64(`${apiKey}:${secretKey}`)}`]],
  secrets: ["secretKey"],
  // "360 requests per hour" per project (Dashboard REST API, Rate limits): kept by clients with
  // events(), raw calls on them included; raw clients do not throttle.
  rateLimit: { requests: 360, perMs: 3_600_000 },
};

/** The typed calls of Amplitude's API (openapi-fetch), without `events()`. */
export type AmplitudeRawClient = Client<paths>;

/**
 * A typed client of Amplitude's API and nothing more: auth, key and URL checks, manual redirects and
 * a timeout. `createAmplitudeClient` adds `events()`, `page()`, retries, rate limits, byte caps and logs.
 */
export function createAmplitudeRawClient(options: AmplitudeRawClientOptions): AmplitudeRawClient {
  return createVendorClient<paths, AmplitudeRawClientOptions>(amplitudeApi, options);
}
