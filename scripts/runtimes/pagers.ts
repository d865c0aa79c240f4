// How the runtime matrix's vendor server pages each paging vendor's mock session. Every vendor's
// session is a named example of its own spec (the one its descriptor's mock ids point at); a vendor
// that reads one response needs nothing here, as the server answers with the operation's first
// example. A vendor whose descriptor says it pages and that has no pager here fails the matrix with
// a message naming this file: each paging scheme is the vendor's own and cannot be guessed.

/** A request as the pager sees it: the path is the operation's (the scenario and vendor prefix removed). */
export interface WireRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  // biome-ignore lint/suspicious/noExplicitAny: a vendor's JSON request body, read per vendor below.
  body: any;
}

/** A spec's named 200 examples of the paging operation, by name. */
// biome-ignore lint/suspicious/noExplicitAny: spec examples are untyped JSON.
export type Examples = Record<string, any>;

export interface Pager {
  /** The paging operation, `METHOD /path/{template}` as in the spec. */
  operation: string;
  /** The page of the session that answers `request`, and a name for that page (for the counts). */
  answer(request: WireRequest, examples: Examples): { body: unknown; page: string };
}

/** The example named `name`, or an error naming the spec, so a renamed example fails plainly. */
function example(examples: Examples, name: string): Examples[string] {
  if (!(name in examples)) throw new Error(`the spec has no 200 example named ${name}`);
  return structuredClone(examples[name]);
}

/** Events `[offset, offset + limit)` of `events`. */
const slice = <T>(events: T[], offset: number, limit: number): T[] => events.slice(offset, offset + limit);

export const pagers: Record<string, Pager> = {
  // Page numbers from 1 in the JSON body; `data.total` says how many events the session has.
  openreplay: {
    operation: "POST /public/{projectKey}/sessions/{sessionId}/events",
    answer({ body }, examples) {
      const session = example(examples, "autoCapturedSession");
      const events: unknown[] = session.data.events;
      const { page, limit } = body as { page: number; limit: number };
      return {
        page: String(page),
        body: { data: { total: events.length, events: slice(events, (page - 1) * limit, limit) } },
      };
    },
  },
  // Page numbers from 1 in the query string; `hasMore` says whether another page follows. The
  // example lists the session newest first; the client asks `orderBy=timestamp&order=asc`.
  hardal: {
    operation: "GET /api/websites/{signalId}/sessions/{sessionId}/activity",
    answer({ query }, examples) {
      const session = example(examples, "sessionActivity");
      const events = (session.events as { timestamp: string }[]).toSorted(
        (a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp),
      );
      if (query.get("orderBy") !== "timestamp" || query.get("order") !== "asc") {
        throw new Error("hardal: events() must ask for orderBy=timestamp&order=asc");
      }
      const page = Number(query.get("page"));
      const limit = Number(query.get("limit"));
      return {
        page: String(page),
        body: {
          events: slice(events, (page - 1) * limit, limit),
          totalCount: events.length,
          page,
          pageSize: limit,
          hasMore: page * limit < events.length,
        },
      };
    },
  },
  // Keyset paging, as PostHog runs the client's HogQL: rows after the (timestamp, uuid) cursor in
  // that order, up to the query's LIMIT; a short page ends the session.
  posthog: {
    operation: "POST /api/projects/{project_id}/query/",
    answer({ body }, examples) {
      const session = example(examples, "sessionEvents");
      const columns: string[] = session.columns;
      const at = (name: string) => columns.indexOf(name);
      const key = (row: unknown[]) =>
        [Date.parse(String(row[at("timestamp")])), String(row[at("uuid")])] as const;
      const after = (a: readonly [number, string], b: readonly [number, string]) =>
        a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
      const { query, values } = body.query as { query: string; values: Record<string, string> };
      const limit = Number(/LIMIT (\d+)$/.exec(query)?.[1]);
      const cursor =
        values.after_timestamp === undefined
          ? undefined
          : ([Date.parse(values.after_timestamp), String(values.after_uuid)] as const);
      const rows = (session.results as unknown[][])
        .toSorted((a, b) => (after(key(a), key(b)) ? 1 : after(key(b), key(a)) ? -1 : 0))
        .filter((row) => cursor === undefined || after(key(row), cursor));
      return {
        page: values.after_uuid ?? "first",
        body: { ...session, results: rows.slice(0, limit), hasMore: null },
      };
    },
  },
  // Cursor paging: `meta.page.after` goes back as `page.cursor`; no cursor means the last page.
  datadog: {
    operation: "POST /api/v2/rum/events/search",
    answer({ body }, examples) {
      const session = example(examples, "wholeSession");
      const events: unknown[] = session.data;
      const { limit, cursor } = body.page as { limit: number; cursor?: string };
      const offset = cursor === undefined ? 0 : Number(cursor.replace("smoke-offset-", ""));
      const next = offset + limit;
      return {
        page: String(offset),
        body: {
          data: slice(events, offset, limit),
          meta: {
            status: "done",
            ...(next < events.length ? { page: { after: `smoke-offset-${next}` } } : {}),
          },
        },
      };
    },
  },
  // Offset paging over the user's whole history, newest first; the client stops at a short page
  // or at a page older than the session (the example holds an earlier session too).
  amplitude: {
    operation: "GET /api/2/useractivity",
    answer({ query }, examples) {
      const session = example(examples, "wholeSession");
      const offset = Number(query.get("offset"));
      const limit = Number(query.get("limit"));
      return { page: String(offset), body: { ...session, events: slice(session.events, offset, limit) } };
    },
  },
};
