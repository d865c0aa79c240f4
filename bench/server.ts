// The loopback vendor the benchmarks call: a plain node:http server, run in its own process so it
// has its own event loop (and, on two cores, mostly its own core). It serves
//   GET  /v2/sessions/{id}/events                      FullStory-like: one small JSON body
//   POST /public/{project}/sessions/{id}/events        OpenReplay-like: `total` events, paged by
//                                                      the body's `page` and `limit`, each page
//                                                      answered after `delayMs`
// Started by `startServer()` and stopped by its own PID.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";

export interface ServerConfig {
  /** The FullStory-like body. */
  fullstory?: string;
  /** OpenReplay-like pages: vendor events to replicate up to `total`, and the latency of a page. */
  openreplay?: { events: Record<string, unknown>[]; total: number; delayMs: number };
}

export interface Server {
  url: string;
  close(): void;
}

/** Starts this file as a child process on 127.0.0.1 and waits for its port. */
export async function startServer(config: ServerConfig): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
    env: { ...process.env, BENCH_SERVER_CONFIG: JSON.stringify(config) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
    child.stdout?.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      child.removeAllListeners("exit");
      child.kill();
    },
  };
}

function openReplayPage(
  config: NonNullable<ServerConfig["openreplay"]>,
  page: number,
  limit: number,
): string {
  const { events, total } = config;
  const first = (page - 1) * limit;
  const out: unknown[] = [];
  for (let i = first; i < Math.min(total, first + limit); i++) {
    const template = events[i % events.length] as Record<string, unknown>;
    out.push({ ...template, event_id: `e-${i}`, created_at: 1_778_577_245_312 + i });
  }
  return JSON.stringify({ data: { total, events: out } });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const config: ServerConfig = JSON.parse(process.env.BENCH_SERVER_CONFIG ?? "{}");
  const fullstory = Buffer.from(config.fullstory ?? "{}");
  const pages = new Map<string, string>();
  const server = createServer((req, res) => {
    const json = (status: number, body: string | Buffer) => {
      res.writeHead(status, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      });
      res.end(body);
    };
    if (req.method === "GET" && req.url?.startsWith("/v2/sessions/")) return json(200, fullstory);
    if (req.method === "POST" && req.url?.startsWith("/public/") && config.openreplay) {
      const openreplay = config.openreplay;
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const { page = 1, limit = 200 } = JSON.parse(Buffer.concat(chunks).toString() || "{}");
        // Small sessions are built once per page, so the fake vendor costs little CPU on a shared machine.
        const key = `${page}:${limit}`;
        const body = pages.get(key) ?? openReplayPage(openreplay, page, limit);
        if (openreplay.total <= 100_000) pages.set(key, body);
        if (openreplay.delayMs > 0) setTimeout(() => json(200, body), openreplay.delayMs);
        else json(200, body);
      });
      return;
    }
    json(404, '{"code":"not_found","message":"no such route"}');
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    process.stdout.write(`${typeof address === "object" && address ? address.port : 0}\n`);
  });
}
