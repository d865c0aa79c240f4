// The stream machinery on its own, with a scripted SessionSource (no vendor, no network): how it
// decides whether pages follow, what it refuses, its order and id guarantees, resume and page reads.
import { describe, expect, it } from "vitest";
import {
  type EventMapping,
  type EventStreamOptions,
  newEvent,
  normalizeEvents,
  type PageContent,
  readPage,
  type SessionEvent,
  type SessionSource,
  SessionTrailError,
  singleResponseSource,
  streamSession,
  type TextResult,
} from "../src/index.ts";

interface Item {
  t: number;
  name: string;
  id?: string;
}

/** A test vendor's normalizer: ids where the item has one, else hashed from time and name. */
const mapping: EventMapping<Item> = {
  event: (item) => newEvent("test", item.id ?? "", "custom", item.name, item.t, {}),
  identity(_item, event, hash) {
    hash.number(event.timestamp);
    hash.text(event.name);
  },
};

interface ScriptedPage {
  items: Item[];
  total?: unknown;
  hasMore?: unknown;
}

/** A paged source whose page n is `pages(n)`; it records the pages asked for. */
function scripted(pages: (page: number) => ScriptedPage, pageSize = 3) {
  const asked: number[] = [];
  const source: SessionSource = {
    vendor: "test",
    paged: true,
    pageSize,
    request: async (page) => {
      asked.push(page);
      const body = JSON.stringify(pages(page));
      return {
        data: body,
        response: new Response(body, { headers: { "content-type": "application/json" } }),
      };
    },
    read(body, options): PageContent {
      const page = body as ScriptedPage;
      return {
        events: normalizeEvents("test", page.items, options, mapping),
        count: page.items.length,
        total: page.total as number | undefined,
        hasMore: page.hasMore as boolean | undefined,
      };
    },
  };
  return { source, asked };
}

const items = (from: number, to: number): Item[] =>
  Array.from({ length: to - from }, (_, i) => ({
    t: 1_000 + (from + i) * 10,
    name: `e${from + i}`,
    id: `id${from + i}`,
  }));

/** Pages of 3 over `all`, saying the total. */
const byTotal =
  (all: Item[], size = 3) =>
  (page: number) => ({
    items: all.slice((page - 1) * size, page * size),
    total: all.length,
  });

const names = (events: SessionEvent[]) => events.map((e) => e.name);
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error as SessionTrailError,
  );

