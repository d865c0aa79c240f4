// The shared test kits of the vendor packages, imported by name (`@sessiontrail/test-utils`), never
// by a relative path into another folder. Private: never published.
export type {
  ContractCallResult,
  ContractCases,
  ContractContext,
  ContractInvalidInput,
} from "./contract.ts";
export { type Fault, type FaultRequest, type FaultServer, startFaultServer } from "./fault-server.ts";
export { normalizerSuite, sessionEventErrors, thrown } from "./normalizer-suite.ts";
export { type PagingAdapter, resilienceSuite } from "./resilience-suite.ts";
export { jsonResponse, printedError, recordingFetch, vendorClientSuite } from "./vendor-client-suite.ts";
