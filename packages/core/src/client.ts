import createClient, { type Client, defaultPathSerializer } from "openapi-fetch";
import { type FieldIssue, validationError } from "./errors.ts";
import { type RateLimit, sharedRateLimiter } from "./rate-limit.ts";
import { excerpt, registerSecret } from "./redact.ts";
import { createTransport, type RequestLimits, requestDefaults } from "./transport.ts";

/** Options every vendor client takes. */
export interface VendorClientOptions extends RequestLimits {
  /** The vendor API key. Required; it is never logged and never part of an error or of the client object. */
  apiKey: string;
  /** Defaults to the vendor's production URL; each vendor package exports its documented alternatives. */
  baseUrl?: string;
  /**
   * A fetch implementation, e.g. for tests, proxies or instrumentation. Defaults to `globalThis.fetch`.
   * It gets the request and an init holding the signal of the request's timeout.
   */
  fetch?: (request: Request, init?: RequestInit) => Promise<Response>;
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

/** The JSON body of an operation's 200 response, as the vendor's spec types it. */
export type SuccessBody<Operation> = Operation extends {
  responses: { 200: { content: { "application/json": infer Body } } };
}
  ? Body
  : unknown;

/** What a vendor package tells core about its API. */
export interface VendorDefinition<Options extends VendorClientOptions = VendorClientOptions> {
  /** Short vendor name, as in errors and `SessionEvent.vendor`: `fullstory`. */
  vendor: string;
  /** Production base URL, the spec's first server. */
  baseUrl: string;
  /** The header that carries the key, exactly as the vendor expects it (or `authHeaders`). */
  authHeader?(apiKey: string): readonly [name: string, value: string];
  /**
   * The headers that carry the key and the vendor's other secrets (Datadog's `DD-API-KEY` and
   * `DD-APPLICATION-KEY`; Amplitude's Basic token of key and secret), for vendors with more than one.
   */
  authHeaders?(options: Options): readonly (readonly [name: string, value: string])[];
  /**
   * Client options besides `apiKey` that are secrets: each is required, refused with control
   * characters, and masked in every error like the key.
   */
  secrets?: readonly Extract<Exclude<keyof Options, "apiKey">, string>[];
  /** The vendor's documented rate limit per key, if it publishes one. */
  rateLimit?: RateLimit;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
const PATH_PARAM = /\{([^{}]+)\}/g;

// Control characters (NUL, CR, LF, ...) in a key or header value: fetch refuses them on every call,
// and its error would quote the value.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** What makes a URL unfit to receive the key: credentials in it, or plain http off loopback. */
function destinationProblem(url: URL, allowInsecure: boolean): string | undefined {
  if (url.username || url.password) {
    return "must not contain credentials (user:password@); the client sends its own key";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return `unsupported protocol ${url.protocol}`;
  if (url.protocol === "http:" && !allowInsecure && !LOOPBACK_HOSTS.has(url.hostname)) {
    return `plain http to ${url.hostname} would send the API key unencrypted; use https or allowInsecureBaseUrl`;
  }
  return undefined;
}

/**
 * Checks the URL of a request that does not start with the client's checked base URL (a per-call
 * `baseUrl`): the same rules, so the key never goes where the client's own base could not.
 */
export function checkRequestUrl(vendor: string, url: string, allowInsecure = false): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw validationError(vendor, [{ path: "baseUrl", message: "the request URL is not a URL" }]);
  }
  const problem = destinationProblem(parsed, allowInsecure);
  if (problem) throw validationError(vendor, [{ path: "baseUrl", message: problem }]);
}

/**
 * Checks a base URL before any request: a parseable URL without credentials, query or fragment, and
 * HTTPS unless on loopback or allowed. Messages never quote a password.
 */
export function checkBaseUrl(vendor: string, baseUrl: string, allowInsecure = false): string {
  const refuse = (message: string) => validationError(vendor, [{ path: "baseUrl", message }]);
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    // An unparseable URL may still hold `user:password@`: that part is never quoted.
    const shown = String(baseUrl).replace(/^([^@]*?\/\/)?[^/]*@/, "$1[credentials]@");
    throw refuse(`not a URL: ${JSON.stringify(excerpt(shown, 80))}`);
  }
  const problem = destinationProblem(url, allowInsecure);
  if (problem) throw refuse(problem);
  if (url.search || url.hash) throw refuse("must not contain a query or fragment");
  return url.href.replace(/\/+$/, "");
}

/** Problems with a request limit option (`timeoutMs`, `maxResponseBytes`): positive integers. */
export function limitIssues(limits: RequestLimits, prefix = ""): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const key of ["timeoutMs", "maxResponseBytes"] as const) {
    const value = limits[key];
    if (value !== undefined && !(Number.isInteger(value) && value > 0)) {
      issues.push({ path: prefix + key, message: "must be a positive integer" });
    }
  }
  return issues;
}

/** A window bound given as a Date or as epoch milliseconds, in epoch milliseconds. */
export const epochMs = (value: Date | number | undefined): number | undefined =>
  value instanceof Date ? value.getTime() : value;

