// PostHog's cases for the contract suite (contract-tests/), which reads `contractCases` here.
import type { ContractCases } from "@sessiontrail/test-utils";
import { type PostHogClient, postHogVendor } from "../src/index.ts";

const { id, settings } = postHogVendor.mock;
const projectId = settings?.projectId as string;
const body = {
  query: {
    kind: "HogQLQuery" as const,
    query:
      "SELECT uuid, event, timestamp, distinct_id, person_id, properties, elements_chain FROM events " +
      "WHERE $session_id = {session_id} ORDER BY timestamp ASC, uuid ASC LIMIT 1000",
    values: { session_id: id },
    modifiers: { convertToProjectTimezone: false },
  },
  refresh: "force_blocking" as const,
};

export const contractCases: ContractCases<PostHogClient> = {
  calls: {
    "POST /api/projects/{project_id}/query/": (client) =>
      client.POST("/api/projects/{project_id}/query/", { params: { path: { project_id: projectId } }, body }),
  },
  invalid: [
    {
      what: "a missing key",
      raw: ({ baseUrl }) =>
        fetch(`${baseUrl}/api/projects/${projectId}/query/`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
      viaClient: ({ client }) => client({ apiKey: "" }),
    },
    {
      what: "a project id that is not a number (the phc_ project token)",
      field: "project_id",
      raw: ({ baseUrl, apiKey }) =>
        fetch(`${baseUrl}/api/projects/phc_abc123/query/`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
          body: JSON.stringify(body),
        }),
      viaClient: ({ client }) => client({ projectId: "phc_abc123" }).events({ sessionId: id }),
    },
  ],
};
