/**
 * GENERATED FILE: DO NOT EDIT. Source: specs/hardal/openapi.yaml
 * Edit the spec, then run `pnpm generate`; CI fails when this file drifts from the spec.
 */
export interface paths {
    "/api/websites/{signalId}/sessions/{sessionId}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Your website signal ID (called `websiteId` on some Hardal pages; same value).
                 * @example clx9k2m4a0001qw8e7hz3f5tb
                 */
                signalId: components["parameters"]["signalId"];
                /**
                 * @description Session identifier, as returned by the Sessions endpoint.
                 * @example sess_8f3k2j9d7a1c
                 */
                sessionId: components["parameters"]["sessionId"];
            };
            cookie?: never;
        };
        /**
         * List the events of one session
         * @description Returns one page of the events (page views, clicks, form submissions, custom and
         *     e-commerce events) recorded in a session, with their properties.
         *
         *     Defaults: `orderBy=timestamp`, `order=desc` (newest first), `timezone=Europe/Istanbul`,
         *     `page=1`, `limit=50`. Paginate by incrementing `page` until `hasMore` is `false`
         *     (equivalently `page * pageSize >= totalCount`).
         *
         *     The 200 body may come bare or wrapped in `{"success": true, "data": ...}`; see the
         *     API description. Rate limit: 100 requests per minute per API key.
         */
        get: operations["getSessionActivity"];
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
        /** @description The 200 body: either the documented bare `SessionActivity`, or the same object wrapped in an envelope. Which one the live API sends is unknown. */
        SessionActivityResponse: components["schemas"]["SessionActivity"] | components["schemas"]["SessionActivityEnvelope"];
        /** @description Possible wrapper around `SessionActivity` (the style of Hardal's newer API). Not documented for this endpoint. */
        SessionActivityEnvelope: {
            /** @constant */
            success?: true;
            data: components["schemas"]["SessionActivity"];
        } & {
            [key: string]: unknown;
        };
        /** @description One page of a session's events (documented as "Main Data"). `hasMore` is expected to equal `page * pageSize < totalCount`, and `events` to hold at most `pageSize` items. */
        SessionActivity: {
            /** @description The events on this page, in the requested order. */
            events: components["schemas"]["SessionEvent"][];
            /** @description Total number of events in the session (all pages). */
            totalCount: number;
            /** @description Current page number (1-based). */
            page: number;
            /** @description Number of events per page (the effective `limit`). */
            pageSize: number;
            /** @description Whether more pages are available. */
            hasMore: boolean;
        } & {
            [key: string]: unknown;
        };
        /** @description One event (page view, click, form submission, custom event, ...). */
        SessionEvent: {
            /** @description Unique event identifier. */
            id: string;
            /** @description Event category. Known values: `pageview`, `custom`, `click`, `form`; the set is open. */
            type: string;
            /** @description Specific event name, e.g. `page_view`, `click`, `form_submit`, `add_to_cart`, `purchase`. */
            name: string;
            /**
             * @description When the event occurred, rendered in the requested `timezone`. Expected: ISO 8601 with offset (`2025-03-14T14:02:11+03:00`); possible: no offset (`2025-03-14 11:02:11`), meaning wall-clock time in the requested zone. Not declared as `date-time` because the second form is not RFC 3339.
             * @example 2025-03-14T14:02:11+03:00
             * @example 2025-03-14 11:02:11
             */
            timestamp: string;
            /** @description Complete URL where the event occurred; may be null or empty. */
            url?: string | null;
            /** @description URL path where the event occurred; may be null or empty. */
            path?: string | null;
            /** @description Page title at the time of the event; may be null or empty. */
            title?: string | null;
            /** @description Referrer URL for this event; may be null or empty. */
            referrer?: string | null;
            properties?: components["schemas"]["EventProperties"];
        } & {
            [key: string]: unknown;
        };
        /** @description Free-form event properties with values of any JSON type. Documented keys include e-commerce (`product_id`, `price`, `currency`, `quantity`, `transaction_id`), marketing (`utm_source`, `utm_medium`, `utm_campaign`, `utm_content`, `utm_term`) and custom (`user_id`, `email`, `form_name`, `element`, `category`) properties, plus any custom properties sent with the event. Value types are not documented (e.g. `price` may be a number or a string). */
        EventProperties: {
            [key: string]: unknown;
        };
        /** @description Documented generic error body. */
        ErrorResponse: {
            error: {
                /** @description The HTTP status code. */
                code: number;
                /** @description Human-readable error message. */
                message: string;
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        /** @description Error body for statuses whose body Hardal does not document. Assumed to follow the generic error shape, but nothing is required. */
        UndocumentedErrorResponse: {
            error?: {
                /** @description HTTP status code (or a string error code). */
                code?: number | string;
                message?: string;
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: {
        /**
         * @description Your website signal ID (called `websiteId` on some Hardal pages; same value).
         * @example clx9k2m4a0001qw8e7hz3f5tb
         */
        signalId: string;
        /**
         * @description Session identifier, as returned by the Sessions endpoint.
         * @example sess_8f3k2j9d7a1c
         */
        sessionId: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getSessionActivity: {
        parameters: {
            query?: {
                /** @description Target signal ID for analytics data (a related signal the key is authorised for). When omitted the server uses the `signalId` path parameter. */
                targetSignalId?: string;
                /** @description Whether this is a hybrid/self-hosted signal. */
                isHybrid?: boolean;
                /** @description Field to order events by. */
                orderBy?: "timestamp" | "name" | "type";
                /** @description Sort direction. The default is newest first. */
                order?: "desc" | "asc";
                /**
                 * @description IANA time zone name used to render event `timestamp` strings (and for date calculations). Defaults to `Europe/Istanbul`, not UTC: send it explicitly for deterministic output.
                 * @example UTC
                 */
                timezone?: string;
                /** @description Page number (1-based). */
                page?: number;
                /** @description Number of events per page. No maximum is documented; the endpoint is optimised for sessions of up to 1000 events, and 10-20 per page is advised for very active sessions. */
                limit?: number;
            };
            header?: never;
            path: {
                /**
                 * @description Your website signal ID (called `websiteId` on some Hardal pages; same value).
                 * @example clx9k2m4a0001qw8e7hz3f5tb
                 */
                signalId: components["parameters"]["signalId"];
                /**
                 * @description Session identifier, as returned by the Sessions endpoint.
                 * @example sess_8f3k2j9d7a1c
                 */
                sessionId: components["parameters"]["sessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the session's events. Documented as the bare `SessionActivity` object; whether the live API wraps it in `{"success": true, "data": ...}` is not known, so both forms are accepted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionActivityResponse"];
                };
            };
            /** @description Missing or invalid API key (documented error body). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unknown signal or session. Not documented by Hardal; the body shape is a guess (the documented generic error shape) and is modelled permissively. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UndocumentedErrorResponse"];
                };
            };
            /** @description Rate limit exceeded (100 requests per minute per API key). The status is documented; the body is not, and is modelled permissively as the generic error shape. No `Retry-After` header is documented. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UndocumentedErrorResponse"];
                };
            };
        };
    };
}
