/**
 * GENERATED FILE: DO NOT EDIT. Source: specs/actionhub/openapi.yaml
 * Edit the spec, then run `pnpm generate`; CI fails when this file drifts from the spec.
 */
export interface paths {
    "/users/{user_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get User Events Log
         * @description Gets the raw action history log for the given user, for the program named by the `program-id` header. There is no pagination: the whole log comes back in one response. Vendor operationId: `get_user_events_log_users__user_id__events_get`.
         */
        get: operations["getUserEventsLog"];
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
        UserRawHistoryActionList: {
            /** @description The user's logged actions. Their order is not documented. */
            history: components["schemas"]["UserRawHistoryAction"][];
        };
        /** @description One logged action (event) of the user. */
        UserRawHistoryAction: {
            /**
             * @description Time of the event in ISO 8601 format. The vendor declares `format: date-time`, but the format is left out here on purpose. Vendor data includes a bare date (`2023-01-07`), and timestamps are stored as sent at ingestion, so they may have a `Z`, a numeric offset or no offset at all. RFC 3339 `date-time` accepts only the first two. Parse leniently, keep the original string, and do not assume UTC when the offset is missing.
             * @example 2023-01-09T08:14:03Z
             * @example 2023-01-09T10:15:42+02:00
             * @example 2023-01-09T08:24:55.118000
             * @example 2023-01-07
             */
            timestamp: string;
            /** @description The behaviour logged in the action. Free-form and defined by the program (for example `visit`, `view`, `click`, `order` or a custom type). */
            event_type: string;
            /** @description The asset (page, product, etc.) the action was on. */
            asset_id: string;
            /** @description The asset's display name. It may be empty when the asset has no name. */
            asset_name: string;
            /** @description Labels attached to this instance of the event. The vendor leaves the items untyped: usually strings, but any JSON value is possible. Optional. */
            event_labels?: unknown[];
            /** @description Labels of the asset. The vendor leaves the items untyped: usually strings, but any JSON value is possible. Optional. */
            asset_labels?: unknown[];
        };
        /** @description FastAPI's HTTPException body. */
        ErrorMessage: {
            detail: string;
        };
        HTTPValidationError: {
            detail?: components["schemas"]["ValidationError"][];
        };
        /** @description One FastAPI request-validation error. Newer FastAPI versions add fields (`input`, `ctx`, `url`), so other properties are allowed. */
        ValidationError: {
            loc: (string | number)[];
            msg: string;
            type: string;
        } & {
            [key: string]: unknown;
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
    getUserEventsLog: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The program the data belongs to, typically a brand, company or business unit. All events, actions, segments and customer history belong to one program, and one API key may be used with several programs. This is a required header parameter on the operation, not part of the security scheme. An empty value is rejected here because it cannot name a program.
                 * @example acme-outdoor-us
                 */
                "program-id": string;
                /**
                 * @description API version, from Data Baller's docs (it is not in the vendor's OpenAPI document). If it is omitted, the API answers with the latest version. `1.0` is the only version listed (the live production version). No default is declared because "latest" may change.
                 * @example 1.0
                 */
                "api-version"?: "1.0";
            };
            path: {
                /**
                 * @description The user's id in your own system, as sent in `Event.user_id` when events were logged. Users are not created directly; ActionHub knows a user only from the event stream. The vendor sets no constraints; the minimum length of 1 is added here because an empty id cannot address a user.
                 * @example cust-10482
                 */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRawHistoryActionList"];
                };
            };
            /** @description The API key could not be validated. This response is documented by Data Baller but is not in the vendor's OpenAPI document. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorMessage"];
                };
            };
            /** @description User not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorMessage"];
                };
            };
            /** @description Validation Error, for example when the required `program-id` header is missing. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
}
