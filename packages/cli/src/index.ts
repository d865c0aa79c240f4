export { type CliIo, mockInstructions, processIo, run, UsageError, vendorErrorLine } from "./cli.ts";
export {
  cell,
  formatJson,
  formatNdjson,
  formatTable,
  localTime,
  type OutputFormat,
  type TableOptions,
  whereOf,
} from "./format.ts";
export { type FailedVendor, type TimelineHtmlOptions, timelineHtml } from "./html.ts";
export {
  bundledSpecs,
  freePort,
  type Mocks,
  prismBinary,
  type StartMocksOptions,
  startMocks,
} from "./mock.ts";
export { vendorDescriptors } from "./registry.ts";
export {
  envName,
  isVendorName,
  mockDefaults,
  mockEnvironment,
  type VendorCall,
  type VendorName,
  vendorNames,
} from "./vendors.ts";
