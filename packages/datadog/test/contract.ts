// Datadog's cases for the contract suite (contract-tests/), which reads `contractCases` here.
import type { ContractCases } from "@sessiontrail/test-utils";
import { type DatadogClient, datadogVendor, sessionQuery } from "../src/index.ts";

const { id, settings } = datadogVendor.mock;
const applicationKey = settings?.applicationKey as string;
/** The window of the spec's wholeSession example (March 2022). */
const filter = { query: sessionQuery(id), from: "2022-03-01T15:00:00.000Z", to: "2022-03-01T16:00:00.000Z" };
const search = (baseUrl: string, headers: Record<string, string>, body: object) =>
  fetch(`${baseUrl}/api/v2/rum/events/search`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

export const contractCases: ContractCases<DatadogClient> = {
  calls: {
    "POST /api/v2/rum/events/search": (client) =>
      client.POST("/api/v2/rum/events/search", {
        body: { filter, sort: "timestamp", page: { limit: 1000 } },
      }),
  },
  invalid: [
    {
      what: "a page size (page.limit) of 1001, above Datadog's maximum of 1000",
      field: "limit",
      raw: ({ baseUrl, apiKey }) =>
        search(
          baseUrl,
          { "dd-api-key": apiKey, "dd-application-key": applicationKey },
          { filter, sort: "timestamp", page: { limit: 1001 } },
        ),
      viaClient: ({ events }) => events({ pageSize: 1001 }),
    },
    {
      what: "a missing application key",
      raw: ({ baseUrl, apiKey }) => search(baseUrl, { "dd-api-key": apiKey }, { filter }),
      viaClient: ({ client }) => client({ applicationKey: "" }),
    },
  ],
};
