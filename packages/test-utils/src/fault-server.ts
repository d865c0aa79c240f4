// A real HTTP server on 127.0.0.1 whose every answer a test scripts: normal pages, 429s, 5xx bursts,
// slow headers or bodies, truncated bodies, connection resets, wrong content types, huge bodies.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface FaultRequest {
  method: string;
  /** Path and query, e.g. `/api/x?page=2`. */
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
  /** 0-based number of this request among all the server has seen. */
  n: number;
  /** When its headers arrived (ms since the epoch). */
  at: number;
}

/** What the server does with one request. */
export type Fault =
  | { json: unknown; status?: number; headers?: Record<string, string> }
  | { text: string; status: number; headers?: Record<string, string> }
  /** Waits, then does `after`: headers come late. */
  | { delayMs: number; after: Fault }
  /** Sends the headers and the first `sentBytes` of the body, then waits `stallMs` before the rest. */
  | { slowBody: unknown; sentBytes: number; stallMs: number }
  /** Sends part of a JSON body and ends the response cleanly (chunked: the client sees a short body). */
  | { truncated: unknown; keepBytes: number }
  /** Declares the full Content-Length, sends part of the body, then drops the connection. */
  | { cutOff: unknown; keepBytes: number }
  /** Drops the connection before any response. */
  | { reset: true }
  /** Sends these bytes as the body, headers as given (a gzip bomb with `content-encoding: gzip`). */
  | { bytes: Uint8Array; status: number; headers: Record<string, string> };

export interface FaultServer {
  url: string;
  requests: FaultRequest[];
  /** The most requests that were in progress at the same time. */
  maxInFlight: number;
  close(): Promise<void>;
}

async function respond(res: ServerResponse, fault: Fault): Promise<void> {
  if ("delayMs" in fault) {
    await new Promise((r) => setTimeout(r, fault.delayMs));
    if (res.destroyed) return;
    return respond(res, fault.after);
  }
  if ("reset" in fault) {
    res.socket?.resetAndDestroy();
    return;
  }
  if ("json" in fault) {
    const body = JSON.stringify(fault.json);
    res.writeHead(fault.status ?? 200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      ...fault.headers,
    });
    res.end(body);
    return;
  }
  if ("bytes" in fault) {
    res.writeHead(fault.status, { "content-length": fault.bytes.byteLength, ...fault.headers });
    res.end(fault.bytes);
    return;
  }
  if ("text" in fault) {
    res.writeHead(fault.status, { "content-length": Buffer.byteLength(fault.text), ...fault.headers });
    res.end(fault.text);
    return;
  }
  if ("slowBody" in fault) {
    const body = Buffer.from(JSON.stringify(fault.slowBody));
    res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
    res.write(body.subarray(0, fault.sentBytes));
    await new Promise((r) => setTimeout(r, fault.stallMs));
    if (!res.destroyed) res.end(body.subarray(fault.sentBytes));
    return;
  }
  if ("truncated" in fault) {
    const body = Buffer.from(JSON.stringify(fault.truncated));
    res.writeHead(200, { "content-type": "application/json" });
    res.end(body.subarray(0, fault.keepBytes));
    return;
  }
  const body = Buffer.from(JSON.stringify(fault.cutOff));
  res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
  res.write(body.subarray(0, fault.keepBytes), () => res.socket?.destroy());
}

/** Starts a fault server on a free port of 127.0.0.1; `handle` decides each answer. */
export async function startFaultServer(
  handle: (request: FaultRequest) => Fault | Promise<Fault>,
): Promise<FaultServer> {
  const requests: FaultRequest[] = [];
  const sockets = new Set<Socket>();
  let inFlight = 0;
  const state = { maxInFlight: 0 };
  const server = createServer(async (req, res) => {
    const at = Date.now();
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    const done = () => {
      inFlight--;
    };
    res.once("close", done);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request: FaultRequest = {
      method: req.method ?? "GET",
      url: req.url ?? "/",
      headers: req.headers,
      body: Buffer.concat(chunks).toString("utf8"),
      n: requests.length,
      at,
    };
    requests.push(request);
    try {
      await respond(res, await handle(request));
    } catch (error) {
      if (!res.headersSent) res.writeHead(599, { "content-type": "text/plain" });
      res.end(`fault server handler failed: ${String(error)}`);
    }
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get maxInFlight() {
      return state.maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
