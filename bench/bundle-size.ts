// Bundle size of one vendor client as a bundler ships it: an app that imports
// createFullStoryClient from the built package and makes one call, bundled, minified and gzipped
// by size-limit with @size-limit/esbuild (the tool CI's size budgets use), against the same app
// written with the hey-api client generated for the same spec, and with a bare openapi-fetch client.
// Targets: the raw typed client (`@sessiontrail/fullstory/raw-client`) smaller than the peer; the
// client with events() <= 5 kB (1 kB = 1000 B) and smaller than the peer (both missed: see the notes).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import esbuild from "@size-limit/esbuild";
import file from "@size-limit/file";
import sizeLimit from "size-limit";
import type { Bench } from "./harness.ts";

const LIMIT = 5000;

const apps = {
  raw: `import { createFullStoryRawClient } from "@sessiontrail/fullstory/raw-client";
const client = createFullStoryRawClient({ apiKey: "key" });
client
  .GET("/v2/sessions/{session_id}/events", { params: { path: { session_id: "17117:5916567459329906423" } } })
  .then(({ data }) => console.log(data));
`,
  sessiontrail: `import { createFullStoryClient } from "@sessiontrail/fullstory";
const client = createFullStoryClient({ apiKey: "key" });
client
  .GET("/v2/sessions/{session_id}/events", { params: { path: { session_id: "17117:5916567459329906423" } } })
  .then(({ data }) => console.log(data));
`,
  heyApi: `import { createClient, createConfig } from "../../peers/hey-api/fullstory/client/index.ts";
import { getSessionEvents } from "../../peers/hey-api/fullstory/index.ts";
const client = createClient(createConfig({ baseUrl: "https://api.fullstory.com", headers: { Authorization: "Basic key" } }));
getSessionEvents({ client, path: { session_id: "17117:5916567459329906423" } }).then(({ data }) => console.log(data));
`,
  bare: `import createClient from "openapi-fetch";
const client = createClient({ baseUrl: "https://api.fullstory.com", headers: { Authorization: "Basic key" } });
client
  .GET("/v2/sessions/{session_id}/events", { params: { path: { session_id: "17117:5916567459329906423" } } })
  .then(({ data }) => console.log(data));
`,
};

/** min+gzip bytes of each app, bundled from an entry inside bench/ so packages resolve as installed. */
export async function bundleSizes(): Promise<Record<keyof typeof apps, number>> {
  const scratch = fileURLToPath(new URL("./.tmp/", import.meta.url));
  mkdirSync(scratch, { recursive: true });
  const dir = mkdtempSync(join(scratch, "bundle-"));
  try {
    const names = Object.keys(apps) as (keyof typeof apps)[];
    const checks = names.map((name) => {
      const entry = join(dir, `${name}.js`);
      writeFileSync(entry, apps[name]);
      return { name, files: [entry], gzip: true };
    });
    const results = (await sizeLimit([file, esbuild], { checks })) as { size: number }[];
    return Object.fromEntries(names.map((name, i) => [name, results[i]?.size as number])) as Record<
      keyof typeof apps,
      number
    >;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;

export const bundleSize: Bench = {
  name: "bundle",
  async run() {
    const size = await bundleSizes();
    const what = "bundle min+gzip";
    return [
      {
        figure: `${what}: bare openapi-fetch client + GET`,
        value: kB(size.bare),
        baseline: "-",
        ratio: null,
        target: "-",
        ok: null,
        note: "an app importing the client from the built package and making one call, bundled by size-limit 14 with @size-limit/esbuild (minified), gzip; 1 kB = 1000 B",
      },
      {
        figure: `${what}: hey-api client + GET (peer)`,
        value: kB(size.heyApi),
        baseline: `bare ${kB(size.bare)}`,
        ratio: size.heyApi / size.bare,
        target: "-",
        ok: null,
      },
      {
        figure: `${what}: createFullStoryRawClient + GET (raw-client entry) vs peer`,
        value: kB(size.raw),
        baseline: `hey-api ${kB(size.heyApi)}`,
        ratio: size.raw / size.heyApi,
        target: "< 1.00",
        ok: size.raw < size.heyApi,
        note: "the typed client alone (`@sessiontrail/fullstory/raw-client`): auth, key and URL checks, manual redirects, a timeout; no events(), retries, caps or logs",
      },
      {
        figure: `${what}: createFullStoryClient + GET vs limit`,
        value: kB(size.sessiontrail),
        baseline: `limit ${kB(LIMIT)}`,
        ratio: size.sessiontrail / LIMIT,
        target: "<= 1.00",
        ok: size.sessiontrail <= LIMIT,
      },
      {
        figure: `${what}: createFullStoryClient + GET vs peer`,
        value: kB(size.sessiontrail),
        baseline: `hey-api ${kB(size.heyApi)}`,
        ratio: size.sessiontrail / size.heyApi,
        target: "< 1.00",
        ok: size.sessiontrail < size.heyApi,
      },
    ];
  },
};
