export {
  checkBaseUrl,
  createVendorClient,
  pathParamIssues,
  type VendorClientOptions,
  type VendorDefinition,
} from "./client.ts";
export {
  type FieldIssue,
  SessionTrailError,
  type SessionTrailErrorInit,
  type SessionTrailErrorKind,
  validationError,
} from "./errors.ts";
export { excerpt, redactSecrets, registerSecret } from "./redact.ts";
