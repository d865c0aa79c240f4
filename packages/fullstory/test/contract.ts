// FullStory's cases for the contract suite (contract-tests/), which reads `contractCases` here.
import type { ContractCases } from "@sessiontrail/test-utils";
import { type FullStoryClient, fullStoryVendor } from "../src/index.ts";

const { id } = fullStoryVendor.mock;

export const contractCases: ContractCases<FullStoryClient> = {
  calls: {
    "GET /v2/sessions/{session_id}/events": (client) =>
      client.GET("/v2/sessions/{session_id}/events", { params: { path: { session_id: id } } }),
  },
  invalid: [
    {
      what: 'a session id that is not "{device_id}:{session_id}"',
      field: "session_id",
      raw: ({ baseUrl, apiKey }) =>
        fetch(`${baseUrl}/v2/sessions/not-a-session/events`, {
          headers: { authorization: `Basic ${apiKey}` },
        }),
      viaClient: ({ client }) => client().events({ sessionId: "not-a-session" }),
    },
  ],
};
