// The "vendors" every runtime of the matrix talks to: one node:http server on 127.0.0.1 that answers
// each vendor's operations with its spec's examples, in its wire shape. A client's base URL is
// `<url>/<scenario>/<vendor>`: under `session` the first request of each vendor gets one 429 with
// `Retry-After: 0` and then the mock session, page by page for paging vendors (pagers.ts); under
// `unauthorized` every request gets a 401. The server counts what each vendor was sent.
import { createServer } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { responseExamples } from "../spec-examples.ts";
import { type Examples, type Pager, pagers, type WireRequest } from "./pagers.ts";

interface Operation {
  /** `METHOD /path/{template}`, as the spec names it. */
  name: string;
  method: string;
  pattern: RegExp;
  examples: Examples;
  /** The first example of each status, as Prism would answer: 200 for a non-paging operation, 401, 429. */
  first: Map<number, unknown>;
}

/** What the server saw of one vendor. */
export interface VendorCounts {
  /** Requests to the mock session, the 429 included. */
  requests: number;
  /** 429s served (one, to the vendor's first request). */
  rateLimited: number;
  /** The pages served, in order, by the pager's name for them (`1` for a vendor that does not page). */
  pages: string[];
  /** Requests under the `unauthorized` scenario (each answered 401). */
  unauthorized: number;
}

export interface VendorServer {
  url: string;
  counts(vendor: string): VendorCounts;
  /** Requests that matched no vendor operation, and pagers that failed: each is a broken smoke. */
  problems: string[];
  close(): Promise<void>;
}

const templateToPattern = (path: string): RegExp =>
  new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}/g, "[^/]+")}$`);

/** Every operation of a vendor's spec with its JSON examples. */
function operationsOf(vendor: string): Operation[] {
  const byName = new Map<string, Operation>();
  for (const example of responseExamples(vendor)) {
    if (!example.contentType?.includes("json") || example.value === undefined) continue;
    const name = `${example.method} ${example.path}`;
    let operation = byName.get(name);
    if (!operation) {
      operation = {
        name,
        method: example.method,
        pattern: templateToPattern(example.path),
        examples: {},
        first: new Map(),
      };
      byName.set(name, operation);
    }
    if (!operation.first.has(example.status)) operation.first.set(example.status, example.value);
    if (example.status === 200) operation.examples[example.name ?? "example"] = example.value;
  }
  return [...byName.values()];
}

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return { status, body: JSON.stringify(body), headers: { "content-type": "application/json", ...headers } };
}

/** A vendor's mock session is a few pages: more requests mean a client paging past the end. */
const MAX_REQUESTS = 50;

/** Starts the server for `vendors` (their spec folders) on a free port of 127.0.0.1. */
export async function startVendorServer(vendors: readonly string[]): Promise<VendorServer> {
  const operations = new Map(vendors.map((vendor) => [vendor, operationsOf(vendor)]));
  const counts = new Map<string, VendorCounts>(
    vendors.map((vendor) => [vendor, { requests: 0, rateLimited: 0, pages: [], unauthorized: 0 }]),
  );
  const problems: string[] = [];

  const answer = (request: WireRequest, scenario: string, vendor: string) => {
    const count = counts.get(vendor);
    const operation = operations
      .get(vendor)
      ?.find((op) => op.method === request.method && op.pattern.test(request.path));
    if (!count || !operation) {
      problems.push(`no operation answers ${request.method} /${scenario}/${vendor}${request.path}`);
      return json(404, { error: "not a mocked operation" });
    }
    // Errors in the vendor's own shape where its spec has an example, so its error reading runs too.
    if (scenario === "unauthorized") {
      count.unauthorized++;
      return json(401, operation.first.get(401) ?? { error: "unauthorized" });
    }
    if (scenario !== "session") {
      problems.push(`unknown scenario ${scenario} (${vendor})`);
      return json(404, { error: "unknown scenario" });
    }
    count.requests++;
    if (count.requests > MAX_REQUESTS) {
      // A paging vendor without a pager gets the same first example for every page, and may never stop.
      problems.push(
        `${vendor}: over ${MAX_REQUESTS} requests; if it pages, scripts/runtimes/pagers.ts needs a pager`,
      );
      return json(500, { error: "too many requests for a mock session" });
    }
    if (count.requests === 1) {
      count.rateLimited++;
      return json(429, operation.first.get(429) ?? { error: "rate limited" }, { "retry-after": "0" });
    }
    const pager: Pager | undefined = pagers[vendor];
    if (pager?.operation === operation.name) {
      const { body, page } = pager.answer(request, operation.examples);
      count.pages.push(page);
      return json(200, body);
    }
    count.pages.push("1");
    return json(200, operation.first.get(200));
  };

  const sockets = new Set<Socket>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const [, scenario = "", vendor = "", ...rest] = url.pathname.split("/");
    const text = Buffer.concat(chunks).toString("utf8");
    let reply: ReturnType<typeof json>;
    try {
      reply = answer(
        {
          method: req.method ?? "GET",
          path: `/${rest.join("/")}`,
          query: url.searchParams,
          body: text === "" ? undefined : JSON.parse(text),
        },
        scenario,
        vendor,
      );
    } catch (error) {
      problems.push(`${req.method} ${url.pathname}: ${String(error)}`);
      reply = { status: 500, body: String(error), headers: { "content-type": "text/plain" } };
    }
    res.writeHead(reply.status, { ...reply.headers, "content-length": Buffer.byteLength(reply.body) });
    res.end(reply.body);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts: (vendor) => {
      const count = counts.get(vendor);
      if (!count) throw new Error(`the vendor server does not mock ${vendor}`);
      return count;
    },
    problems,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
