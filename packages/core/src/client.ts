import createClient, { type Client, type Middleware } from "openapi-fetch";
import { type FieldIssue, validationError } from "./errors.ts";
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
}

/** What a vendor package tells core about its API. */
export interface VendorDefinition {
  /** Short vendor name, as in errors and `SessionEvent.vendor`: `fullstory`. */
  vendor: string;
  /** Production base URL, the spec's first server. */
  baseUrl: string;
  /** The header that carries the key, exactly as the vendor expects it. */
  authHeader(apiKey: string): readonly [name: string, value: string];
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

/**
 * Checks the values of a request's path parameters. openapi-fetch percent-encodes them, so `/`, `?`
 * and `#` cannot escape their segment, but an empty value or a dot segment (`.`, `..`) would still be
 * resolved by the URL parser into another path, and a missing one would be sent as a literal `{name}`.
 */
export function pathParamIssues(
  schemaPath: string,
  pathParams: Record<string, unknown> | undefined,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [, name] of schemaPath.matchAll(PATH_PARAM)) {
    const key = name as string;
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

  const client = createClient<Paths>({
    baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    // A redirect is not followed: fetch would carry a custom auth header (actionhub-key) to any host.
    redirect: "manual",
  });
  const auth: Middleware = {
    onRequest({ request, schemaPath, params }) {
      const issues = pathParamIssues(schemaPath, params.path as Record<string, unknown> | undefined);
      if (issues.length > 0) throw validationError(vendor, issues);
      request.headers.set(authName, authValue);
      return request;
    },
  };
  client.use(auth);
  return client;
}
