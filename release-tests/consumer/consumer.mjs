// A consumer's ESM script, run from a project that installed only @sessiontrail/fullstory.
// Prints what it got as JSON; the release test checks it.
import { createFullStoryClient, normalizeFullStoryEvents, SessionTrailError } from "@sessiontrail/fullstory";

const client = createFullStoryClient({ apiKey: "release-test-key", baseUrl: process.env.MOCK_URL });
const sessionId = process.env.SESSION_ID;

const events = await client.events({ sessionId }).toArray();
const { data, error } = await client.GET("/v2/sessions/{session_id}/events", {
  params: { path: { session_id: sessionId } },
});
if (error) throw new Error(`raw call failed: ${JSON.stringify(error)}`);
const normalized = normalizeFullStoryEvents(data);

let refused;
try {
  await client.events({ sessionId: "not a session id" }).toArray();
} catch (caught) {
  refused = caught instanceof SessionTrailError ? caught.kind : `not a SessionTrailError: ${caught}`;
}

console.log(JSON.stringify({ events, normalized, refused }));
