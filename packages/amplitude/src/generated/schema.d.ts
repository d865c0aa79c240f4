/**
 * GENERATED FILE: DO NOT EDIT. Source: specs/amplitude/openapi.yaml
 * Edit the spec, then run `pnpm generate`; CI fails when this file drifts from the spec.
 */
export interface paths {
    "/api/2/useractivity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One user's summary and most (or least) recent events
         * @description "Get a user summary and their most (or least) recent events. Exceeding the request
         *     limits results in 429 errors." (D1)
         *
         *     Page with `offset`, advancing it by the number of events received (pages are not
         *     `limit` long). Rate limits: 360 requests per hour and 10 concurrent requests per
         *     project, shared by every caller with the project's keys (D1, D2).
         */
        get: operations["getUserActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/2/usersearch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find a user's Amplitude ID
         * @description "Search for a user with a specified Amplitude ID, device ID, user ID, or user ID
         *     prefix. Exceeding the request limits results in 429 errors." (D1)
         *
         *     A user id prefix can match several users: pick the exact `user_id` match, never
         *     `matches[0]` blindly. No match is a 200 with `type: nomatch` and no matches (D4).
         */
        get: operations["searchUsers"];
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
        /** @description "events: An array of JSON objects, one for each event performed by the user. userData: Total statistics about the user and their user properties." (D1) `metadata` is seen live (C3, C6), not documented. */
        UserActivity: {
            userData?: components["schemas"]["UserData"];
            events: components["schemas"]["Event"][];
            metadata?: components["schemas"]["ActivityMetadata"];
        } & {
            [key: string]: unknown;
        };
        /** @description The keys of Amplitude's example (D1); more were seen live (C3, C5, C6). All optional. */
        UserData: {
            user_id?: string | null;
            /** Format: int64 */
            canonical_amplitude_id?: number;
            merged_amplitude_ids?: number[];
            num_events?: number;
            num_sessions?: number;
            usage_time?: number;
            /** @description A date, `YYYY-MM-DD`. */
            first_used?: string | null;
            /** @description A date, `YYYY-MM-DD`. */
            last_used?: string | null;
            purchases?: number;
            revenue?: number;
            platform?: string | null;
            os?: string | null;
            version?: string | null;
            device?: string | null;
            device_type?: string | null;
            carrier?: string | null;
            country?: string | null;
            region?: string | null;
            city?: string | null;
            dma?: string | null;
            language?: string | null;
            start_version?: string | null;
            device_ids?: string[];
            last_device_id?: string | null;
            /** @description Latitude and longitude, or `null` (C5). */
            last_location?: ({
                lat?: number;
                lng?: number;
            } & {
                [key: string]: unknown;
            }) | null;
            /** @description The user's current user properties. */
            properties?: {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        /** @description Seen live (C3, C6); not documented. */
        ActivityMetadata: {
            missingData?: boolean;
            cached?: boolean;
            queryIds?: string[];
        } & {
            [key: string]: unknown;
        };
        /** @description `YYYY-MM-DD HH:MM:SS.ffffff`, UTC, no offset (D5, C1, C6, C8); the fraction may be absent (C4). */
        Timestamp: string;
        NullableText: string | null;
        /** @description One event as User Activity returns it: the keys asserted by a live third-party test (C3), typed from the Export schema and live clients (C1, C3, C6, D3). Every key is optional and may be `null`; more may come. */
        Event: {
            /** @description The row's unique id; sessiontrail's event id and dedup key. */
            uuid?: string;
            /** @description "An incrementing counter to distinguish events with the same user_id and timestamp" (D9); not unique on its own. */
            event_id?: number;
            /** @description The event's name, free text (`[Amplitude] Page Viewed`, `session_start`, `$identify`, `revenue_amount`, a custom name). */
            event_type?: string;
            /** @description "Amplitude timestamp (UTC) which is the client_event_time adjusted by the difference between server_received_time and client_upload_time" (D5). */
            event_time?: components["schemas"]["Timestamp"];
            client_event_time?: components["schemas"]["Timestamp"];
            client_upload_time?: components["schemas"]["Timestamp"];
            server_received_time?: components["schemas"]["Timestamp"];
            server_upload_time?: components["schemas"]["Timestamp"];
            user_creation_time?: components["schemas"]["Timestamp"] | null;
            /**
             * Format: int64
             * @description The session's start in milliseconds since the epoch, shared by its events; `-1` for an event outside any session (D6, D7, D9). Unique per user, not across users.
             */
            session_id?: number;
            /** Format: int64 */
            amplitude_id?: number;
            user_id?: components["schemas"]["NullableText"];
            device_id?: components["schemas"]["NullableText"];
            $insert_id?: components["schemas"]["NullableText"];
            $schema?: number | null;
            /** @description The project id. */
            app?: number;
            event_properties?: {
                [key: string]: unknown;
            };
            user_properties?: {
                [key: string]: unknown;
            };
            group_properties?: {
                [key: string]: unknown;
            };
            groups?: {
                [key: string]: unknown;
            };
            data?: {
                [key: string]: unknown;
            };
            data_type?: components["schemas"]["NullableText"];
            amplitude_event_type?: components["schemas"]["NullableText"];
            raw_event_type?: components["schemas"]["NullableText"];
            platform?: components["schemas"]["NullableText"];
            os?: components["schemas"]["NullableText"];
            os_name?: components["schemas"]["NullableText"];
            os_version?: components["schemas"]["NullableText"];
            device_brand?: components["schemas"]["NullableText"];
            device_manufacturer?: components["schemas"]["NullableText"];
            device_model?: components["schemas"]["NullableText"];
            device_family?: components["schemas"]["NullableText"];
            device_type?: components["schemas"]["NullableText"];
            device_carrier?: components["schemas"]["NullableText"];
            language?: components["schemas"]["NullableText"];
            library?: components["schemas"]["NullableText"];
            country?: components["schemas"]["NullableText"];
            region?: components["schemas"]["NullableText"];
            city?: components["schemas"]["NullableText"];
            dma?: components["schemas"]["NullableText"];
            ip_address?: components["schemas"]["NullableText"];
            version_name?: components["schemas"]["NullableText"];
            start_version?: components["schemas"]["NullableText"];
            location_lat?: number | null;
            location_lng?: number | null;
            paying?: boolean | null;
            is_attribution_event?: boolean | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description "matches: An array of JSON objects, one for each matching user containing their Amplitude ID and User ID. type: Which match type (Amplitude ID, Device ID, User ID, User ID prefix) yielded the result." (D1)
         * @example {
         *       "type": "match_user_or_device_id",
         *       "matches": [
         *         {
         *           "user_id": null,
         *           "amplitude_id": 356896327775,
         *           "last_device_id": "0786zXEdyOX1rS3M-P_m1d",
         *           "platform": "Web",
         *           "country": "United States",
         *           "last_seen": "2022-02-01"
         *         }
         *       ]
         *     }
         * @example {
         *       "type": "match_amplitude_id",
         *       "matches": [
         *         {
         *           "user_id": null,
         *           "amplitude_id": 356893043036,
         *           "last_device_id": "XIYp6uKHkPD4dysiZHt-0p",
         *           "platform": "Web",
         *           "country": "United States",
         *           "last_seen": "2022-02-01"
         *         }
         *       ]
         *     }
         * @example {
         *       "type": "match_user_prefix",
         *       "matches": [
         *         {
         *           "user_id": "user-8842",
         *           "amplitude_id": 356896327775
         *         },
         *         {
         *           "user_id": "user-88421",
         *           "amplitude_id": 356896327999
         *         }
         *       ]
         *     }
         */
        UserSearch: {
            matches: components["schemas"]["UserMatch"][];
            /** @description Seen: `match_user_or_device_id`, `match_amplitude_id`, `nomatch` (D1, D4), `match_user_prefix` (C5). An open set. */
            type?: string;
        } & {
            [key: string]: unknown;
        };
        UserMatch: {
            /** Format: int64 */
            amplitude_id: number;
            user_id?: components["schemas"]["NullableText"];
            last_device_id?: components["schemas"]["NullableText"];
            platform?: components["schemas"]["NullableText"];
            country?: components["schemas"]["NullableText"];
            /** @description A date, `YYYY-MM-DD`. */
            last_seen?: string | null;
        } & {
            [key: string]: unknown;
        };
        DashboardError: {
            error: {
                http_code?: number;
                type?: string;
                message?: string;
                metadata?: {
                    [key: string]: unknown;
                };
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        MessageError: {
            error?: string;
        } & {
            [key: string]: unknown;
        };
    };
    responses: {
        /** @description A request Amplitude refuses. The envelope is the one seen live on another Dashboard REST endpoint (C2); on these two it is assumed, not seen. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DashboardError"];
            };
        };
        /** @description Missing credentials. Not documented for the Dashboard REST API (Session Replay documents 401 with `{"error": "<message>"}`, D10); the body is a guess. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["MessageError"];
            };
        };
        /** @description A wrong API key / secret key pair, or the keys of a project in the other region (C1: "invalid API/Secret key or wrong data region"). A plain-text body `Invalid API Key` was seen by a third party (C14); not documented. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "text/plain": string;
            };
        };
        /** @description "Exceeding these limits returns a 429 error. Limits are per project, and the 429 error includes information about which limit you exceeded." (D1, D2) The limits: 360 requests per hour and 10 concurrent requests. The body format and any `Retry-After` are not documented; clients back off. */
        RateLimited: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "text/plain": string;
            };
        };
        /** @description A transient gateway timeout, retried by Airbyte's Dashboard REST client (C1). No body is documented. */
        GatewayTimeout: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getUserActivity: {
        parameters: {
            query: {
                /**
                 * @description "Amplitude ID of the user." (D1) The numeric Amplitude ID, not a user id or device id: resolve those with User Search first.
                 * @example 356896327775
                 */
                user: number;
                /** @description "Zero-indexed (from most recent event) offset to start returning events from." (D1) No upper bound is documented. */
                offset?: number;
                /** @description "Number of events to return (up to 1000). Note that more events may be returned so that there are no partial sessions. Defaults to 1000." (D1) Amplitude's own example asks `limit=1` for "the two most recent events". */
                limit?: number;
                /** @description "\"earliest\" to include the user's earliest event or \"latest\" to includes the most recent. Defaults to \"latest\"." (D1) */
                direction?: "latest" | "earliest";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's summary (`userData`) and one page of their events. An unknown Amplitude ID is not a 404: it answers 200 with a zeroed `userData` and no events (C5). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserActivity"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    searchUsers: {
        parameters: {
            query: {
                /**
                 * @description "Amplitude ID, Device ID, User ID, or User ID prefix." (D1) Sent URL-encoded (user ids may be e-mail addresses).
                 * @example 0786zXEdyOX1rS3M-P_m1d
                 */
                user: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matching users. Example names are shared with User Activity's 200 examples where they tell one story (Prism's `Prefer: example=` picks both answers of it). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserSearch"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
}
