export {
  createOpenReplayClient,
  type OpenReplayClient,
  type OpenReplayClientOptions,
  openReplayServers,
} from "./client.ts";
export type { components, operations, paths } from "./generated/schema.js";
