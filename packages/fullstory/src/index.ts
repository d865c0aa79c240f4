export {
  createFullStoryClient,
  type FullStoryClient,
  type FullStoryClientOptions,
  fullStoryServers,
} from "./client.ts";
export type { components, operations, paths } from "./generated/schema.js";
export { type FullStoryNormalizeOptions, normalizeFullStoryEvents } from "./normalize.ts";
