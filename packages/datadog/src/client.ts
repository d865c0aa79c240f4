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
  sessionRuntime,
  type VendorClientOptions,
  windowIssues,
} from "@sessiontrail/core";
import type { Client } from "openapi-fetch";
import type { operations, paths } from "./generated/schema.js";
import { normalizeDatadogEvents } from "./normalize.ts";
import { type DatadogRawClientOptions, datadogApi, datadogOptions } from "./raw-client.ts";

const VENDOR = datadogApi.vendor;

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

/** The raw client's options (both keys, the site), and what `events()` clients add. */
export interface DatadogClientOptions extends VendorClientOptions, DatadogRawClientOptions {}

/** Which RUM session `events()` reads, and the time window searched for it. */
export interface DatadogEventsQuery {
  /** The RUM session id (`session.id`, a UUID), as the RUM Explorer shows it. */
  sessionId: string;
  /**
   * The window searched (Date or epoch ms). Datadog searches only the last 15 minutes unless told
   * otherwise, so `events()` always sends one: without `since`, the 30 days before `until`
   * (Datadog's retention); without `until`, now.
   */
  since?: Date | number | undefined;
  /** The end of the window searched (Date or epoch ms), after `since`; default now. */
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
  const client = createVendorClient<paths, DatadogClientOptions>(
    datadogApi,
    datadogOptions(options),
    sessionRuntime,
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
  return Object.assign(client, sessionReads<DatadogEventsQuery, DatadogEventsBody>(VENDOR, source, options));
}
