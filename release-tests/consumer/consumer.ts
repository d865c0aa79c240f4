// A TypeScript consumer of @sessiontrail/fullstory alone, type-checked under NodeNext and Bundler
// resolution with strict settings. The @ts-expect-error lines fail the check if the types go loose.
import {
  createFullStoryClient,
  type FullStoryClient,
  normalizeFullStoryEvents,
  type SessionEvent,
  SessionTrailError,
  type SessionTrailErrorKind,
} from "@sessiontrail/fullstory";

const client: FullStoryClient = createFullStoryClient({ apiKey: "key", baseUrl: "http://127.0.0.1:1" });

export async function timeline(sessionId: string): Promise<SessionEvent[]> {
  try {
    return await client.events({ sessionId }).toArray();
  } catch (error) {
    if (error instanceof SessionTrailError) {
      const kind: SessionTrailErrorKind = error.kind;
      throw new Error(`${kind} ${error.status ?? ""}`);
    }
    throw error;
  }
}

export async function raw(sessionId: string): Promise<string[]> {
  const { data } = await client.GET("/v2/sessions/{session_id}/events", {
    params: { path: { session_id: sessionId } },
  });
  if (!data) return [];
  return normalizeFullStoryEvents(data).map((event) => `${event.time} ${event.type} ${event.name}`);
}

export async function misuse(): Promise<void> {
  // @ts-expect-error the session id is required
  await client.events({}).toArray();
  // @ts-expect-error no such path in FullStory's spec
  await client.GET("/v2/nowhere", {});
  // @ts-expect-error an event's time is a string
  const time: number = (await timeline("1:2"))[0]?.time ?? 0;
  return void time;
}
