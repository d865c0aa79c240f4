export {
  createRoundtableClient,
  type RoundtableClient,
  type RoundtableClientOptions,
  roundtableServers,
} from "./client.ts";
export type { components, operations, paths } from "./generated/schema.js";
export { normalizeRoundtableEvents, type RoundtableNormalizeOptions } from "./normalize.ts";
