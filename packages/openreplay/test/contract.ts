// OpenReplay's cases for the contract suite (contract-tests/), which reads `contractCases` here.
import type { ContractCases } from "@sessiontrail/test-utils";
import { type OpenReplayClient, openReplayEventColumns, openReplayVendor } from "../src/index.ts";

const { id, settings } = openReplayVendor.mock;
const projectKey = settings?.projectKey as string;
/** A window around the spec examples' session (June 2021). */
const window = { since: 1_623_440_000_000, until: 1_623_441_000_000 };
const url = (baseUrl: string) => `${baseUrl}/public/${projectKey}/sessions/${id}/events`;
const post = (baseUrl: string, apiKey: string, body: object) =>
  fetch(url(baseUrl), {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

export const contractCases: ContractCases<OpenReplayClient> = {
  calls: {
    "POST /public/{projectKey}/sessions/{sessionId}/events": (client) =>
      client.POST("/public/{projectKey}/sessions/{sessionId}/events", {
        params: { path: { projectKey, sessionId: id } },
        body: {
          startTimestamp: window.since,
          endTimestamp: window.until,
          limit: 200,
          page: 1,
          sortOrder: "asc",
          columns: openReplayEventColumns,
        },
      }),
  },
  invalid: [
    {
      what: "a page size (limit) of 500, above the maximum of 200",
      field: "limit",
      raw: ({ baseUrl, apiKey }) =>
        post(baseUrl, apiKey, {
          startTimestamp: window.since,
          endTimestamp: window.until,
          limit: 500,
          page: 1,
        }),
      viaClient: ({ events }) => events({ pageSize: 500 }),
    },
    {
      what: "a start timestamp before 2000-01-01",
      field: "startTimestamp",
      raw: ({ baseUrl, apiKey }) =>
        post(baseUrl, apiKey, { startTimestamp: 1000, endTimestamp: window.until, limit: 10, page: 1 }),
      viaClient: ({ client }) => client().events({ sessionId: id, since: 1000, until: window.until }),
    },
  ],
};
