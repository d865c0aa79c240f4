// Paged streams (OpenReplay client's events(), against the loopback server in bench/server.ts):
// - fetch-ahead: a 10,000-event session in pages of 200 at 20 ms per page, read with
//   `concurrency: 4` against `concurrency: 1` (sequential). Target: >= 3x faster.
// - streaming memory: 1,000,000 events read one by one (pages of 200, `concurrency: 4`); the
//   retained heap (after a forced GC) sampled along the way, minus the heap after the first pages.
//   Target: grows < 64 MB. Runs in a child process with --expose-gc (this file with --child).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createOpenReplayClient } from "@sessiontrail/openreplay";
import { parse } from "yaml";
import { type Bench, interleaveAsync, type Row } from "./harness.ts";
import { startServer } from "./server.ts";

const PAGE = 200;

/** The spec's auto-captured session: realistic OpenReplay events to replicate. */
function openReplayEvents(): Record<string, unknown>[] {
  const spec = parse(readFileSync(new URL("../specs/openreplay/openapi.yaml", import.meta.url), "utf8"));
  return spec.components.examples.AutoCapturedSession.value.data.events;
}

function client(baseUrl: string) {
  return createOpenReplayClient({ apiKey: "bench-key", baseUrl, projectKey: "bench-project" });
}

async function fetchAhead(): Promise<Row> {
  const total = 10_000;
  const server = await startServer({ openreplay: { events: openReplayEvents(), total, delayMs: 20 } });
  try {
    const read = (concurrency: number) => async () => {
      const events = await client(server.url)
        .events({ sessionId: "7388421535427108315" }, { pageSize: PAGE, concurrency })
        .toArray();
      if (events.length !== total) throw new Error(`read ${events.length} of ${total} events`);
    };
    const ms = await interleaveAsync({ sequential: read(1), ahead: read(4) }, 5, 1);
    const ratio = (ms.sequential as number) / (ms.ahead as number);
    return {
      figure: `pagination: ${total} OpenReplay events, ${total / PAGE} pages at 20 ms, concurrency 4 vs 1`,
      value: `${(ms.ahead as number).toFixed(0)} ms`,
      baseline: `sequential ${(ms.sequential as number).toFixed(0)} ms`,
      ratio,
      target: ">= 3.00 (speed-up)",
      ok: ratio >= 3,
    };
  } finally {
    server.close();
  }
}

/** In the child: streams `total` events and prints { growthBytes, baselineBytes, ms } as JSON. */
async function streamChild(total: number): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc");
  const server = await startServer({ openreplay: { events: openReplayEvents(), total, delayMs: 0 } });
  try {
    const stream = client(server.url).events(
      { sessionId: "7388421535427108315" },
      { pageSize: PAGE, concurrency: 4 },
    );
    const t0 = performance.now();
    let count = 0;
    let baseline = 0;
    let peak = 0;
    for await (const event of stream) {
      if (!event) throw new Error("no event");
      count++;
      if (count === 10_000) {
        gc();
        baseline = process.memoryUsage().heapUsed;
      } else if (count % 50_000 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
    }
    if (count !== total) throw new Error(`read ${count} of ${total} events`);
    const ms = performance.now() - t0;
    process.stdout.write(
      `${JSON.stringify({ growthBytes: peak - baseline, baselineBytes: baseline, ms })}\n`,
    );
  } finally {
    server.close();
  }
}

function streamingMemory(): Row {
  const total = 1_000_000;
  const out = execFileSync(
    process.execPath,
    ["--expose-gc", fileURLToPath(import.meta.url), "--child", String(total)],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  const { growthBytes, baselineBytes, ms } = JSON.parse(out.trim().split("\n").pop() as string);
  const limit = 64 * 1024 * 1024;
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return {
    figure: `streaming memory: 1,000,000 OpenReplay events (${((total / ms) * 1000).toFixed(0)} events/s), heap growth`,
    value: mb(Math.max(0, growthBytes)),
    baseline: `limit ${mb(limit)} (heap at 10k events ${mb(baselineBytes)})`,
    ratio: Math.max(0, growthBytes) / limit,
    target: "< 1.00",
    ok: growthBytes < limit,
  };
}

export const pagination: Bench = {
  name: "pagination",
  async run() {
    return [await fetchAhead(), streamingMemory()];
  },
};

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === "--child") {
  await streamChild(Number(process.argv[3]));
}
