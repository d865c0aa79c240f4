// ActionHub's cases for the contract suite (contract-tests/), which reads `contractCases` here.
import type { ContractCases } from "@sessiontrail/test-utils";
import { type ActionHubClient, actionHubVendor } from "../src/index.ts";

const { id, settings } = actionHubVendor.mock;

export const contractCases: ContractCases<ActionHubClient> = {
  calls: {
    "GET /users/{user_id}/events": (client) =>
      client.GET("/users/{user_id}/events", {
        params: { path: { user_id: id }, header: { "program-id": settings?.programId as string } },
      }),
  },
  invalid: [
    {
      what: "a missing program-id header",
      field: "program-id",
      raw: ({ baseUrl, apiKey }) =>
        fetch(`${baseUrl}/users/${id}/events`, { headers: { "actionhub-key": apiKey } }),
      // The spec-example settings hold a program id: this client has none.
      viaClient: ({ client }) => client({ programId: undefined }).events({ userId: id }),
    },
  ],
};
