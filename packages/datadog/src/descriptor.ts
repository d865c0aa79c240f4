// Datadog as data for the CLI, the contract tests and the checks: see VendorDescriptor in core.
import type { VendorDescriptor } from "@sessiontrail/core";
import {
  createDatadogClient,
  type DatadogClient,
  type DatadogClientOptions,
  type DatadogEventsQuery,
  datadogDefaults,
} from "./client.ts";
import { normalizeDatadogEvents } from "./normalize.ts";
import { datadogSites } from "./raw-client.ts";

/**
 * Datadog's descriptor: two keys (API and application), a site, a searched window (the last 30 days
 * without one), pages of up to 1000 events read by cursor.
 */
export const datadogVendor: VendorDescriptor<
  DatadogClient,
  DatadogClientOptions,
  DatadogEventsQuery,
  "datadog"
> = {
  name: "datadog",
  label: "Datadog",
  create: createDatadogClient,
  normalize: (body, _query, options) => normalizeDatadogEvents(body, options),
  settings: [
    {
      in: "client",
      key: "applicationKey",
      flag: "--application-key",
      env: "APPLICATION_KEY",
      value: "key",
      description: "application key (DD-APPLICATION-KEY, with rum_apps_read)",
      secret: true,
      required: true,
    },
    {
      in: "client",
      key: "site",
      flag: "--site",
      env: "SITE",
      value: "site",
      description: "site (default datadoghq.com)",
      hint: `one of ${Object.keys(datadogSites).join(", ")}`,
    },
  ],
  query: {
    idField: "sessionId",
    idLabel: "RUM session id (session.id, a UUID)",
    window: { rule: "until > since; without since, the 30 days before until (Datadog's retention)" },
    pages: { min: 1, max: datadogDefaults.pageSize, default: datadogDefaults.pageSize },
  },
  toQuery: ({ id, since, until }) => ({
    sessionId: id,
    ...(since !== undefined ? { since } : {}),
    ...(until !== undefined ? { until } : {}),
  }),
  // The session of the spec's wholeSession example (Datadog's GO-2022 recording).
  mock: { id: "eabb14f7-9c85-4ef4-a456-674988dd69b1", settings: { applicationKey: "mock-application-key" } },
  timeline: { colour: "#632ca6" },
};

/** The `events()` query of the client, named here so that code holding the descriptor can name it too. */
export type { DatadogEventsQuery } from "./client.ts";
