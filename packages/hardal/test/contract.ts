// Hardal's cases for the contract suite (contract-tests/), which reads `contractCases` here.
import type { ContractCases } from "@sessiontrail/test-utils";
import { type HardalClient, hardalVendor } from "../src/index.ts";

const { id, settings } = hardalVendor.mock;
const signalId = settings?.signalId as string;

export const contractCases: ContractCases<HardalClient> = {
  calls: {
    "GET /api/websites/{signalId}/sessions/{sessionId}/activity": (client) =>
      client.GET("/api/websites/{signalId}/sessions/{sessionId}/activity", {
        params: {
          path: { signalId, sessionId: id },
          query: { orderBy: "timestamp", order: "asc", timezone: "UTC", page: 1, limit: 50 },
        },
      }),
  },
  invalid: [
    {
      what: "a page size (limit) of 0, below the minimum of 1",
      field: "limit",
      raw: ({ baseUrl, apiKey }) =>
        fetch(`${baseUrl}/api/websites/${signalId}/sessions/${id}/activity?limit=0`, {
          headers: { authorization: `Bearer ${apiKey}` },
        }),
      viaClient: ({ events }) => events({ pageSize: 0 }),
    },
  ],
};
