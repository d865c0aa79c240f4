// Amplitude's cases for the contract suite (contract-tests/), which reads `contractCases` here.
import type { ContractCases } from "@sessiontrail/test-utils";
import { type AmplitudeClient, amplitudeVendor } from "../src/index.ts";

const { settings } = amplitudeVendor.mock;
const user = Number(settings?.amplitudeId);

export const contractCases: ContractCases<AmplitudeClient> = {
  calls: {
    "GET /api/2/useractivity": (client) =>
      client.GET("/api/2/useractivity", {
        params: { query: { user, offset: 0, limit: 1000, direction: "latest" } },
      }),
    "GET /api/2/usersearch": (client) =>
      client.GET("/api/2/usersearch", { params: { query: { user: "0786zXEdyOX1rS3M-P_m1d" } } }),
  },
  invalid: [
    {
      what: "a missing key pair",
      raw: ({ baseUrl }) => fetch(`${baseUrl}/api/2/useractivity?user=${user}`),
      viaClient: ({ client }) => client({ apiKey: "" }),
    },
    {
      what: "a page size (limit) of 1001, above User Activity's 1000",
      field: "limit",
      raw: ({ baseUrl, apiKey }) =>
        fetch(`${baseUrl}/api/2/useractivity?user=${user}&limit=1001`, {
          headers: { authorization: `Basic ${btoa(`${apiKey}:secret`)}` },
        }),
      viaClient: ({ events }) => events({ pageSize: 1001 }),
    },
  ],
};
