/**
 * GENERATED FILE: DO NOT EDIT. Source: specs/openreplay/openapi.yaml
 * Edit the spec, then run `pnpm generate`; CI fails when this file drifts from the spec.
 */
export interface paths {
    "/public/{projectKey}/sessions/{sessionId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List the events of one session
         * @description Returns the events (page visits, clicks, inputs, errors, custom events, ...) captured in one
         *     session, page by page. Although this is a POST, it is a read-only search: the JSON body
         *     carries the time window, paging, sorting, extra filters and the columns to return; nothing
         *     is created or changed.
         *
         *     The session scope is enforced by the server: it appends
         *     `{"name": "session_id", "operator": "is", "value": [sessionId]}` to `filters`. The time
         *     window is still mandatory (inclusive on both ends) and must cover the session.
         *
         *     Without `columns` only the five base fields of each event are returned. Results exclude
         *     `TAG_TRIGGER` events and anything hidden in the project's Lexicon. All strings in the
         *     response are HTML-escaped. An empty result is a 200 with `total: 0` and `events: []`,
         *     never a 404.
         */
        post: operations["getSessionEvents"];
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
        /** @description Body of the events search (Go `EventsSearchRequest`). `endTimestamp` must be greater than `startTimestamp`; this cross-field rule is not expressible here and must be checked by the client (the server answers 400 on the `gtfield` tag). */
        EventsSearchRequest: {
            /**
             * Format: int64
             * @description Start of the window, epoch milliseconds UTC, inclusive. At least 2000-01-01T00:00:00Z.
             */
            startTimestamp: number;
            /**
             * Format: int64
             * @description End of the window, epoch milliseconds UTC, inclusive. Must be greater than `startTimestamp` (checked by the server, not expressible in this schema).
             */
            endTimestamp: number;
            /** @description Page size. Required; there is no default. */
            limit: number;
            /** @description 1-based page number; the offset is `(page - 1) * limit`. Use `data.total` to count pages. */
            page: number;
            /** @description Column to sort by; `created_at` when omitted (server behaviour, not a documented default). Sorting by `properties`, `$properties` or `$time` silently sorts by `created_at`. */
            sortBy?: components["schemas"]["EventColumn"];
            /**
             * @description Sort direction, lower-case. Newest first when omitted.
             * @default desc
             * @enum {string}
             */
            sortOrder?: "asc" | "desc";
            /** @description Extra event filters, combined with the session filter the server adds itself. */
            filters?: components["schemas"]["Filter"][];
            /** @description Optional event columns to include in each returned event. When omitted only the five base fields (`event_id`, `$event_name`, `created_at`, `distinct_id`, `session_id`) are returned. */
            columns?: components["schemas"]["EventColumn"][];
        };
        /**
         * @description An event column name, valid for `columns` and `sortBy` (anything else is a 400).
         * @enum {string}
         */
        EventColumn: "event_id" | "$event_name" | "created_at" | "distinct_id" | "session_id" | "$user_id" | "$device_id" | "$time" | "$source" | "$duration_s" | "properties" | "$properties" | "description" | "group_id1" | "group_id2" | "group_id3" | "group_id4" | "group_id5" | "group_id6" | "$auto_captured" | "$sdk_edition" | "$sdk_version" | "$os" | "$os_version" | "$browser" | "$browser_version" | "$device" | "$screen_height" | "$screen_width" | "$current_url" | "$current_path" | "$initial_referrer" | "$referring_domain" | "$referrer" | "$initial_referring_domain" | "$search_engine" | "$search_engine_keyword" | "utm_source" | "utm_medium" | "utm_campaign" | "$country" | "$state" | "$city" | "$or_api_endpoint" | "$timezone" | "issue_type" | "issue_id" | "error_id" | "$tags" | "$import";
        /** @description One filter condition (Go `filters.Filter`). The docs list only name, operator, value, isEvent and dataType; the other fields and the enums come from server source. When `isEvent` is true, `propertyOrder` is required: the server checks this (400), the client must too, it is not encoded here. */
        Filter: {
            /** @description Attribute, property or event name to filter on. */
            name: string;
            /**
             * @description Comparison operator. Required by the server although the docs do not say so.
             * @enum {string}
             */
            operator: "is" | "isAny" | "on" | "onAny" | "isNot" | "isUndefined" | "notOn" | "contains" | "notContains" | "startsWith" | "endsWith" | "regex" | "selectorIs" | "selectorIsAny" | "selectorIsNot" | "selectorIsUndefined" | "selectorContains" | "selectorNotContains" | "selectorStartsWith" | "selectorEndsWith" | "=" | "<" | ">" | "<=" | ">=" | "!=" | "true" | "false" | "in" | "notIn" | "equals" | "notEquals" | "not" | "off" | "lt" | "gt" | "lte" | "gte" | "lessThan" | "greaterThan" | "lessThanOrEqual" | "greaterThanOrEqual" | "doesNotContain" | "before" | "after" | "onOrBefore" | "onOrAfter" | "isBlank" | "isNotBlank" | "between";
            /** @description Values to compare with; always strings, numbers included. */
            value?: string[];
            /** @description Whether the filter targets an event (then `propertyOrder` is required). */
            isEvent?: boolean;
            /**
             * @description Type the values are interpreted as.
             * @enum {string}
             */
            dataType?: "string" | "number" | "boolean" | "integer" | "timestamp";
            /**
             * @description How nested property filters of an event filter are combined.
             * @enum {string}
             */
            propertyOrder?: "or" | "and";
            /** @description Whether the filtered event or property is auto-captured by the tracker. */
            autoCaptured?: boolean;
            /** @description Nested sub-filters (e.g. property conditions of an event filter). */
            filters?: components["schemas"]["Filter"][];
            /** @description Whether `name` refers to a Lexicon action. */
            isAction?: boolean;
            /** @description Id of the Lexicon action when `isAction` is true. */
            actionId?: string;
            /** @description Whether the filter refers to a saved segment. */
            isSegment?: boolean;
            /** @description Id of the saved search or segment when `isSegment` is true. */
            searchId?: string;
        };
        /** @description Success envelope; every successful public API response is wrapped in `data`. */
        EventsSearchEnvelope: {
            data: components["schemas"]["EventsSearchResponse"];
        };
        /** @description One page of events plus the total across all pages. */
        EventsSearchResponse: {
            /**
             * Format: int64
             * @description Number of matching events across all pages (not the length of this page). 0 when nothing matches.
             */
            total: number;
            /** @description Events of this page, in the requested order (default `created_at` descending). Never null. */
            events: components["schemas"]["EventEntry"][];
        };
        /** @description One event (Go `EventEntry`). The five required fields are always present; every other field is present only when requested in `columns` (absent rather than null otherwise). All string values, including property-map keys and nested strings, are HTML-escaped. */
        EventEntry: {
            /** @description Event UUID as text (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`). The docs example shows a placeholder (`01H7Z...`), so no format is enforced here. */
            event_id: string;
            /** @description Event name. Auto-captured events use upper-case names (`LOCATION`, `CLICK`, `INPUT`, `ERROR`, `PERFORMANCE`, `REQUEST`, `ISSUE`; `TAG_TRIGGER` is never returned); custom events carry the application's own names. */
            $event_name: string;
            /**
             * Format: int64
             * @description Event time, epoch milliseconds UTC.
             */
            created_at: number;
            /** @description Identity the event is attributed to. */
            distinct_id: string;
            /** @description Session id as a decimal UInt64 string (may exceed 2^53). */
            session_id: string;
            /** @description User id set by the tracker (empty string when none). */
            $user_id?: string;
            /** @description Device id. */
            $device_id?: string;
            /**
             * Format: int64
             * @description Event time, epoch SECONDS (unlike `created_at`).
             */
            $time?: number;
            /** @description Source of the event. */
            $source?: string;
            /** @description Seconds since the session started. */
            $duration_s?: number;
            /** @description Custom event properties as sent by the application (any JSON values). `{}` when the event has none; omitted when the stored value is empty or null. */
            properties?: {
                [key: string]: unknown;
            };
            /** @description Auto-captured properties; keys depend on the event kind (e.g. CLICK: label, selector, url, url_host, url_path, page_title, normalized_x, normalized_y, hesitation_time). `{}` when none; omitted when the stored value is empty or null. */
            $properties?: {
                [key: string]: unknown;
            };
            description?: string;
            group_id1?: components["schemas"]["StringList"];
            group_id2?: components["schemas"]["StringList"];
            group_id3?: components["schemas"]["StringList"];
            group_id4?: components["schemas"]["StringList"];
            group_id5?: components["schemas"]["StringList"];
            group_id6?: components["schemas"]["StringList"];
            /** @description Whether the tracker captured the event automatically (false for custom events). */
            $auto_captured?: boolean;
            $sdk_edition?: string;
            $sdk_version?: string;
            $os?: string;
            $os_version?: string;
            $browser?: string;
            $browser_version?: string;
            /** @description Device model; often an empty string on desktop. */
            $device?: string;
            $screen_height?: number;
            $screen_width?: number;
            $current_url?: string;
            $current_path?: string;
            $initial_referrer?: string;
            $referring_domain?: string;
            $referrer?: string;
            $initial_referring_domain?: string;
            $search_engine?: string;
            $search_engine_keyword?: string;
            utm_source?: string;
            utm_medium?: string;
            utm_campaign?: string;
            /** @description ISO 3166-1 alpha-2 country code. */
            $country?: string;
            $state?: string;
            $city?: string;
            $or_api_endpoint?: string;
            /** @description User's UTC offset in tenths of an hour (e.g. 20 = UTC+2, 55 = UTC+5:30). */
            $timezone?: number;
            /** @description Issue kind or empty string. Known values: click_rage, dead_click, excessive_scrolling, bad_request, missing_resource, memory, cpu, slow_resource, slow_page_load, crash, ml_cpu, ml_memory, ml_dead_click, ml_click_rage, ml_mouse_thrashing, ml_excessive_scrolling, ml_slow_resources, custom, js_exception, mouse_thrashing, app_crash, incident. Not enforced as an enum because the list grows. */
            issue_type?: string;
            issue_id?: string;
            error_id?: string;
            $tags?: components["schemas"]["StringList"];
            /** @description Whether the event was imported rather than captured live. */
            $import?: boolean;
        };
        StringList: string[];
        /** @description Error body (all errors except 401, which has no body). */
        ErrorResponse: {
            /** @description Human-readable server message; not a stable code. */
            error: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getSessionEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project key (Preferences > Projects), e.g. `3sWXSsqHgSKnE87YkNJK`. It must belong to the organization of the API key, otherwise the server answers 401.
                 * @example 3sWXSsqHgSKnE87YkNJK
                 */
                projectKey: string;
                /**
                 * @description Session id. Real ids are decimal UInt64 strings and can exceed 2^53, so keep them as strings. Empty or longer than 256 characters gives a 400.
                 * @example 4813023023591169
                 */
                sessionId: string;
            };
            cookie?: never;
        };
        /** @description Search window, paging, sorting, filters and columns. Limit 128 KiB (else 413). */
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventsSearchRequest"];
            };
        };
        responses: {
            /** @description One page of events wrapped in the `data` envelope. All strings are HTML-escaped. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventsSearchEnvelope"];
                };
            };
            /** @description Unparseable JSON, invalid `sessionId` (empty or over 256 characters) or a body that fails validation. Validation messages are go-playground/validator text, one line per failed field joined by `\n`, naming Go fields (StartDate, EndDate, Limit, Page, SortBy, SortOrder, Columns[i], Filters[i].Operator, ...) rather than JSON keys. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or malformed `Authorization` header (it must start with the literal `Bearer `), unknown API key, or `projectKey` not owned by the key's organization. The body is empty (no JSON, no Content-Type). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Project not found. Read from server source, not documented for this page; in practice an unknown project key is rejected with 401 by the auth layer first. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body larger than the server's JSON size limit (128 KiB by default, `JSON_SIZE_LIMIT`). Read from server source, not documented. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The event query failed on the server. Read from server source, not documented. */
            500: {
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
