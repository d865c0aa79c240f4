// The fetch `sessiontrail verify` gives a vendor client: it passes every request on unchanged and keeps
// what came back (method, URL, status, headers, a copy of the body), so the responses `events()` read
// can be checked against the spec afterwards without touching the client.
import { registerSecret } from "@sessiontrail/core";

export type Fetch = (request: Request, init?: RequestInit) => Promise<Response>;

/** One request of the run and the vendor's answer to it. */
export interface Exchange {
  /** 1-based, in the order the requests were sent (retries included). */
  number: number;
  method: string;
  url: URL;
  status: number;
  headers: Headers;
  /** The whole body as text; undefined when it could not be read (the connection dropped). */
  body: string | undefined;
}

/** Request headers that carry credentials, whatever the vendor calls them. */
const CREDENTIAL_HEADER = /auth|key|token|secret|cookie/i;

/**
 * Masks what a request sends as credentials, in every form it takes on the wire (Amplitude's Basic
 * token is the base64 of key and secret), so a vendor that echoes a header back cannot print it.
 */
function registerCredentials(headers: Headers): void {
  for (const [name, value] of headers) {
    if (!CREDENTIAL_HEADER.test(name)) continue;
    registerSecret(value);
    const token = /^[A-Za-z][\w-]*\s+(\S+)$/.exec(value)?.[1];
    if (token !== undefined) registerSecret(token);
  }
}

/** A fetch that records each exchange; `exchanges()` waits for every body copy to be read. */
export function recordingFetch(inner: Fetch): { fetch: Fetch; exchanges(): Promise<Exchange[]> } {
  const pending: Promise<Exchange>[] = [];
  const fetch: Fetch = async (request, init) => {
    registerCredentials(request.headers);
    const response = await inner(request, init);
    // A copy of the body, read on the side: the client reads the original at its own pace and limits.
    const copy = response.clone();
    const body = copy.text().catch(() => undefined);
    pending.push(
      body.then((text) => ({
        number: 0,
        method: request.method,
        url: new URL(request.url),
        status: response.status,
        headers: response.headers,
        body: text,
      })),
    );
    return response;
  };
  return {
    fetch,
    exchanges: async () => (await Promise.all(pending)).map((e, i) => ({ ...e, number: i + 1 })),
  };
}
