import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import { type FieldIssue, validationError } from "./errors.ts";
import type { Logger } from "./log.ts";
import type { RateLimit } from "./rate-limit.ts";
import { registerSecret } from "./redact.ts";
import { DEFAULT_TIMEOUT_MS, type RequestLimits } from "./transport.ts";

/** Options every vendor client takes, the raw typed client (`@sessiontrail/<vendor>/raw-client`) included. */
export interface RawClientOptions {
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
  /** Time limit of a request, from the moment it is sent (default 30 s); also per call. */
  timeoutMs?: number | undefined;
}

/**
 * Options of a vendor client with `events()` and `page()`: the raw client's, a byte cap on bodies,
 * client-side throttling and a logger. These apply to its raw calls (`client.GET`) too.
 */
export interface VendorClientOptions extends RawClientOptions, RequestLimits {
  /**
   * Client-side throttling of every request made with this key, raw calls included. Defaults to the
   * vendor's documented limit (Hardal: 100 requests per minute; the others publish none). `false`
   * turns it off; clients made with the same key share one limit.
   */
  rateLimit?: RateLimit | false;
  /**
   * Called with one record per request, response, retry, wait and page (see `LogRecord`): method,
   * path, status, duration, attempt and the vendor's request id. Records never hold a key.
   */
  logger?: Logger;
}

/** The JSON body of an operation's 200 response, as the vendor's spec types it. */
export type SuccessBody<Operation> = Operation extends {
  /** The operation's responses by status code, as openapi-typescript generates them. */
  responses: {
    /** The success response. */
    200: {
      /** Its bodies by media type. */
      content: {
        /** The JSON body, the type this resolves to. */
        "application/json": infer Body;
      };
    };
  };
}
  ? Body
  : unknown;

/** What a vendor package tells core about its API. */
export interface VendorDefinition<Options extends RawClientOptions = VendorClientOptions> {
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
  /** Response headers that carry the vendor's request id, if its docs name them (default core's `requestIdHeaders`). */
  requestIdHeaders?: readonly string[];
}

/** What every transport is built from: the checked base URL, its check for other URLs, the timeout. */
export interface TransportBase {
  /** Short vendor name (`fullstory`), as in errors and log records. */
  vendor: string;
  /** The fetch requests are sent with: the client's `fetch` option, else `globalThis.fetch`. */
  fetch: (request: Request, init?: RequestInit) => Promise<Response>;
  /** The checked base URL: requests under it skip the URL check. */
  baseUrl: string;
  /** Checks a URL the client did not build from its own base (a per-call `baseUrl`). */
  checkUrl: (url: string) => void;
  /** Time limit of a request that sets none of its own: the client's `timeoutMs`, else 30 s. */
  timeoutMs: number;
}

/**
 * What a client with `events()` adds to openapi-fetch (core's `sessionRuntime`), for its raw calls
 * too: the checks of extra headers, limits and path values, and a transport with byte caps, the rate
 * limit, logs and request ids on top of `base`. Given by those clients, so that a raw client's bundle
 * holds none of it.
 */
export type ClientRuntime = (
  base: TransportBase,
  options: VendorClientOptions,
  definition: Pick<VendorDefinition, "rateLimit" | "requestIdHeaders">,
) => Pick<ClientOptions, "fetch" | "pathSerializer">;

/**
 * The fetch of a raw client: the URL check of a per-call `baseUrl`, manual redirects, and the
 * timeout. The rest is openapi-fetch's, as in any openapi-fetch client: a failed fetch rejects with
 * what fetch threw (a `TimeoutError` after `timeoutMs`), and bodies are read without a byte cap.
 */
function rawTransport({ baseUrl, checkUrl, fetch, timeoutMs }: TransportBase) {
  return (input: Request) => {
    const request = input as Request & RequestLimits;
    if (!request.url.startsWith(`${baseUrl}/`)) checkUrl(request.url);
    // A per-call `redirect: "follow"` would carry the key to wherever the vendor points.
    return fetch(new Request(request, { redirect: "manual" }), {
      signal: AbortSignal.any([request.signal, AbortSignal.timeout(request.timeoutMs ?? timeoutMs)]),
    });
  };
}

const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

// Control characters (NUL, CR, LF, ...) in a key or header value: fetch refuses them on every call,
// and its error would quote the value.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
export const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Checks a URL the key is about to be sent to: parseable, no credentials in it, HTTPS unless on
 * loopback or allowed, and for a base URL no query or fragment. Returns it without trailing slashes.
 */
function checkedUrl(vendor: string, text: string, allowInsecure: boolean, base: boolean): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {}
  // The URL is never quoted: an unparseable one may still hold `user:password@`.
  const problem = !url
    ? "is not a URL"
    : url.username || url.password
      ? "must not contain credentials (user:password@)"
      : url.protocol !== "https:" && url.protocol !== "http:"
        ? `unsupported protocol ${url.protocol}`
        : url.protocol === "http:" && !allowInsecure && !LOOPBACK_HOSTS.includes(url.hostname)
          ? `plain http to ${url.hostname} would send the API key unencrypted; use https or allowInsecureBaseUrl`
          : base && (url.search || url.hash)
            ? "must not contain a query or fragment"
            : undefined;
  if (problem) throw validationError(vendor, [{ path: "baseUrl", message: problem }]);
  return (url as URL).href.replace(/\/+$/, "");
}

