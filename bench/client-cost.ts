// Client cost per call: one FullStory "get session events" call, sequentially, made by
//   raw fetch               the limit: a Request with the auth header, fetch, response.json()
//   bare openapi-fetch      createClient<paths>() for the same spec, auth header in its config
//   sessiontrail            createFullStoryClient(): client.GET(...), and events().toArray()
//   hey-api                 the client @hey-api/openapi-ts generates for the same spec (bench/peers)
//   by hand                 what a careful user writes for the session: a GET with
//                           AbortSignal.timeout, response.json(), then the vendor's normalizer
// once in-process with a fake fetch (the client's own overhead) and once against a node:http
// server on 127.0.0.1 in another process. Targets: sessiontrail <= 1.15x bare openapi-fetch, no
// more than the peer, and over loopback events() <= 1.10x the same read by hand.
import { readFileSync } from "node:fs";
import { createFullStoryClient, normalizeFullStoryEvents, type paths } from "@sessiontrail/fullstory";
import createClient from "openapi-fetch";
import { parse } from "yaml";
import { type Bench, infoRow, interleaveAsync, type Row, ratioRow } from "./harness.ts";
import { createConfig, createClient as createHeyApiClient } from "./peers/hey-api/fullstory/client/index.ts";
import { getSessionEvents } from "./peers/hey-api/fullstory/index.ts";
import { startServer } from "./server.ts";

const SESSION = "17117:5916567459329906423";
const KEY = "bench-key";
const PATH = "/v2/sessions/{session_id}/events";
// Many short rounds: a burst of load from a neighbour spoils a few rounds, and the median drops them.
const ROUNDS = 41;
const WARMUP = 5;

/** The spec's documented example: a small (~0.8 kB) realistic body. */
function docsExample(): string {
  const spec = parse(readFileSync(new URL("../specs/fullstory/openapi.yaml", import.meta.url), "utf8"));
  return JSON.stringify(spec.components.examples.docsExample.value);
}

type Fetch = (request: Request) => Promise<Response>;

/** One call per variant, each returning the parsed body, so every variant does the same work. */
function variants(baseUrl: string, fetch: Fetch): Record<string, () => Promise<unknown>> {
  const url = `${baseUrl}/v2/sessions/${encodeURIComponent(SESSION)}/events`;
  const bare = createClient<paths>({ baseUrl, fetch, headers: { Authorization: `Basic ${KEY}` } });
  const sessiontrail = createFullStoryClient({ apiKey: KEY, baseUrl, fetch });
  const heyApi = createHeyApiClient(
    createConfig({
      baseUrl,
      fetch: fetch as typeof globalThis.fetch,
      headers: { Authorization: `Basic ${KEY}` },
    }),
  );
  const params = { params: { path: { session_id: SESSION } } };
  return {
    raw: async () => (await fetch(new Request(url, { headers: { Authorization: `Basic ${KEY}` } }))).json(),
    bare: async () => (await bare.GET(PATH, params)).data,
    sessiontrail: async () => (await sessiontrail.GET(PATH, params)).data,
    heyApi: async () => (await getSessionEvents({ client: heyApi, path: { session_id: SESSION } })).data,
    events: () => sessiontrail.events({ sessionId: SESSION }).toArray(),
    // What a careful user writes by hand for the same session: a GET with a timeout, then the normalizer.
    byHand: async () => {
      const response = await fetch(
        new Request(url, { headers: { Authorization: `Basic ${KEY}` }, signal: AbortSignal.timeout(30_000) }),
      );
      return normalizeFullStoryEvents(await response.json());
    },
  };
}

/** Wraps each variant into a batch of `calls` sequential calls, so one round is long enough to time. */
function batched(
  one: Record<string, () => Promise<unknown>>,
  calls: number,
): Record<string, () => Promise<unknown>> {
  return Object.fromEntries(
    Object.entries(one).map(([name, call]) => [
      name,
      async () => {
        for (let i = 0; i < calls; i++) {
          if (!(await call())) throw new Error(`${name}: no body`);
        }
      },
    ]),
  );
}

function rows(where: string, ms: Record<string, number>, calls: number): Row[] {
  const us = (name: string) => ((ms[name] as number) * 1000) / calls;
  const fmt = (name: string) => `${us(name).toFixed(1)} us/call`;
  const raw: Row = {
    ...infoRow(`${where}: raw fetch (the limit)`, fmt("raw")),
    note:
      where === "fake fetch"
        ? `one GET of FullStory's documented example body (0.8 kB), parsed; ${calls} sequential calls per round, medians of ${ROUNDS} interleaved rounds after ${WARMUP} warm-up rounds; fetch answers from memory`
        : `the same against a node:http server on 127.0.0.1 in another process (keep-alive), ${calls} calls per round`,
  };
  return [
    raw,
    infoRow(`${where}: bare openapi-fetch`, fmt("bare"), `raw ${fmt("raw")}`, us("bare") / us("raw")),
    infoRow(`${where}: hey-api client (peer)`, fmt("heyApi"), `raw ${fmt("raw")}`, us("heyApi") / us("raw")),
    {
      ...ratioRow(
        `${where}: sessiontrail client.GET vs bare`,
        fmt("sessiontrail"),
        `bare ${fmt("bare")}`,
        us("sessiontrail") / us("bare"),
        1.15,
      ),
      ...(where === "fake fetch"
        ? {
            note: `sessiontrail does per call what bare openapi-fetch does not: a timeout covering headers and body (a timer and an abort listener) and the body read within its cap into a new Response; ${(us("sessiontrail") - us("bare")).toFixed(1)} us/call here, in process, where nothing else costs anything`,
          }
        : {}),
    },
    ratioRow(
      `${where}: sessiontrail client.GET vs peer`,
      fmt("sessiontrail"),
      `hey-api ${fmt("heyApi")}`,
      us("sessiontrail") / us("heyApi"),
      1.0,
    ),
    infoRow(
      `${where}: by hand: GET + AbortSignal.timeout + normalizer`,
      fmt("byHand"),
      `bare ${fmt("bare")}`,
      us("byHand") / us("bare"),
    ),
    where === "fake fetch"
      ? infoRow(
          `${where}: sessiontrail events().toArray() vs by hand`,
          fmt("events"),
          `by hand ${fmt("byHand")}`,
          us("events") / us("byHand"),
        )
      : ratioRow(
          `${where}: sessiontrail events().toArray() vs by hand`,
          fmt("events"),
          `by hand ${fmt("byHand")}`,
          us("events") / us("byHand"),
          1.1,
        ),
  ];
}

export const clientCost: Bench = {
  name: "client",
  async run() {
    const body = docsExample();
    const fake: Fetch = async () =>
      new Response(body, { status: 200, headers: { "content-type": "application/json" } });
    const inProcessCalls = 200;
    const inProcess = await interleaveAsync(
      batched(variants("https://api.fullstory.com", fake), inProcessCalls),
      ROUNDS,
      WARMUP,
    );

    const server = await startServer({ fullstory: body });
    try {
      const httpCalls = 40;
      const http = await interleaveAsync(
        batched(
          variants(server.url, (request) => fetch(request)),
          httpCalls,
        ),
        ROUNDS,
        WARMUP,
      );
      return [...rows("fake fetch", inProcess, inProcessCalls), ...rows("loopback http", http, httpCalls)];
    } finally {
      server.close();
    }
  },
};
