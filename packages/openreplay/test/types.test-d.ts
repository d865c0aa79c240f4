// Type-level tests, checked by the repo's typecheck (`pnpm typecheck`): the client's types come
// from the spec, so a wrong path, parameter, query or body field must not compile. Each
// `@ts-expect-error` fails the typecheck if the statement after it ever compiles.
import type { EventStream, SessionEvent, SessionTrailErrorKind } from "@sessiontrail/core";
import { expectTypeOf } from "vitest";
import {
  createOpenReplayClient,
  type OpenReplayEventsPage,
  type OpenReplayEventsQuery,
} from "../src/index.ts";

const client = createOpenReplayClient({ apiKey: "or_types_key", projectKey: "pk" });
const EVENTS = "/public/{projectKey}/sessions/{sessionId}/events";
const path = { projectKey: "pk", sessionId: "1" };
const body = { startTimestamp: 1, endTimestamp: 2, limit: 200, page: 1 };
const textLimit = { ...body, limit: "200" };
const badOrder = { ...body, sortOrder: "up" };
const noSession = { projectKey: "pk" };

export async function typedCalls() {
  const { data } = await client.POST(EVENTS, { params: { path }, body });
  expectTypeOf(data?.data.total).toEqualTypeOf<number | undefined>();
  // @ts-expect-error a path the spec does not have
  await client.POST("/public/{projectKey}/sessions/{sessionId}/event", { params: { path }, body });
  // @ts-expect-error GET is not an operation of this path
  await client.GET(EVENTS, { params: { path } });
  // @ts-expect-error a path parameter missing
  await client.POST(EVENTS, { params: { path: noSession }, body });
  // @ts-expect-error a body field of the wrong type
  await client.POST(EVENTS, { params: { path }, body: textLimit });
  // @ts-expect-error a sort order the spec does not list
  await client.POST(EVENTS, { params: { path }, body: badOrder });
}

export function typedStreams() {
  expectTypeOf(client.events({ sessionId: "1" })).toEqualTypeOf<EventStream>();
  expectTypeOf(client.page).returns.resolves.toEqualTypeOf<OpenReplayEventsPage>();
  expectTypeOf<OpenReplayEventsQuery["since"]>().toEqualTypeOf<Date | number | undefined>();
  // @ts-expect-error the query names the session `sessionId`
  client.events({ session_id: "1" });
  // @ts-expect-error a stream option that does not exist
  client.events({ sessionId: "1" }, { pagesize: 10 });
  expectTypeOf<SessionEvent["timestamp"]>().toEqualTypeOf<number>();
  expectTypeOf<"aborted">().toExtend<SessionTrailErrorKind>();
}