/**
 * Problems with the time window of `events()` for vendors that search one: each bound a whole
 * number of epoch milliseconds at or after `earliest` (the vendor's smallest accepted instant), and
 * `until` after `since`.
 */
export function windowIssues(
  since: number | undefined,
  until: number | undefined,
  earliest = 0,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!Number.isInteger(since) || (since as number) < earliest) {
    issues.push({ path: "since", message: `must be a date at or after ${new Date(earliest).toISOString()}` });
  }
  if (!Number.isInteger(until) || (until as number) <= (since as number)) {
    issues.push({ path: "until", message: "must be after since" });
  }
  return issues;
}

/**
 * The id-like setting `path` of `events()`, given in the query or the client options: problems with
 * it, one place for the rule every vendor shares.
 */
export function requiredSettingIssues(path: string, value: unknown): FieldIssue[] {
  if (typeof value !== "string" || value.trim() === "") {
    return [{ path, message: "is required (in the query or the client options)" }];
  }
  return idIssues(path, value);
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
  if (CONTROL.test(value)) return [{ path, message: "must not contain control characters" }];
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
 * `paths`, with the key in its base headers (a closure, never the client object) and every request
 * sent through the transport (URL check, rate limit, timeout, manual redirects, body caps).
 */
export function createVendorClient<
  Paths extends {},
  Options extends VendorClientOptions = VendorClientOptions,
>(definition: VendorDefinition<Options>, options: Options): Client<Paths> {
  const { vendor } = definition;
  const apiKey = options?.apiKey;
  if (typeof apiKey !== "string" || apiKey.trim() === "") {
    throw validationError(vendor, [{ path: "apiKey", message: "is required (got an empty or missing key)" }]);
  }
  // Registered before any check can fail, so no message made from here on can show them.
  const secrets: [path: string, value: unknown][] = [
    ["apiKey", apiKey],
    ...(definition.secrets ?? []).map((name): [string, unknown] => [name, options[name]]),
  ];
  const secretIssues: FieldIssue[] = [];
  for (const [path, value] of secrets) {
    if (typeof value === "string") registerSecret(value);
    if (typeof value !== "string" || value.trim() === "") {
      secretIssues.push({ path, message: "is required (got an empty or missing value)" });
    } else if (value !== value.trim() || CONTROL.test(value)) {
      secretIssues.push({ path, message: "must not contain control characters or whitespace at its ends" });
    }
  }
  if (secretIssues.length > 0) throw validationError(vendor, secretIssues);
  const headerIssues: FieldIssue[] = [];
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (typeof value !== "string" || CONTROL.test(value)) {
      headerIssues.push({ path: `headers.${name}`, message: "must be a string without control characters" });
    }
  }
  headerIssues.push(...limitIssues(options));
  if (headerIssues.length > 0) throw validationError(vendor, headerIssues);
  const allowInsecure = options.allowInsecureBaseUrl === true;
  const baseUrl = checkBaseUrl(vendor, options.baseUrl ?? definition.baseUrl, allowInsecure);
  const auth = definition.authHeaders
    ? definition.authHeaders(options)
    : definition.authHeader
      ? [definition.authHeader(apiKey)]
      : [];
  // A header's token (after `Bearer `, `Basic `) is a secret too: a Basic token encodes the key.
  for (const [, value] of auth) registerSecret(value.slice(value.lastIndexOf(" ") + 1));
  const limit = options.rateLimit === undefined ? definition.rateLimit : options.rateLimit || undefined;
  if (limit && !(Number.isInteger(limit.requests) && limit.requests > 0 && limit.perMs > 0)) {
    throw validationError(vendor, [
      { path: "rateLimit", message: "needs a positive integer `requests` and a positive `perMs`" },
    ]);
  }
  const fetch = createTransport({
    vendor,
    fetch: options.fetch ?? ((request, init) => globalThis.fetch(request, init)),
    baseUrl,
    checkUrl: (url) => checkRequestUrl(vendor, url, allowInsecure),
    limiter: limit ? sharedRateLimiter(vendor, apiKey, limit) : undefined,
    timeoutMs: options.timeoutMs ?? requestDefaults.timeoutMs,
    maxResponseBytes: options.maxResponseBytes ?? requestDefaults.maxResponseBytes,
  });

  return createClient<Paths>({
    baseUrl,
    fetch,
    // The auth headers come last so the client's extra `headers` cannot replace them.
    headers: { ...options.headers, ...Object.fromEntries(auth) },
    // Path values are checked where openapi-fetch fills them in: no middleware on the hot path.
    pathSerializer(pathname, pathParams) {
      const issues = pathParamIssues(pathname, pathParams);
      if (issues.length > 0) throw validationError(vendor, issues);
      return defaultPathSerializer(pathname, pathParams);
    },
    // A redirect is not followed: fetch would carry a custom auth header (actionhub-key) to any host.
    redirect: "manual",
  });
}