describe("streamSession: when the session ends", () => {
  it("reads until the total has come, asking each page once", async () => {
    const all = items(0, 8);
    const { source, asked } = scripted(byTotal(all));
    expect(names(await streamSession(source).toArray())).toEqual(
      names(normalizeEvents("test", all, {}, mapping)),
    );
    expect(asked).toEqual([1, 2, 3]);
  });

  it("goes on past a short page while the total says more", async () => {
    const all = items(0, 8);
    // The vendor pages by 2 though 3 were asked.
    const { source, asked } = scripted(byTotal(all, 2));
    expect(await streamSession(source).toArray()).toHaveLength(8);
    expect(asked).toEqual([1, 2, 3, 4]);
  });

  it("follows hasMore when the vendor gives no total", async () => {
    const all = items(0, 5);
    const { source } = scripted((page) => ({
      items: all.slice((page - 1) * 3, page * 3),
      hasMore: page < 2,
    }));
    expect(await streamSession(source).toArray()).toHaveLength(5);
  });

  const broken: [string, (page: number) => ScriptedPage, RegExp][] = [
    ["neither total nor hasMore", () => ({ items: items(0, 3) }), /neither/],
    ["a total that is not a count", () => ({ items: items(0, 3), total: -1 }), /not a count/],
    ["hasMore that is not a boolean", () => ({ items: items(0, 3), hasMore: "true" }), /not a boolean/],
    ["more events than the total", () => ({ items: items(0, 3), total: 2 }), /more than the session's total/],
    [
      "hasMore false short of the total",
      (page) => ({ items: items((page - 1) * 3, page * 3), total: 9, hasMore: page < 2 }),
      /ended after 6 of the session's 9/,
    ],
    ["an empty page that promises more", () => ({ items: [], hasMore: true }), /empty page/],
  ];
  for (const [name, pages, message] of broken) {
    it(`fails with invalid_response on ${name}`, async () => {
      const error = await failure(streamSession(scripted(pages).source).toArray());
      expect(error).toBeInstanceOf(SessionTrailError);
      expect(error).toMatchObject({ kind: "invalid_response", vendor: "test" });
      expect(error.message).toMatch(message);
    });
  }

  it("fails past maxPages, having asked exactly that many", async () => {
    const { source, asked } = scripted((page) => ({ items: items((page - 1) * 3, page * 3), hasMore: true }));
    const error = await failure(streamSession(source, { maxPages: 4 }).toArray());
    expect(error.message).toMatch(/page 5: .*maxPages/);
    expect(asked).toEqual([1, 2, 3, 4]);
  });
});

describe("streamSession: order and ids", () => {
  it("sorts a page by time, keeping twins in the vendor's order", async () => {
    const page: Item[] = [
      { t: 30, name: "c" },
      { t: 10, name: "a" },
      { t: 20, name: "b1" },
      { t: 20, name: "b2" },
    ];
    const { source } = scripted(() => ({ items: page, total: 4 }), 10);
    expect(names(await streamSession(source).toArray())).toEqual(["a", "b1", "b2", "c"]);
  });

  it("fails naming the page that starts before the one before it ended", async () => {
    const { source } = scripted((page) => ({ items: page === 1 ? items(3, 6) : items(0, 3), total: 6 }));
    const error = await failure(streamSession(source).toArray());
    expect(error.message).toMatch(/^test: page 2: starts at .* before page 1 ended/);
  });

  it("fails when a page repeats an event of the page before", async () => {
    const { source } = scripted((page) => ({
      items: page === 1 ? items(0, 3) : [items(2, 3)[0] as Item, ...items(3, 5)],
      total: 6,
    }));
    expect((await failure(streamSession(source).toArray())).message).toMatch(/repeats event id2 of page 1/);
  });

  it("keeps hashed ids of twins distinct across a page boundary and equal to a one-page read", async () => {
    const twins: Item[] = [
      { t: 1, name: "a" },
      { t: 2, name: "same" },
      { t: 2, name: "same" },
      { t: 3, name: "b" },
    ];
    const paged = await streamSession(scripted(byTotal(twins, 2), 2).source).toArray();
    const whole = await streamSession(scripted(byTotal(twins, 4), 4).source).toArray();
    expect(new Set(paged.map((e) => e.id)).size).toBe(4);
    expect(paged.map((e) => e.id)).toEqual(whole.map((e) => e.id));
  });
});

describe("streamSession: abort, resume, options", () => {
  it("stops between two events of a fetched page when aborted", async () => {
    const controller = new AbortController();
    const { source } = scripted(() => ({ items: items(0, 3), total: 3 }));
    const got: SessionEvent[] = [];
    const error = await failure(
      (async () => {
        for await (const event of streamSession(source, { signal: controller.signal })) {
          got.push(event);
          controller.abort();
        }
      })(),
    );
    expect(error.kind).toBe("aborted");
    expect(got).toHaveLength(1);
  });

  it("resumes after a failed page with the same checks and ids as an unbroken read", async () => {
    const twins: Item[] = [
      { t: 1, name: "same" },
      { t: 1, name: "same" },
      { t: 1, name: "same" },
      { t: 2, name: "b" },
    ];
    let failing = true;
    const { source } = scripted((page) => {
      if (page === 2 && failing)
        throw new SessionTrailError({ kind: "server", vendor: "test", message: "503" });
      return byTotal(twins, 2)(page);
    }, 2);
    const stream = streamSession(source, { retry: false });
    const got: SessionEvent[] = [];
    await failure(
      (async () => {
        for await (const event of stream) got.push(event);
      })(),
    );
    expect(stream.position).toEqual({ page: 2, offset: 0 });
    failing = false;
    const rest = await stream.resume().toArray();
    const unbroken = await streamSession(scripted(byTotal(twins, 2), 2).source).toArray();
    expect([...got, ...rest].map((e) => e.id)).toEqual(unbroken.map((e) => e.id));
  });

  it("refuses bad options before anything is sent", () => {
    const { source, asked } = scripted(() => ({ items: [], total: 0 }));
    const bad: EventStreamOptions[] = [
      { concurrency: 17 },
      { maxPages: 0 },
      { timeoutMs: 1.5 },
      { startAt: { page: 0, offset: 0 } },
      { retry: { maxAttempts: 0 } },
    ];
    for (const options of bad) expect(() => streamSession(source, options)).toThrow(/invalid input/);
    expect(asked).toEqual([]);
  });
});

describe("readPage", () => {
  it("returns one page's body untouched, and refuses a page a one-response vendor does not have", async () => {
    const { source, asked } = scripted((page) => ({ items: items(0, 1), total: page }));
    expect(await readPage(source, { page: 3 })).toEqual({ items: items(0, 1), total: 3 });
    expect(asked).toEqual([3]);
    const single = singleResponseSource(
      "test",
      async (): Promise<TextResult> => ({ data: "{}", response: new Response("{}") }),
      () => [],
    );
    await expect(readPage(single, { page: 2 })).rejects.toThrow(/one response/);
    await expect(readPage(source, { page: 0 })).rejects.toThrow(/page: must be an integer/);
  });
});

describe("streamSession: pages by cursor", () => {
  /** A source whose pages follow cursors: `pages[cursor ?? "start"]`; it records the cursors asked with. */
  function byCursor(
    pages: Record<string, ScriptedPage & { next?: string }>,
    accept?: SessionSource["accept"],
  ) {
    const asked: unknown[] = [];
    const source: SessionSource = {
      vendor: "test",
      paged: true,
      pageSize: 3,
      request: async (_page, _request, cursor) => {
        asked.push(cursor);
        const body = JSON.stringify(pages[(cursor as string | undefined) ?? "start"]);
        return {
          data: body,
          response: new Response(body, { headers: { "content-type": "application/json" } }),
        };
      },
      ...(accept ? { accept } : {}),
      read(body, options): PageContent {
        const page = body as ScriptedPage & { next?: string };
        return {
          events: normalizeEvents("test", page.items, options, mapping),
          count: page.items.length,
          hasMore: page.hasMore as boolean | undefined,
          next: page.next,
        };
      },
    };
    return { source, asked };
  }

  it("asks each page with the cursor of the one before, one at a time, past short and empty pages", async () => {
    const { source, asked } = byCursor({
      start: { items: items(0, 3), next: "a" },
      a: { items: items(3, 4), next: "b" },
      b: { items: [], next: "c" },
      c: { items: items(4, 6), hasMore: false },
    });
    const events = await streamSession(source, { concurrency: 4 }).toArray();
    expect(names(events)).toEqual(["e0", "e1", "e2", "e3", "e4", "e5"]);
    expect(asked).toEqual([undefined, "a", "b", "c"]);
  });

  it("fails when the cursor does not advance", async () => {
    const { source } = byCursor({
      start: { items: items(0, 3), next: "a" },
      a: { items: items(3, 6), next: "a" },
    });
    expect((await failure(streamSession(source).toArray())).message).toMatch(
      /page 2: the cursor did not advance/,
    );
  });

  it("asks again for a page the source does not accept, then goes on", async () => {
    let partial = 2;
    const { source, asked } = byCursor({ start: { items: items(0, 3), hasMore: false } }, () => {
      if (partial-- > 0)
        throw new SessionTrailError({ kind: "timeout", vendor: "test", message: "partial page" });
    });
    const events = await streamSession(source, { retry: { baseDelayMs: 1, maxDelayMs: 2 } }).toArray();
    expect(events).toHaveLength(3);
    expect(asked).toHaveLength(3);
  });

  it("fails with the source's error when a page stays partial past the retries", async () => {
    const { source, asked } = byCursor({ start: { items: items(0, 3), hasMore: false } }, () => {
      throw new SessionTrailError({ kind: "timeout", vendor: "test", message: "partial page" });
    });
    const error = await failure(
      streamSession(source, { retry: { maxAttempts: 3, baseDelayMs: 1 } }).toArray(),
    );
    expect(error).toMatchObject({ kind: "timeout", attempts: 3 });
    expect(error.message).toMatch(/^test: partial page \(3 attempts in /);
    expect(asked).toHaveLength(3);
  });

  it("resumes with the cursor of the page it stopped on", async () => {
    const { source, asked } = byCursor({
      start: { items: items(0, 3), next: "a" },
      a: { items: items(3, 5), hasMore: false },
    });
    const stream = streamSession(source);
    const got: SessionEvent[] = [];
    for await (const event of stream) {
      got.push(event);
      if (got.length === 4) break;
    }
    const rest = await stream.resume().toArray();
    expect(names([...got, ...rest])).toEqual(["e0", "e1", "e2", "e3", "e4"]);
    expect(asked).toEqual([undefined, "a", "a"]);
  });
});
