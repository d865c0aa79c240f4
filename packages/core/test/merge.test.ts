import { describe, expect, it } from "vitest";
import { mergeTimelines, type SessionEvent, SessionTrailError } from "../src/index.ts";

const ev = (vendor: string, id: string, timestamp: number): SessionEvent => ({
  id,
  vendor,
  type: "custom",
  name: id,
  timestamp,
  time: new Date(timestamp).toISOString(),
  properties: {},
});

async function collect(iterable: AsyncIterable<SessionEvent>): Promise<string[]> {
  const out: string[] = [];
  for await (const e of iterable) out.push(`${e.vendor}:${e.id}`);
  return out;
}

async function* stream(events: SessionEvent[], log?: string[]) {
  for (const e of events) {
    log?.push(`pull ${e.vendor}:${e.id}`);
    yield e;
  }
}

describe("mergeTimelines", () => {
  it("merges chronologically, stable by source then position for equal timestamps", async () => {
    const a = [ev("a", "a1", 10), ev("a", "a2", 20), ev("a", "a3", 20)];
    const b = [ev("b", "b1", 5), ev("b", "b2", 20), ev("b", "b3", 30)];
    expect(await collect(mergeTimelines(a, b))).toEqual(["b:b1", "a:a1", "a:a2", "a:a3", "b:b2", "b:b3"]);
  });

  it("sorts arrays given in any order", async () => {
    const desc = [ev("h", "3", 3), ev("h", "2", 2), ev("h", "1", 1)];
    expect(await collect(mergeTimelines(desc))).toEqual(["h:1", "h:2", "h:3"]);
  });

  it("drops the same event fetched twice but keeps distinct events at one instant", async () => {
    const first = [ev("fs", "x", 1), ev("fs", "y", 1)];
    const again = [ev("fs", "x", 1), ev("fs", "z", 2)];
    const other = [ev("or", "x", 1)];
    expect(await collect(mergeTimelines(first, again, other))).toEqual(["fs:x", "fs:y", "or:x", "fs:z"]);
  });

  it("streams: pulls one event ahead per source, not whole inputs", async () => {
    const log: string[] = [];
    const merged = mergeTimelines(
      stream([ev("a", "1", 1), ev("a", "3", 3), ev("a", "5", 5)], log),
      stream([ev("b", "2", 2), ev("b", "4", 4)], log),
    );
    const it = merged[Symbol.asyncIterator]();
    expect((await it.next()).value?.id).toBe("1");
    expect(log).toEqual(["pull a:1", "pull b:2", "pull a:3"]);
    await it.return?.(undefined);
  });

  it("fails clearly when an async source goes back in time", async () => {
    const backwards = stream([ev("a", "2", 2), ev("a", "1", 1)]);
    await expect(collect(mergeTimelines(backwards))).rejects.toThrow(SessionTrailError);
    await expect(collect(mergeTimelines(stream([ev("a", "2", 2), ev("a", "1", 1)])))).rejects.toThrow(
      /ascending/,
    );
  });
});
