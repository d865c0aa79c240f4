/**
 * GENERATED FILE: DO NOT EDIT. Source: specs/fullstory/openapi.yaml
 * Edit the spec, then run `pnpm generate`; CI fails when this file drifts from the spec.
 */
export interface paths {
    "/v2/sessions/{session_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the events of one session
         * @description Returns the full set of captured events for one session, within seconds of capture.
         *     There is no pagination. Intended for real-time inspection and online inferencing, not
         *     for bulk export.
         *
         *     - The API key needs Admin or Architect permission, otherwise 403.
         *     - Each call consumes one Activation from the account's Activation quota.
         *     - Rate-limited per second with a burst allowance (numbers not published); on 429 wait
         *       for the number of seconds in `Retry-After`.
         */
        get: operations["getSessionEvents"];
        put?: never;
        post?: never;
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
        /** @description A JSON object containing the list of the session's events. */
        SessionEventsResponse: {
            events: components["schemas"]["Event"][];
        } & {
            [key: string]: unknown;
        };
        /**
         * @description One event of the event-centric Destinations model. Each `*_type` field says the shape
         *     of the matching `*_properties` object. The model may gain fields at any time.
         */
        Event: {
            device_id: components["schemas"]["Int64String"];
            session_id?: components["schemas"]["Int64String"];
            view_id?: components["schemas"]["Int64String"];
            /**
             * Format: date-time
             * @description When the event happened according to the user's device clock, RFC 3339 in UTC with millisecond precision (e.g. `2024-04-03T17:06:12.290Z`). May be skewed.
             */
            event_time: string;
            /**
             * @description The kind of event. An open set: the values in `examples` are known ones, not an exhaustive list.
             * @example navigate
             * @example click
             * @example change
             * @example custom
             * @example element_seen
             * @example identify
             * @example load
             * @example copy
             * @example paste
             * @example highlight
             * @example form_abandon
             * @example mouse_thrash
             * @example exception
             * @example console_message
             * @example request
             * @example consent
             * @example cumulative_layout_shift
             * @example first_input_delay
             * @example background
             * @example crash
             * @example keyboard_open
             * @example keyboard_close
             * @example low_memory
             * @example pinch_gesture
             */
            event_type: string;
            event_properties?: components["schemas"]["EventProperties"];
            /**
             * @description Where the event came from. `web` is documented; the warehouse model also has `mobile_app` and server-originated events. Open set.
             * @example web
             * @example mobile_app
             */
            source_type?: string;
            source_properties?: components["schemas"]["SourceProperties"];
        } & {
            [key: string]: unknown;
        };
        /** @description A 64-bit integer id encoded as a decimal string. */
        Int64String: string;
        /** @description Properties whose shape depends on `event_type`. Only the fields listed here are known; any other field may appear. */
        EventProperties: {
            /** @description Id of the most specific user-configured Defined Event that matches this event. */
            event_definition_id?: string;
            /** @description Ids of any other Defined Events that match this event. */
            additional_event_definition_ids?: string[];
            /** @description For `navigate` events, why the navigation happened (e.g. `navigate`, `reload`, `back_forward`, `prerender`). */
            navigate_reason?: string;
            target?: components["schemas"]["EventTarget"];
            /** @description For `custom` events, the event name. */
            event_name?: string;
            /** @description For `identify` events, the application's user id. */
            user_id?: string;
            /** @description For `identify` events. */
            user_email?: string;
            /** @description For `identify` events. */
            user_display_name?: string;
            /** @description For `identify` events, the properties sent with the identify call. */
            user_properties?: {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        /** @description The element an interaction event (click, change, copy, paste, highlight, form_abandon, element_seen, ...) was dispatched from. */
        EventTarget: {
            /** @description Text of the target (for `change`, the new value). Absent or empty when masked or when the element has no text. */
            text?: string;
            /** @description Whether the target is masked by a privacy rule. Treat absent as false. */
            masked?: boolean;
            /** @description The raw CSS selector of the target element. */
            raw_selector?: string;
            /** @description Id of the most specific Named Element matching the target. */
            element_definition_id?: string;
            additional_element_definition_ids?: string[];
            /** @description Element properties set through the FullStory API. */
            element_properties?: {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        /** @description Context about where the event came from. `user_agent`, `url` and `initial_referrer` appear in the endpoint's docs; the rest come from the warehouse model. */
        SourceProperties: {
            user_agent?: components["schemas"]["UserAgent"];
            url?: components["schemas"]["Url"];
            /** @description The page that referred the session, or null when there is none. */
            initial_referrer?: components["schemas"]["Url"] | null;
            location?: components["schemas"]["Location"];
            /** @description Id of the Page Definition the URL matched. */
            page_definition_id?: string;
            /** @description How the event entered FullStory (e.g. `dom`, `server`). */
            origin?: string;
            integration?: string;
            entrypoint?: string;
        } & {
            [key: string]: unknown;
        };
        UserAgent: {
            raw_user_agent?: string;
            /** @description Device class, e.g. `Desktop`, `Mobile`, `Tablet`. */
            device?: string;
            operating_system?: string;
            browser?: string;
            browser_version?: string;
        } & {
            [key: string]: unknown;
        };
        Url: {
            /** @description The full URL, percent-encoded as the browser reported it. */
            full_url?: string;
            host?: string;
            path?: string;
            /** @description Query parameters by name; each holds the decoded values in order of appearance. */
            query?: {
                [key: string]: components["schemas"]["QueryParameterValues"];
            };
            /** @description The path inside the URL's fragment, when the app routes by hash. */
            hash_path?: string;
            /** @description The query inside the URL's fragment. Its shape in this API is not documented (the warehouse export has a string; `query` here is an object), so no type is declared. */
            hash_query?: unknown;
        } & {
            [key: string]: unknown;
        };
        QueryParameterValues: {
            values: string[];
        } & {
            [key: string]: unknown;
        };
        /** @description Approximate geolocation derived from the IP address. */
        Location: {
            ip_address?: string;
            country?: string;
            region?: string;
            city?: string;
            lat_long?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description Error body (`fullstory.v2.apierror.ErrorResponse`); both fields may be absent. */
        ErrorResponse: {
            /** @description Long form description of what went wrong. */
            message?: string;
            /** @description A short snake-cased value that is safe to handle programmatically. */
            code?: string;
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
            query?: {
                /**
                 * @description Enable cached event responses from previous processing requests to be returned, to
                 *     minimize latency when no new data has been received. If cached responses are used
                 *     then updates to Elements, Events, Pages, and other configuration changes may not be
                 *     reflected. The default is not documented; false is assumed.
                 */
                enable_event_cache?: boolean;
            };
            header?: never;
            path: {
                /**
                 * @description The full session id, `{device_id}:{session_id}` (as returned by the browser or
                 *     mobile "Get Session Details" API, e.g. `17117:5916567459329906423`). The colon
                 *     must be percent-encoded in the path: `17117%3A5916567459329906423`
                 *     (`encodeURIComponent` does this, and so does openapi-fetch's default path
                 *     serializer).
                 * @example 17117:5916567459329906423
                 */
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session's events, based on the Destinations Events model. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionEventsResponse"];
                };
            };
            /** @description Invalid input was provided. Fix the issue and retry. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Access to the resource is unauthorized (missing or invalid API key). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Access is not allowed due to insufficient permissions (the key lacks Admin or Architect permission). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The resource does not exist. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The client has exceeded the rate limit for this endpoint. Wait the number of seconds given in `Retry-After` before sending another request. */
            429: {
                headers: {
                    /**
                     * @description Number of seconds to wait before sending another request.
                     * @example 5
                     */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A server error was encountered. */
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
