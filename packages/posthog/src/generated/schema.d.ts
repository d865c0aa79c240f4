/**
 * GENERATED FILE: DO NOT EDIT. Source: specs/posthog/openapi.yaml
 * Edit the spec, then run `pnpm generate`; CI fails when this file drifts from the spec.
 */
export interface paths {
    "/api/projects/{project_id}/query/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The numeric project id from the project settings (or `GET /api/projects/`); not the `phc_` project token.
                 * @example 12345
                 */
                project_id: components["parameters"]["project_id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a HogQL query (the events of one session)
         * @description Runs one query synchronously and returns its rows. Required API key scope:
         *     `query:read` (a `:write` scope or `*` also grants it; a project secret key `phs_…` with
         *     `query:read` is accepted too). The same operation is also reachable at the deprecated
         *     `/api/environments/{id}/query/`, which the server rewrites to this path.
         *
         *     Rate limits (documented per project; the code keys its throttle buckets by the hashed
         *     personal API key since PostHog/posthog PR #24039, so budget for the stricter, per-project
         *     reading): 240 requests per minute and 2400 per hour, 3 queries at once, 10 s of
         *     execution. Over a limit: 429 with `Retry-After` (seconds); over the concurrency limit a
         *     query waits up to 30 s in a queue first. PostHog sends no `X-RateLimit-*` headers.
         *
         *     A LIMIT above 50,000 is silently clamped to 50,000; without a LIMIT only 100 rows come
         *     back and `hasMore` says whether more exist. With an explicit LIMIT, `hasMore` is null or
         *     absent: a page holding LIMIT rows (or 50,000) must be taken to have a next page.
         */
        post: operations["query_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description PostHog's `QueryRequest`, with `query` narrowed to `HogQLQuery`. */
        QueryRequest: {
            query: components["schemas"]["HogQLQuery"];
            /**
             * @description Caching and execution mode (PostHog's `RefreshType`). `blocking` (the default) may return a cached result; `force_blocking` always runs the query.
             * @default blocking
             * @enum {string}
             */
            refresh?: "blocking" | "force_blocking" | "force_cache";
            /** @description Your own id of the query, for cancelling it (`DELETE …/query/{id}/`). */
            client_query_id?: string;
            /** @description Appears in the project's `query_log` table. */
            name?: string;
            /** @description Dashboard-only. */
            filters_override?: Record<string, never> | null;
            /** @description Dashboard-only. */
            variables_override?: Record<string, never> | null;
        };
        /** @description A query in HogQL, PostHog's SQL (`HogQLQuery` of PostHog's schema). */
        HogQLQuery: {
            /** @constant */
            kind: "HogQLQuery";
            /** @description The HogQL text. Values go in `values` and are referenced as `{name}`; never interpolate them. No `OFFSET` with a personal API key. */
            query: string;
            /** @description Constant values that can be referenced with the {placeholder} syntax in the query. */
            values?: {
                [key: string]: unknown;
            } | null;
            modifiers?: components["schemas"]["HogQLQueryModifiers"];
            /** @description Client provided name of the query. */
            name?: string | null;
            /** @description Tags added to the query log comment (`QueryLogTags`). */
            tags?: Record<string, never> | null;
            /** @description HogQLFilters, substituted for `{filters}`. */
            filters?: Record<string, never> | null;
            /** @description Variables to be substituted into the query. */
            variables?: Record<string, never> | null;
            explain?: boolean | null;
            /** @description version of the node, used for schema migrations. */
            version?: number | null;
            /** @description Optional direct external data source id. */
            connectionId?: string | null;
        };
        /** @description Modifiers used when performing the query. Only the one sessiontrail sets is described; PostHog's schema lists many more (accepted here). */
        HogQLQueryModifiers: ({
            /** @description Render DateTime columns in the project's time zone (the query API's default, true) or, with false, in UTC. */
            convertToProjectTimezone?: boolean | null;
        } & {
            [key: string]: unknown;
        }) | null;
        /** @description PostHog's `CachedHogQLQueryResponse` (`HogQLQueryResponse` plus cache fields). Newer servers add keys (`query_status`, `cache_target_age`, …): more are allowed. */
        CachedHogQLQueryResponse: {
            /** @description The rows, each an array of values in the order of `columns`. */
            results: unknown[][];
            /** @description Returned columns (names or aliases). */
            columns: string[];
            /** @description Types of returned columns: `[name, ClickHouse type]` pairs from the HogQL runner, or type strings. */
            types?: (string | string[])[] | null;
            /** @description Set only when the query has no LIMIT (the server then applies 100). */
            hasMore?: boolean | null;
            limit?: number | null;
            offset?: number | null;
            /** @description Generated HogQL query. */
            hogql?: string | null;
            /** @description Executed ClickHouse query. */
            clickhouse?: string | null;
            /** @description Input query string. */
            query?: string | null;
            /** @description Query error. Returned only if 'explain' or `modifiers.debug` is true. Throws an error otherwise. */
            error?: string | null;
            explain?: string[] | null;
            timings?: {
                k?: string;
                t?: number;
            }[] | null;
            modifiers?: components["schemas"]["HogQLQueryModifiers"];
            metadata?: Record<string, never> | null;
            resolved_date_range?: Record<string, never> | null;
            /** @description Set on async runs; a synchronous 200 may carry it complete. */
            query_status?: Record<string, never> | null;
            is_cached?: boolean;
            cache_key?: string;
            cache_target_age?: string | null;
            last_refresh?: string | null;
            next_allowed_client_refresh?: string | null;
            /** @description The project's time zone (not the zone of the rows when `convertToProjectTimezone` is false). */
            timezone?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description drf-exceptions-hog's envelope. `type` is one of `validation_error`, `authentication_error`, `invalid_request`, `throttled_error`, `server_error` (seen values; the set is open). `extra` may carry `hogql_metadata`, `cache_key` or `query_scan`. */
        ErrorResponse: {
            type: string;
            code: string;
            detail: string;
            attr?: string | null;
            extra?: Record<string, never> | null;
        } & {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: {
        /**
         * @description The numeric project id from the project settings (or `GET /api/projects/`); not the `phc_` project token.
         * @example 12345
         */
        project_id: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    query_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The numeric project id from the project settings (or `GET /api/projects/`); not the `phc_` project token.
                 * @example 12345
                 */
                project_id: components["parameters"]["project_id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QueryRequest"];
            };
        };
        responses: {
            /** @description The query ran (or came from the cache): `CachedHogQLQueryResponse`. Rows are positional arrays in the order of `columns`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CachedHogQLQueryResponse"];
                };
            };
            /** @description The query was refused: a HogQL syntax or semantic error (`hogql_syntax_error`, `hogql_query_error`, `hogql_error`, `table_access_denied`, `invalid_property_filter`), a ClickHouse error PostHog passes on (e.g. `illegal_type_of_argument`), a body that is not a `QueryRequest` (`parse_error`), an `OFFSET` sent with a personal API key, or a `limit_context` other than `posthog_ai`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No key, or a key PostHog does not know. A `phc_` project token (public, for ingestion) sent as the Bearer also ends here. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The key lacks the `query:read` scope, or is scoped to other projects or organizations than this project's. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No project with this id (the numeric id, not the `phc_` token). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Throttled (240/minute, 2400/hour, or the legacy 120/hour for HogQL queries), with `Retry-After`; or too many queries running at once, possibly without it. */
            429: {
                headers: {
                    /** @description Seconds to wait (drf-exceptions-hog >= 0.4.0). May be absent on concurrency rejections. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An unexpected ClickHouse or server error. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description ClickHouse is busy (`posthog/exceptions.py`); body not seen, modelled as the envelope. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The query hit its time or memory limit (`ClickHouseQueryTimeOut`); no `Retry-After`. Narrow the time window. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description PostHog's own status for a query estimated to run too long (`posthog/exceptions.py`). Narrow the time window. */
            512: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
}
