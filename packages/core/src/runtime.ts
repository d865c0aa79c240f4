// What clients with `events()` add to every request of theirs, raw calls included, on top of what
// every client does (see `createVendorClient`): checks of extra headers, limits and path values, and
// the transport with byte caps, the rate limit, logs and request ids. Raw clients
// (`@sessiontrail/<vendor>/raw-client`) never import this module, so their bundles stay small.
import { defaultPathSerializer } from "openapi-fetch";
import { type ClientRuntime, CONTROL, limitIssues, pathParamIssues } from "./client.ts";
import { type FieldIssue, validationError } from "./errors.ts";
import { safeLogger } from "./log.ts";
import { sharedRateLimiter } from "./rate-limit.ts";
import { createTransport, requestDefaults } from "./transport.ts";

/** The runtime of clients with `events()`; see `ClientRuntime`. */
export const sessionRuntime: ClientRuntime = (base, options, definition) => {
  const { vendor } = base;
  const refuse = (issues: FieldIssue[]) => {
    if (issues.length > 0) throw validationError(vendor, issues);
  };
  // The vendor's documented limit unless the options set one, or `false` for none.
  const limit = options.rateLimit === undefined ? definition.rateLimit : options.rateLimit || undefined;
  refuse([
    ...Object.entries(options.headers ?? {}).flatMap(([name, value]) =>
      typeof value !== "string" || CONTROL.test(value)
        ? [{ path: `headers.${name}`, message: "must be a string without control characters" }]
        : [],
    ),
    ...limitIssues(options),
    ...(limit && !(Number.isInteger(limit.requests) && limit.requests > 0 && limit.perMs > 0)
      ? [{ path: "rateLimit", message: "needs a positive integer `requests` and a positive `perMs`" }]
      : []),
  ]);
  // The parameter names of each path template this client has filled in (a spec has a handful).
  const names = new Map<string, string[]>();
  return {
    fetch: createTransport({
      ...base,
      platformFetch: options.fetch === undefined,
      limiter: limit ? sharedRateLimiter(vendor, options.apiKey, limit) : undefined,
      maxResponseBytes: options.maxResponseBytes ?? requestDefaults.maxResponseBytes,
      requestIdHeaders: definition.requestIdHeaders,
      log: safeLogger(options.logger),
    }),
    // Path values are checked where openapi-fetch fills them in: no middleware on the hot path.
    pathSerializer(pathname, pathParams) {
      refuse(pathParamIssues(pathname, pathParams, names));
      return defaultPathSerializer(pathname, pathParams);
    },
  };
};