/**
 * Checks the URL of a request that does not start with the client's checked base URL (a per-call
 * `baseUrl`): the same rules, so the key never goes where the client's own base could not.
 */
export function checkRequestUrl(vendor: string, url: string, allowInsecure = false): void {
  checkedUrl(vendor, url, allowInsecure, false);
}

/** Checks a base URL before any request (see `checkedUrl`) and returns it without trailing slashes. */
export function checkBaseUrl(vendor: string, baseUrl: string, allowInsecure = false): string {
  return checkedUrl(vendor, baseUrl, allowInsecure, true);
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

/**
 * Checks the values of a request's path parameters. openapi-fetch percent-encodes them, so `/`, `?`
 * and `#` cannot escape their segment, but an empty value or a dot segment (`.`, `..`) would still be
 * resolved by the URL parser into another path, and a missing one would be sent as a literal `{name}`.
 * `names` keeps the parameter names of each template: scanning a template on every request cost more
 * than the rest of the check.
 */
export function pathParamIssues(
  pathTemplate: string,
  pathParams: Record<string, unknown> | undefined,
  names: Map<string, string[]> = new Map(),
): FieldIssue[] {
  let keys = names.get(pathTemplate);
  if (!keys) {
    keys = Array.from(pathTemplate.matchAll(/\{([^{}]+)\}/g), (match) => match[1] as string);
    names.set(pathTemplate, keys);
  }
  const issues: FieldIssue[] = [];
  for (const key of keys) {
    const value = pathParams?.[key];
    const message =
      typeof value !== "string" && typeof value !== "number"
        ? "is required"
        : String(value).trim() === ""
          ? "must not be empty"
          : value === "." || value === ".."
            ? `must not be the dot segment ${JSON.stringify(value)}`
            : undefined;
    if (message) issues.push({ path: key, message });
  }
  return issues;
}

/**
 * The one way every vendor package builds its client: openapi-fetch for the vendor's generated
 * `paths`, with the key in its base headers (a closure, never the client object) and every request
 * sent through a transport. Every client checks what protects the key: the key and other secrets
 * (required, no control characters), the base URL and per-call URLs, manual redirects. Clients with
 * `events()` pass `runtime` (core's `sessionRuntime`) for the rest; raw clients get `rawTransport`'s
 * timeout alone, so their bundle stays small. `Options` is `RawClientOptions` for a raw client.
 */
export function createVendorClient<Paths extends {}, Options extends RawClientOptions = VendorClientOptions>(
  definition: VendorDefinition<Options>,
  options: Options,
  runtime?: ClientRuntime,
): Client<Paths> {
  const { vendor } = definition;
  const refuse = (issues: FieldIssue[]) => {
    if (issues.length > 0) throw validationError(vendor, issues);
  };
  const apiKey = options?.apiKey;
  // Each secret is registered before it is checked, and all before any refusal: no message made
  // from here on can show one.
  refuse(
    ["apiKey", ...(definition.secrets ?? [])].flatMap((path) => {
      const value = (options as Record<string, unknown> | undefined)?.[path];
      if (typeof value === "string") registerSecret(value);
      return typeof value !== "string" || value.trim() === ""
        ? [{ path, message: "is required" }]
        : value !== value.trim() || CONTROL.test(value)
          ? [{ path, message: "must not contain control characters or surrounding spaces" }]
          : [];
    }),
  );
  const allowInsecure = options.allowInsecureBaseUrl === true;
  const baseUrl = checkedUrl(vendor, options.baseUrl ?? definition.baseUrl, allowInsecure, true);
  const auth = definition.authHeaders
    ? definition.authHeaders(options)
    : definition.authHeader
      ? [definition.authHeader(apiKey)]
      : [];
  // A header's token (after `Bearer `, `Basic `) is a secret too: a Basic token encodes the key.
  for (const [, value] of auth) registerSecret(value.slice(value.lastIndexOf(" ") + 1));
  const base: TransportBase = {
    vendor,
    fetch: options.fetch ?? ((request, init) => globalThis.fetch(request, init)),
    baseUrl,
    checkUrl: (url) => checkedUrl(vendor, url, allowInsecure, false),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  return createClient<Paths>({
    baseUrl,
    // The auth headers come last so the client's extra `headers` cannot replace them.
    headers: { ...options.headers, ...Object.fromEntries(auth) },
    // A redirect is not followed: fetch would carry a custom auth header (actionhub-key) to any host.
    redirect: "manual",
    ...(runtime ? runtime(base, options as VendorClientOptions, definition) : { fetch: rawTransport(base) }),
  });
}
