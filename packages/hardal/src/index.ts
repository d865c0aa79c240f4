export {
  createHardalClient,
  type HardalClient,
  type HardalClientOptions,
  hardalServers,
} from "./client.ts";
export type { components, operations, paths } from "./generated/schema.js";
export { type HardalNormalizeOptions, normalizeHardalEvents } from "./normalize.ts";
