export {
  type ActionHubClient,
  type ActionHubClientOptions,
  actionHubServers,
  createActionHubClient,
} from "./client.ts";
export type { components, operations, paths } from "./generated/schema.js";
export { type ActionHubNormalizeOptions, normalizeActionHubEvents } from "./normalize.ts";
