import createClient, { type Client, defaultPathSerializer, type Middleware } from "openapi-fetch";
import { type FieldIssue, validationError } from "./errors.ts";
import { type RateLimit, sharedRateLimiter } from "./rate-limit.ts";
import { registerSecret } from "./redact.ts";

/** Options every vendor client takes. */
export interface VendorClientOptions {
  /** The vendor API key. Required; it is never logged and never part of an error or of the client object. */
  apiKey: string;
  /** Defaults to the vendor's production URL; each vendor package exports its documented alternatives. */
  baseUrl?: string;
  /** A fetch implementation, e.g. for tests, proxies or instrumentation. Defaults to `globalThis.fetch`. */
  fetch?: (request: Request) => Promise<Response>;
  /** Extra headers sent with every request (they cannot replace the auth header). */
  headers?: Record<string, string>;
  /** Allows a plain `http:` base URL that is not on loopback. Keys would travel unencrypted. */
  allowInsecureBaseUrl?: boolean;
  /**
   * Client-side throttling of every request made with this key, raw calls included. Defaults to the
   * vendor's documented limit (Hardal: 100 requests per minute; the others publish none). `false`
   * turns it off; clients made with the same key share one limit.
   */
  rateLimit?: RateLimit | false;
}

/** What a vendor package tells core about its API. */
export interface VendorDefinition {
  /** Short vendor name, as in errors and `SessionEvent.vendor`: `fullstory`. */
  vendor: string;
  /** Production base URL, the spec's first server. */
  baseUrl: string;
  /** The header that carries the key, exactly as the vendor expects it. */
  authHeader(apiKey: string): readonly [name: string, value: string];
  /** The vendor's documented rate limit per key, if it publishes one. */
  rateLimit?: RateLimit;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
const PATH_PARAM = /\{([^{}]+)\}/g;

/** Checks a base URL before any request: a parseable URL, and HTTPS unless on loopback or allowed. */
export function checkBaseUrl(vendor: string, baseUrl: string, allowInsecure = false): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw validationError(vendor, [{ path: "baseUrl", message: `not a URL: ${JSON.stringify(baseUrl)}` }]);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw validationError(vendor, [{ path: "baseUrl", message: `unsupported protocol ${url.protocol}` }]);
  }
  if (url.protocol === "http:" && !allowInsecure && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw validationError(vendor, [
      {
        path: "baseUrl",
        message: `plain http to ${url.hostname} would send the API key unencrypted; use https or allowInsecureBaseUrl`,
      },
    ]);
  }
  if (url.search || url.hash) {
    throw validationError(vendor, [{ path: "baseUrl", message: "must not contain a query or fragment" }]);
  }
  return url.href.replace(/\/+$/, "");
}

/** The longest id sent by `events()` (no vendor documents one; real ids are far shorter). */
export const MAX_ID_LENGTH = 256;

/**
 * Problems with an id given to `events()`: missing, blank, over-long, or holding control characters.
 * Ids are percent-encoded into their path segment, so `../../admin?x=1` is sent as one odd id.
 */
export function idIssues(path: string, value: unknown, required = true): FieldIssue[] {
  if (value === undefined && !required) return [];
  if (typeof value !== "string" || value.trim() === "") {
    return [{ path, message: required ? "is required" : "must not be empty" }];
  }
  if (value.length > MAX_ID_LENGTH) return [{ path, message: `must be at most ${MAX_ID_LENGTH} characters` }];
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  if (/[\u0000-\u001f\u007f]/.test(value)) return [{ path, message: "must not contain control characters" }];
  return [];
}

// Parameter names per path template: a spec has a handful of paths, and scanning the template
// on every request cost more than the rest of the middleware.
const paramNamesCache = new Map<string, string[]>();

function paramNames(pathTemplate: string): string[] {
  let names = paramNamesCache.get(pathTemplate);
  if (!names) {
    names = Array.from(pathTemplate.matchAll(PATH_PARAM), (m) => m[1] as string);
    if (paramNamesCache.size < 1_000) paramNamesCache.set(pathTemplate, names);
  }
  return names;
}

/**
 * Checks the values of a request's path parameters. openapi-fetch percent-encodes them, so `/`, `?`
 * and `#` cannot escape their segment, but an empty value or a dot segment (`.`, `..`) would still be
 * resolved by the URL parser into another path, and a missing one would be sent as a literal `{name}`.
 */
export function pathParamIssues(
  pathTemplate: string,
  pathParams: Record<string, unknown> | undefined,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const key of paramNames(pathTemplate)) {
    const value = pathParams?.[key];
    if (typeof value !== "string" && typeof value !== "number") {
      issues.push({ path: key, message: "is required" });
    } else if (String(value).trim() === "") {
      issues.push({ path: key, message: "must not be empty" });
    } else if (value === "." || value === "..") {
      issues.push({ path: key, message: `must not be the dot segment ${JSON.stringify(value)}` });
    }
  }
  return issues;
}

/**
 * The one way every vendor package builds its client: openapi-fetch for the vendor's generated
 * `paths`, with the key applied by a middleware so that it lives only in a closure.
 */
export function createVendorClient<Paths extends {}>(
  definition: VendorDefinition,
  options: VendorClientOptions,
): Client<Paths> {
  const { vendor } = definition;
  const apiKey = options?.apiKey;
  if (typeof apiKey !== "string" || apiKey.trim() === "") {
    throw validationError(vendor, [{ path: "apiKey", message: "is required (got an empty or missing key)" }]);
  }
  if (apiKey !== apiKey.trim() || /[\r\n]/.test(apiKey)) {
    throw validationError(vendor, [
      { path: "apiKey", message: "must not contain whitespace at its ends or line breaks" },
    ]);
  }
  registerSecret(apiKey);
  const baseUrl = checkBaseUrl(vendor, options.baseUrl ?? definition.baseUrl, options.allowInsecureBaseUrl);
  const [authName, authValue] = definition.authHeader(apiKey);
  const limit = options.rateLimit === undefined ? definition.rateLimit : options.rateLimit || undefined;
  if (limit && !(Number.isInteger(limit.requests) && limit.requests > 0 && limit.perMs > 0)) {
    throw validationError(vendor, [
      { path: "rateLimit", message: "needs a positive integer `requests` and a positive `perMs`" },
    ]);
  }

  const client = createClient<Paths>({
    baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    // The key sits in openapi-fetch's closure, as the base headers, never on the client object; it
    // comes last so the client's extra `headers` cannot replace it.
    headers: { ...options.headers, [authName]: authValue },
    // Path values are checked where openapi-fetch fills them in: no middleware on the hot path.
    pathSerializer(pathname, pathParams) {
      const issues = pathParamIssues(pathname, pathParams);
      if (issues.length > 0) throw validationError(vendor, issues);
      return defaultPathSerializer(pathname, pathParams);
    },
    // A redirect is not followed: fetch would carry a custom auth header (actionhub-key) to any host.
    redirect: "manual",
  });
  if (limit) {
    const limiter = sharedRateLimiter(vendor, apiKey, limit);
    const throttle: Middleware = {
      // A waiting request is cancelled by its own signal, at once.
      onRequest: ({ request }) => limiter.acquire(vendor, request.signal).then(() => request),
    };
    client.use(throttle);
  }
  return client;
}
