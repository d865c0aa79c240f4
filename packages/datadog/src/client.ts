import {
  createVendorClient,
  type FieldIssue,
  idIssues,
  type SessionReads,
  type SessionSource,
  type SuccessBody,
  sessionReads,
  singleResponseSource,
  type VendorClientOptions,
} from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { operations, paths } from "./generated/schema.js";
import { normalizeDatadogEvents } from "./normalize.ts";
import { todo } from "./todo.ts";

/** Datadog's documented base URLs (the spec's `servers`). */
export const datadogServers = {
  production: "https://api.datadoghq.com",
  // TODO(new-vendor): name this server as the vendor does (eu1, selfHosted).
  server2: "https://api.us3.datadoghq.com",
  // TODO(new-vendor): name this server as the vendor does (eu1, selfHosted).
  server3: "https://api.us5.datadoghq.com",
  // TODO(new-vendor): name this server as the vendor does (eu1, selfHosted).
  server4: "https://api.datadoghq.eu",
  // TODO(new-vendor): name this server as the vendor does (eu1, selfHosted).
  server5: "https://api.ap1.datadoghq.com",
  // TODO(new-vendor): name this server as the vendor does (eu1, selfHosted).
  server6: "https://api.ap2.datadoghq.com",
  // TODO(new-vendor): name this server as the vendor does (eu1, selfHosted).
  server7: "https://api.uk1.datadoghq.com",
  // TODO(new-vendor): name this server as the vendor does (eu1, selfHosted).
  server8: "https://api.ddog-gov.com",
  // TODO(new-vendor): name this server as the vendor does (eu1, selfHosted).
  server9: "https://api.us2.ddog-gov.com",
} as const;

// TODO(new-vendor): an interface extending VendorClientOptions with what every call needs (OpenReplay's
// `projectKey`, packages/openreplay/src/client.ts), or this alias when the key is all.
export type DatadogClientOptions = VendorClientOptions;

// TODO(new-vendor): what events() takes: the id (`sessionId`, or `userId` for a vendor that logs per
// user), and `since`/`until` or `pageSize` if the vendor searches a window or pages.
export interface DatadogEventsQuery {
  /** Where a user finds it: the vendor's own words for this id. */
  sessionId: string;
}

/** The session's events, as Datadog sends them. */
export type DatadogEventsBody = SuccessBody<operations["SearchRUMEvents"]>;

/** The typed client, with `events()` and `page()`. */
export type DatadogClient = Client<paths> & SessionReads<DatadogEventsQuery, DatadogEventsBody>;

const VENDOR = "datadog";

/** A typed client for Datadog's session-events API. */
export function createDatadogClient(options: DatadogClientOptions): DatadogClient {
  const client = createVendorClient<paths>(
    {
      vendor: VENDOR,
      baseUrl: datadogServers.production,
      // TODO(new-vendor): the header that carries the key, exactly as the spec's securitySchemes say,
      // e.g. (apiKey) => ["Authorization", `Bearer ${apiKey}`] or (apiKey) => ["actionhub-key", apiKey].
      authHeader: () => todo("src/client.ts: authHeader, the header that carries the key"),
    },
    options,
  );
  const source = (query: DatadogEventsQuery): SessionSource | FieldIssue[] => {
    const issues = idIssues("sessionId", query?.sessionId);
    if (issues.length > 0) return issues;
    // TODO(new-vendor): a vendor that pages reads through a paged source (packages/hardal/src/client.ts).
    return singleResponseSource(
      VENDOR,
      // TODO(new-vendor): the typed call of the spec's events operation with the query's id, e.g.
      //   (request) => client.GET("/v1/sessions/{sessionId}/events", {
      //     params: { path: { sessionId: query.sessionId } }, parseAs: "stream", ...request })
      // The spec's operations:
      //   POST /api/v2/rum/events/search (SearchRUMEvents)
      (_request) => todo("src/client.ts: the typed call of the spec's events operation"),
      normalizeDatadogEvents,
    );
  };
  return Object.assign(client, sessionReads<DatadogEventsQuery, DatadogEventsBody>(VENDOR, source));
}
