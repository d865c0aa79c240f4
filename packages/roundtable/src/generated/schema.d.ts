/**
 * GENERATED FILE: DO NOT EDIT. Source: specs/roundtable/openapi.yaml
 * Edit the spec, then run `pnpm generate`; CI fails when this file drifts from the spec.
 */
export interface paths {
    "/v1/sessions/{sessionId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve the event log for a specific session
         * @description Returns the chronological list of user events Roundtable recorded during one session,
         *     all in one response (no pagination). Call it from a server only: it needs the secret
         *     API key.
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
        /** @description The event log of one session. No property is marked required by Roundtable, so each may be absent. */
        SessionEvents: {
            /**
             * @description Unique identifier for the session (echo of the `sessionId` path parameter).
             * @example abc123def456
             */
            session_id?: string;
            /**
             * @description Total number of events recorded during the session. Expected to equal the length of `events`, since the whole log is returned at once.
             * @example 3
             */
            event_count?: number;
            /** @description Chronological list of user events recorded during the session (assumed oldest first). */
            events?: components["schemas"]["SessionEvent"][];
        } & {
            [key: string]: unknown;
        };
        /** @description One recorded user event. No property is marked required by Roundtable. */
        SessionEvent: {
            /**
             * @description Human-readable description of the user event; free prose, not an enum. Forms seen in
             *     real responses:
             *     - `User navigated to <url>`
             *     - `User clicked "<element text>"` (the text may itself contain double quotes)
             *     - `User edited #<form element id>`
             *     - `User submitted <form id>`
             *     - `Page became hidden`, `Page became visible`
             *
             *     The vendor's docs use other wording (`Signed in`, `Navigated to /dashboard`,
             *     `Clicked "Update credit card"`). Pass unknown forms through unchanged.
             * @example User navigated to https://app.example.com/dashboard
             */
            action?: string;
            /**
             * @description Human-readable timestamp in the end user's local timezone, formatted like `MMM D, YYYY HH:mm:ss` (e.g. `Mar 25, 2025 14:30:50`). It carries no timezone or offset and is not ISO 8601, so it cannot be converted to an instant; use `unix_timestamp` instead.
             * @example Mar 25, 2025 14:30:50
             */
            user_time?: string;
            /**
             * Format: int64
             * @description When the event happened, as Unix epoch milliseconds (UTC). Exceeds 2^31. In the vendor's docs example it does not match `user_time`, so do not derive one from the other.
             * @example 1743055850000
             */
            unix_timestamp?: number;
        } & {
            [key: string]: unknown;
        };
        /** @description [GUESS] Roundtable documents no error responses, so this body's shape is unknown: it may be any JSON value, or not JSON at all. Read the raw body text and do not depend on its structure. */
        UnknownError: unknown;
    };
    responses: {
        /** @description [GUESS] Not documented by Roundtable; expected when the bearer token is missing or is not a valid secret API key. The body's shape is unknown. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["UnknownError"];
            };
        };
        /** @description [GUESS] Not documented by Roundtable; expected when the key is valid but may not read this session. The body's shape is unknown. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["UnknownError"];
            };
        };
        /** @description [GUESS] Not documented by Roundtable; expected for an unknown session id. The body's shape is unknown. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["UnknownError"];
            };
        };
    };
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
                 * @description The unique session identifier, as returned in the browser by `window.getRoundtableSessionId()`. No format or length is documented; URL-encode it.
                 * @example abc123def456
                 */
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Session events retrieved successfully. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionEvents"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
}
