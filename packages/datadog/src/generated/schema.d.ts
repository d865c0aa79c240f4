/**
 * GENERATED FILE: DO NOT EDIT. Source: specs/datadog/openapi.yaml
 * Edit the spec, then run `pnpm generate`; CI fails when this file drifts from the spec.
 */
export interface paths {
    "/api/v2/rum/events/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search RUM events
         * @description List endpoint returns RUM events that match a RUM search query.
         *     [Results are paginated](https://docs.datadoghq.com/logs/guide/collect-multiple-logs-with-pagination).
         *
         *     Use this endpoint to build complex RUM events filtering and search.
         *
         *     (Above: SPEC.) Requires the `rum_apps_read` permission (SPEC `x-permission`; docs), held
         *     by the application key's user or granted to a scoped application key. For one session,
         *     oldest first: `{"filter": {"query": "@session.id:\"<id>\"", "from": <start>, "to": <end>},
         *     "sort": "timestamp", "page": {"limit": 1000}}`, then the same body with
         *     `page.cursor` = the previous `meta.page.after` until a page has no events or no cursor.
         */
        post: operations["SearchRUMEvents"];
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
        /** @description The request for a RUM events list. */
        RUMSearchEventsRequest: {
            filter?: components["schemas"]["RUMQueryFilter"];
            options?: components["schemas"]["RUMQueryOptions"];
            page?: components["schemas"]["RUMQueryPageOptions"];
            sort?: components["schemas"]["RUMSort"];
        };
        /** @description The search and filter query settings. */
        RUMQueryFilter: {
            /**
             * @description The minimum time for the requested events; supports date (in ISO 8601 format with full date, hours, minutes, and the `Z` UTC indicator - seconds and fractional seconds are optional), math, and regular timestamps (in milliseconds). Default `now-15m`: always send it.
             * @default now-15m
             * @example now-15m
             */
            from?: string;
            /**
             * @description The search query following the RUM search syntax; terms are ANDed. One session: `@session.id:"<id>"`.
             * @default *
             * @example @type:session AND @session.type:user
             */
            query?: string;
            /**
             * @description The maximum time for the requested events; same formats as `from`.
             * @default now
             * @example now
             */
            to?: string;
        };
        /**
         * @description Global query options that are used during the query.
         *     Note: Only supply timezone or time offset, not both. Otherwise, the query fails.
         */
        RUMQueryOptions: {
            /**
             * Format: int64
             * @description The time offset (in seconds) to apply to the query.
             */
            time_offset?: number;
            /**
             * @description The timezone can be specified as GMT, UTC, an offset from UTC (like UTC+1), or as a Timezone Database identifier (like America/New_York).
             * @default UTC
             * @example GMT
             */
            timezone?: string;
        };
        /** @description Paging attributes for listing events. */
        RUMQueryPageOptions: {
            /**
             * @description List following results with a cursor provided in the previous query (`meta.page.after`). Opaque; a cursor from another query is refused with 400. Its lifetime is not documented.
             * @example eyJzdGFydEF0IjoiQVFBQUFYS2tMS3pPbm40NGV3QUFBQUJCV0V0clRFdDZVbG8zY3pCRmNsbHJiVmxDWlEifQ==
             */
            cursor?: string;
            /**
             * Format: int32
             * @description Maximum number of events in the response. Default 10, at most 1000 (SPEC; no minimum there). A page may hold fewer and still be followed by more.
             * @default 10
             * @example 25
             */
            limit?: number;
        };
        /**
         * @description Sort parameters when querying events: `timestamp` ascending (oldest first), `-timestamp` descending. Without it the server returns newest first (GO-2022).
         * @enum {string}
         */
        RUMSort: "timestamp" | "-timestamp";
        /** @description Response object with all events matching the request and pagination information. Nothing in it is required (SPEC); `meta` and `links` are absent from some bodies. */
        RUMEventsResponse: {
            /** @description Array of events matching the request. */
            data?: components["schemas"]["RUMEvent"][];
            links?: components["schemas"]["RUMResponseLinks"];
            meta?: components["schemas"]["RUMResponseMetadata"];
        } & {
            [key: string]: unknown;
        };
        /** @description Object description of a RUM event after being processed and stored by Datadog. */
        RUMEvent: {
            attributes?: components["schemas"]["RUMEventAttributes"];
            /**
             * @description Unique ID of the event (opaque, e.g. `AQAAAX9GJCSgMJBBKAAAAABBWDlHSkNVUEFBQ1dNeGtGSUE5SnhBQUQ`).
             * @example AAAAAWgN8Xwgr1vKDQAAAABBV2dOOFh3ZzZobm1mWXJFYTR0OA
             */
            id?: string;
            type?: components["schemas"]["RUMEventType"];
        } & {
            [key: string]: unknown;
        };
        /**
         * @description Type of the event; always `rum` (the RUM event type is `attributes.attributes.type`).
         * @default rum
         * @example rum
         * @enum {string}
         */
        RUMEventType: "rum";
        /** @description JSON object containing all event attributes and their associated values. */
        RUMEventAttributes: {
            attributes?: components["schemas"]["RUMEventContent"];
            /**
             * @description The name of the application or service generating RUM events. It is used to switch from RUM to APM, so make sure you define the same value when you use both products. Absent from the GO-2022 events.
             * @example web-app
             */
            service?: string;
            /**
             * @description Array of tags associated with your event; tags can repeat.
             * @example [
             *       "team:A"
             *     ]
             */
            tags?: string[];
            /**
             * Format: date-time
             * @description Timestamp of your event: ISO 8601 in UTC with milliseconds (`2022-03-01T15:40:48.160Z`). Events of one session share milliseconds.
             * @example 2019-01-02T09:42:36.320Z
             */
            timestamp?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description JSON object of attributes from RUM events (SPEC: `additionalProperties: {}`, nothing more). The properties below are the ones a session timeline reads, as RUMFMT and the data_collected docs define them and the recordings show them; all are optional and every value is an open string or object (stored values differ from RUMFMT's enums). */
        RUMEventContent: {
            /**
             * @description The RUM event type: `session`, `view`, `action`, `error`, `resource`, `long_task` (data_collected docs), `vital` (RUMFMT). Open: other values may appear.
             * @example view
             */
            type?: string;
            /** @description Start of the event in ms from epoch (RUMFMT, intake). Absent from every recorded search result: read `attributes.timestamp` instead. */
            date?: number;
            /** @description The session: `id` (a UUID), `type` (`user`, `synthetics`, `ci_test`), `is_active` ("The session ends after 4 hours of activity or 15 minutes of inactivity"), counts and `time_spent` (ns) on `session` events, `useragent` and `ip` as stored. */
            session?: {
                id?: string;
                type?: string;
                useragent?: string;
            } & {
                [key: string]: unknown;
            };
            /** @description The view the event happened in: `id`, `url`, `referrer` (may be `""`), `name`, and server-derived `url_path`, `url_host`, `url_query` ... Absent on `session` events. */
            view?: {
                id?: string;
                url?: string;
                url_path?: string;
                referrer?: string;
                name?: string;
            } & {
                [key: string]: unknown;
            };
            /** @description On `action` events: `type` (`custom`, `click`, `tap`, `scroll`, `swipe`, `application_start`, `back` in RUMFMT), `name` ("Click on #checkout", computed by Datadog), `target.name` (the element acted on; "Only for automatically collected actions"), `id`, `loading_time` (ns). */
            action?: {
                type?: string;
                name?: string;
                target?: {
                    name?: string;
                } & {
                    [key: string]: unknown;
                };
            } & {
                [key: string]: unknown;
            };
            /** @description On `error` events: `message`, `type`, `stack`, `source` (`network`, `source`, `console`, `logger`, `agent`, `webview`, `custom`, `report` in RUMFMT). */
            error?: {
                message?: string;
                type?: string;
                source?: string;
                stack?: string;
            } & {
                [key: string]: unknown;
            };
            /** @description The user (`id`, `name`, `email`, any other key of any type). */
            usr?: {
                id?: string;
            } & {
                [key: string]: unknown;
            };
            /** @description Device (`type` as stored, e.g. `Desktop`; `brand`, `model`, `name`). */
            device?: {
                [key: string]: unknown;
            };
            /** @description Browser, derived from the User-Agent (`name`, `version`, `version_major`). */
            browser?: {
                [key: string]: unknown;
            };
            /** @description OS name as reported by the device (User-Agent HTTP header): `name`, `version`, `version_major`. */
            os?: {
                [key: string]: unknown;
            };
            /** @description Geolocation: `country_iso_code` (ISO 3166-1 alpha-2), `country`, `city`, `country_subdivision`, `continent`, `continent_code`; undocumented `as` and `location` ([lon, lat]) also appear. */
            geo?: {
                [key: string]: unknown;
            };
            /** @description The application's own attributes (global context, action context): any keys. */
            context?: {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        /** @description Links attributes. */
        RUMResponseLinks: {
            /**
             * @description Link for the next set of results. Note that the request can also be made using the POST endpoint. It is a GET URL without the search's filter: never follow it for a filtered search; use `meta.page.after`.
             * @example https://app.datadoghq.com/api/v2/rum/event?filter[query]=foo&page[cursor]=eyJzdGFydEF0IjoiQVFBQUFYS2tMS3pPbm40NGV3QUFBQUJCV0V0clRFdDZVbG8zY3pCRmNsbHJiVmxDWlEifQ==
             */
            next?: string;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description The metadata associated with a request. A page with `status: timeout` or any `warnings` may lack events and must be asked for again (second example).
         * @example {
         *       "elapsed": 8,
         *       "request_id": "pddv1ChZuVVBDZFI0cFFSQzZUWGR2TUVFYTRRIiwKHKl8fXhuRXGvOyjzriL7J6Jc6RqbmKFnOgcA4oMSDPmicr8fZBUCKcqymg",
         *       "status": "done"
         *     }
         * @example {
         *       "elapsed": 30000,
         *       "status": "timeout",
         *       "page": {
         *         "after": "eyJhZnRlciI6IkFRQUFBWDlHSkJicGxualRjd0FBQUFCQldEbEhTa05WVUVGQlJFOUllV0YyVjBWM1dEbEJRVVkifQ"
         *       },
         *       "warnings": [
         *         {
         *           "code": "unknown_index",
         *           "detail": "indexes: foo, bar",
         *           "title": "One or several indexes are missing or invalid, results hold data from the other indexes"
         *         }
         *       ]
         *     }
         */
        RUMResponseMetadata: {
            /**
             * Format: int64
             * @description The time elapsed in milliseconds.
             * @example 132
             */
            elapsed?: number;
            page?: components["schemas"]["RUMResponsePage"];
            /**
             * @description The identifier of the request.
             * @example MWlFUjVaWGZTTTZPYzM0VXp1OXU2d3xLSVpEMjZKQ0VKUTI0dEYtM3RSOFVR
             */
            request_id?: string;
            status?: components["schemas"]["RUMResponseStatus"];
            /**
             * @description A list of warnings (non-fatal errors) encountered. Partial results may return if
             *     warnings are present in the response.
             */
            warnings?: components["schemas"]["RUMWarning"][];
        } & {
            [key: string]: unknown;
        };
        /** @description Paging attributes. */
        RUMResponsePage: {
            /**
             * @description The cursor to use to get the next results, if any. To make the next request, use the same parameters with the addition of `page[cursor]`. Absent on the last page.
             * @example eyJzdGFydEF0IjoiQVFBQUFYS2tMS3pPbm40NGV3QUFBQUJCV0V0clRFdDZVbG8zY3pCRmNsbHJiVmxDWlEifQ==
             */
            after?: string;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description The status of the response.
         * @example done
         * @enum {string}
         */
        RUMResponseStatus: "done" | "timeout";
        /** @description A warning message indicating something that went wrong with the query. */
        RUMWarning: {
            /**
             * @description A unique code for this type of warning.
             * @example unknown_index
             */
            code?: string;
            /**
             * @description A detailed explanation of this specific warning.
             * @example indexes: foo, bar
             */
            detail?: string;
            /**
             * @description A short human-readable summary of the warning.
             * @example One or several indexes are missing or invalid, results hold data from the other indexes
             */
            title?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description API error response. Items are text (sometimes a stringified Python dict); gateway errors add keys beside `errors` (`status`, `code`, `statuspage`, DataDog/documentation #9470). */
        APIErrorResponse: {
            /**
             * @description A list of errors.
             * @example [
             *       "Bad Request"
             *     ]
             */
            errors: string[];
        } & {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description Number of requests allowed in a time period (rate-limits docs). */
        "X-RateLimit-Limit": string;
        /** @description Length of time in seconds for resets (calendar aligned) (rate-limits docs). */
        "X-RateLimit-Period": string;
        /** @description Number of allowed requests left in the current time period (rate-limits docs). */
        "X-RateLimit-Remaining": string;
        /** @description Time in seconds until next reset (rate-limits docs): a delta, not an epoch. Datadog's own clients sleep this long before retrying a 429 (TS client isomorphic-fetch.ts at a6d1742). */
        "X-RateLimit-Reset": string;
        /** @description Name of the rate limit for increase requests (rate-limits docs). */
        "X-RateLimit-Name": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    SearchRUMEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RUMSearchEventsRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Period": components["headers"]["X-RateLimit-Period"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "X-RateLimit-Name": components["headers"]["X-RateLimit-Name"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RUMEventsResponse"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["APIErrorResponse"];
                };
            };
            /** @description Not Authorized: a missing or wrong key of either kind, a key of another site, or an application key without `rum_apps_read`. Datadog answers 403 where others say 401. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["APIErrorResponse"];
                };
            };
            /** @description Too many requests. Wait `X-RateLimit-Reset` seconds (the docs also say: wait `X-RateLimit-Period`, or call less often than `X-RateLimit-Limit` per period). */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Period": components["headers"]["X-RateLimit-Period"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "X-RateLimit-Name": components["headers"]["X-RateLimit-Name"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["APIErrorResponse"];
                };
            };
        };
    };
}
