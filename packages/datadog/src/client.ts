import {
  createVendorClient,
  type EventStreamOptions,
  epochMs,
  type FieldIssue,
  idIssues,
  invalidBody,
  isRecord,
  pageSizeIssues,
  type SessionReads,
  type SessionSource,
  SessionTrailError,
  type SuccessBody,
  sessionReads,
  type VendorClientOptions,
  validationError,
  windowIssues,
} from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { operations, paths } from "./generated/schema.js";
import { normalizeDatadogEvents } from "./normalize.ts";

const VENDOR = "datadog";

/**
 * Datadog's sites and the API base URL of each (the spec's `servers`), the default first. A key
 * belongs to one site: use the site your Datadog UI is on (`app.datadoghq.eu` is `datadoghq.eu`).
 */
export const datadogSites = {
  "datadoghq.com": "https://api.datadoghq.com",
  "us3.datadoghq.com": "https://api.us3.datadoghq.com",
  "us5.datadoghq.com": "https://api.us5.datadoghq.com",
  "datadoghq.eu": "https://api.datadoghq.eu",
  "ap1.datadoghq.com": "https://api.ap1.datadoghq.com",
  "ap2.datadoghq.com": "https://api.ap2.datadoghq.com",
  "uk1.datadoghq.com": "https://api.uk1.datadoghq.com",
  "ddog-gov.com": "https://api.ddog-gov.com",
  "us2.ddog-gov.com": "https://api.us2.ddog-gov.com",
} as const;

/** A documented Datadog site, e.g. `datadoghq.eu`. */
export type DatadogSite = keyof typeof datadogSites;

/** The defaults of `events()`, written once. */
export const datadogDefaults = {
  /** Events per page: Datadog's maximum (its own default is 10). */
  pageSize: 1000,
  /**
   * How far back `events()` searches without `since`: 30 days, Datadog's longest retention
   * (sessions, views, actions and errors; resources and long tasks are kept 15 days).
   */
  retentionMs: 30 * 24 * 60 * 60 * 1000,
} as const;

export interface DatadogClientOptions extends VendorClientOptions {
  /** The application key (`DD-APPLICATION-KEY`), required for reads; a secret like `apiKey`. */
  applicationKey: string;
  /** The Datadog site (default `datadoghq.com`); or give `baseUrl`, not both. */
  site?: DatadogSite | undefined;
}

export interface DatadogEventsQuery {
  /** The RUM session id (`session.id`, a UUID), as the RUM Explorer shows it. */
  sessionId: string;
  /**
   * The window searched (Date or epoch ms). Datadog searches only the last 15 minutes unless told
   * otherwise, so `events()` always sends one: without `since`, the 30 days before `until`
   * (Datadog's retention); without `until`, now.
   */
  since?: Date | number | undefined;
  until?: Date | number | undefined;
}

/** One page of a RUM events search, as Datadog sends it. */
export type DatadogEventsBody = SuccessBody<operations["SearchRUMEvents"]>;

/**
 * The typed client, with `events()` (pages of up to 1000 events by cursor, `meta.page.after`, until
 * a page has no events or no cursor) and `page()` (`cursor` in its options for the pages after the first).
 */
export type DatadogClient = Client<paths> & SessionReads<DatadogEventsQuery, DatadogEventsBody>;

/**
 * The search for one session: the id as one quoted phrase, with `\` and `"` escaped, so no id can
 * end the phrase and add terms of its own (RUM search syntax: `"` and `\` are special).
 */
export function sessionQuery(sessionId: string): string {
  return `@session.id:"${sessionId.replace(/[\\"]/g, "\\$&")}"`;
}

/** The base URL of the client's options: `baseUrl`, else the site's, else the default site's. */
function baseUrlOf(options: DatadogClientOptions): string | undefined {
  const site = options?.site;
  if (site === undefined) return options?.baseUrl;
  const issues: FieldIssue[] = [];
  if (!Object.hasOwn(datadogSites, site)) {
    issues.push({
      path: "site",
      message: `must be a Datadog site (${Object.keys(datadogSites).join(", ")}); for another host use baseUrl`,
    });
  }
  if (options.baseUrl !== undefined) issues.push({ path: "site", message: "give site or baseUrl, not both" });
  if (issues.length > 0) throw validationError(VENDOR, issues);
  return datadogSites[site];
}

