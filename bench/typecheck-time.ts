// Type-check time of a small strict consumer (tsc --noEmit, strict, NodeNext, skipLibCheck as `tsc --init` sets it)
// that creates a FullStory client, makes the typed call and reads a field of the typed body:
//   sessiontrail   import { createFullStoryClient } from "@sessiontrail/fullstory" (its built .d.ts)
//   bare           openapi-fetch createClient<paths>() with the same generated schema.d.ts (baseline)
//   hey-api        the hey-api client generated for the same spec, as its users have it (.ts sources)
// Each is one `tsc` process; interleaved, medians of a few runs. Reported for context, no target.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Bench, infoRow, interleave } from "./harness.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    lib: ["ES2022", "DOM", "DOM.Iterable"],
    types: [],
    noEmit: true,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
  },
  include: ["*.ts"],
};

const consumers: Record<string, string> = {
  sessiontrail: `import { createFullStoryClient } from "@sessiontrail/fullstory";
const client = createFullStoryClient({ apiKey: "key" });
const { data, error } = await client.GET("/v2/sessions/{session_id}/events", {
  params: { path: { session_id: "17117:5916567459329906423" } },
});
if (error) throw new Error(error.message);
for (const event of data.events) console.log(event.event_type, event.event_time);
`,
  bare: `import createClient from "openapi-fetch";
import type { paths } from "./schema.js";
const client = createClient<paths>({ baseUrl: "https://api.fullstory.com", headers: { Authorization: "Basic key" } });
const { data, error } = await client.GET("/v2/sessions/{session_id}/events", {
  params: { path: { session_id: "17117:5916567459329906423" } },
});
if (error) throw new Error(error.message);
for (const event of data.events) console.log(event.event_type, event.event_time);
`,
  heyApi: `import { createClient, createConfig } from "./peer/client/index.ts";
import { getSessionEvents } from "./peer/index.ts";
const client = createClient(createConfig({ baseUrl: "https://api.fullstory.com", headers: { Authorization: "Basic key" } }));
const { data, error } = await getSessionEvents({ client, path: { session_id: "17117:5916567459329906423" } });
if (error) throw new Error(error.message);
for (const event of data.events) console.log(event.event_type, event.event_time);
`,
};

/** Each consumer in its own folder under bench/.tmp, so packages resolve from bench/node_modules. */
function prepare(dir: string): Record<string, string> {
  const dirs: Record<string, string> = {};
  for (const [name, source] of Object.entries(consumers)) {
    const at = join(dir, name);
    mkdirSync(at);
    writeFileSync(join(at, "package.json"), '{ "type": "module", "private": true }\n');
    writeFileSync(join(at, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
    writeFileSync(join(at, "consumer.ts"), source);
    dirs[name] = at;
  }
  cpSync(
    join(root, "packages", "fullstory", "src", "generated", "schema.d.ts"),
    join(dirs.bare as string, "schema.d.ts"),
  );
  // The committed peer carries @ts-nocheck for the repo's stricter typecheck; its users check it.
  const peer = join(dirs.heyApi as string, "peer");
  cpSync(join(root, "bench", "peers", "hey-api", "fullstory"), peer, { recursive: true });
  for (const entry of readdirSync(peer, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    writeFileSync(file, readFileSync(file, "utf8").replace("// @ts-nocheck\n", ""));
  }
  return dirs;
}

export const typecheckTime: Bench = {
  name: "typecheck",
  async run() {
    const scratch = join(root, "bench", ".tmp");
    mkdirSync(scratch, { recursive: true });
    const dir = mkdtempSync(join(scratch, "typecheck-"));
    try {
      const dirs = prepare(dir);
      const check = (at: string) => () => {
        try {
          execFileSync(process.execPath, [tsc, "-p", at], { stdio: "pipe", encoding: "utf8" });
        } catch (error) {
          throw new Error(`tsc failed in ${at}:\n${(error as { stdout?: string }).stdout ?? error}`);
        }
      };
      const ms = interleave(
        Object.fromEntries(Object.entries(dirs).map(([name, at]) => [name, check(at)])),
        5,
        1,
      );
      const s = (name: string) => `${((ms[name] as number) / 1000).toFixed(2)} s`;
      const vsBare = (name: string) => (ms[name] as number) / (ms.bare as number);
      return [
        {
          ...infoRow("tsc --noEmit strict consumer: bare openapi-fetch", s("bare")),
          note: "TypeScript 5.9, strict, NodeNext, skipLibCheck; one tsc process per run (start-up included), medians of 5 interleaved runs",
        },
        infoRow(
          "tsc --noEmit strict consumer: hey-api client (peer)",
          s("heyApi"),
          `bare ${s("bare")}`,
          vsBare("heyApi"),
        ),
        infoRow(
          "tsc --noEmit strict consumer: @sessiontrail/fullstory",
          s("sessiontrail"),
          `bare ${s("bare")}`,
          vsBare("sessiontrail"),
        ),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
