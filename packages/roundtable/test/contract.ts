// Roundtable's cases for the contract suite (contract-tests/), which reads `contractCases` here.
import type { ContractCases } from "@sessiontrail/test-utils";
import { type RoundtableClient, roundtableVendor } from "../src/index.ts";

const { id } = roundtableVendor.mock;

export const contractCases: ContractCases<RoundtableClient> = {
  calls: {
    "GET /v1/sessions/{sessionId}/events": (client) =>
      client.GET("/v1/sessions/{sessionId}/events", { params: { path: { sessionId: id } } }),
  },
  invalid: [
    {
      what: "a missing Bearer key",
      raw: ({ baseUrl }) => fetch(`${baseUrl}/v1/sessions/${id}/events`),
      viaClient: ({ client }) => client({ apiKey: "" }),
    },
  ],
};