/** Why a page's results are partial (`meta.status: "timeout"`, or warnings), or undefined. */
function partiality(body: unknown): SessionTrailError | undefined {
  const meta = isRecord(body) && isRecord(body.meta) ? body.meta : undefined;
  if (!meta) return undefined;
  const { status, warnings } = meta;
  if (status === "timeout") {
    return new SessionTrailError({
      kind: "timeout",
      vendor: VENDOR,
      status: 200,
      message: 'Datadog answered with meta.status "timeout": the page may lack events',
    });
  }
  if (Array.isArray(warnings) && warnings.length > 0) {
    const codes = warnings.map((w) => (isRecord(w) && typeof w.code === "string" ? w.code : "?")).join(", ");
    return new SessionTrailError({
      kind: "server",
      vendor: VENDOR,
      status: 200,
      code: codes,
      message: `Datadog answered with warnings (${codes}): "Partial results may return if warnings are present"`,
    });
  }
  return undefined;
}

/**
 * A typed client for Datadog's RUM events search (API v2). Reads need both keys: the API key goes
 * out as `DD-API-KEY`, the application key as `DD-APPLICATION-KEY`; both are masked in every error.
 */
export function createDatadogClient(options: DatadogClientOptions): DatadogClient {
  const baseUrl = baseUrlOf(options);
  const client = createVendorClient<paths, DatadogClientOptions>(
    {
      vendor: VENDOR,
      baseUrl: datadogSites["datadoghq.com"],
      authHeaders: ({ apiKey, applicationKey }) => [
        ["DD-API-KEY", apiKey],
        ["DD-APPLICATION-KEY", applicationKey],
      ],
      secrets: ["applicationKey"],
      // No limit is published for RUM search: each response's X-RateLimit-* headers say it, and a
      // 429 is waited out for its X-RateLimit-Reset (core).
    },
    baseUrl === undefined ? options : { ...options, baseUrl },
  );
  const source = (
    query: DatadogEventsQuery,
    streamOptions: EventStreamOptions,
  ): SessionSource | FieldIssue[] => {
    const sessionId = query?.sessionId;
    // Fixed once per events() call: every page resends the same window, as Datadog's cursor expects.
    const until = epochMs(query?.until) ?? Date.now();
    const since = epochMs(query?.since) ?? until - datadogDefaults.retentionMs;
    const limit = streamOptions.pageSize ?? datadogDefaults.pageSize;
    const issues = [...idIssues("sessionId", sessionId), ...windowIssues(since, until)];
    issues.push(...pageSizeIssues(limit, datadogDefaults.pageSize));
    if (issues.length > 0) return issues;

    const filter = {
      query: sessionQuery(sessionId),
      from: new Date(since).toISOString(),
      to: new Date(until).toISOString(),
    };
    return {
      vendor: VENDOR,
      paged: true,
      pageSize: limit,
      request: (_page, request, cursor) =>
        client.POST("/api/v2/rum/events/search", {
          body: {
            filter,
            // Oldest first: Datadog's default order is newest first.
            sort: "timestamp",
            page: typeof cursor === "string" ? { limit, cursor } : { limit },
          },
          parseAs: "stream",
          ...request,
        }),
      accept(body) {
        // A partial page is asked for again (core's retries), and fails the stream after them:
        // never taken as the whole page.
        const partial = partiality(body);
        if (partial) throw partial;
      },
      read(body, normalize) {
        const events = normalizeDatadogEvents(body, normalize);
        const { data, meta } = body as { data: unknown[]; meta?: unknown };
        const after = isRecord(meta) && isRecord(meta.page) ? meta.page.after : undefined;
        if (after !== undefined && (typeof after !== "string" || after === "")) {
          throw invalidBody(VENDOR, "meta.page.after is not a cursor", body);
        }
        // Datadog's own clients stop at an empty page or a missing cursor, never at a short page;
        // links.next is never followed (it drops the search's filter).
        const more = data.length > 0 && after !== undefined;
        return { events, count: data.length, hasMore: more, ...(more ? { next: after } : {}) };
      },
    };
  };
  return Object.assign(client, sessionReads<DatadogEventsQuery, DatadogEventsBody>(VENDOR, source));
}
