export {
  createRoundtableClient,
  type RoundtableClient,
  type RoundtableClientOptions,
  roundtableServers,
} from "./client.ts";
export type { components, operations, paths } from "./generated/schema.js";
