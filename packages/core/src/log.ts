// What a client says it is doing, one record at a time, for the `logger` option of every client (and
// the CLI's --verbose). Records hold no key and no header: a path is masked and never has its query
// (which can hold user ids), and nothing else in a record comes from the caller's options.

/** Fields every record has. */
interface RecordBase {
  /** The vendor whose client made the record, e.g. `fullstory`. */
  vendor: string;
}

/** One request, as it is sent (after any rate-limit wait). */
export interface RequestRecord extends RecordBase {
  /** What the record is about. */
  type: "request";
  /** The HTTP method, e.g. `GET`. */
  method: string;
  /** The URL's path, without the query. */
  path: string;
  /** 1 for the first attempt of a read, 2 for its first retry, ... (raw calls are always 1). */
  attempt: number;
}

/** One response, once its body is read: the status, how long it took, and the vendor's request id. */
export interface ResponseRecord extends Omit<RequestRecord, "type"> {
  /** What the record is about. */
  type: "response";
  /** The HTTP status. */
  status: number;
  /** From sending the request to the end of its body, in milliseconds. */
  durationMs: number;
  /** The vendor's id of the request, from its response headers, when it sent one. */
  requestId: string | undefined;
}

/** A request that got no usable response: timed out, dropped, aborted, or a body over the cap. */
export interface RequestErrorRecord extends Omit<RequestRecord, "type"> {
  /** What the record is about. */
  type: "error";
  /** The error's `SessionTrailErrorKind`, e.g. `timeout`. */
  kind: string;
  /** From sending the request to the failure, in milliseconds. */
  durationMs: number;
}

/** A failed attempt of a read that will be tried again, after `waitMs`. */
export interface RetryRecord extends RecordBase {
  /** What the record is about. */
  type: "retry";
  /** The attempt that failed. */
  attempt: number;
  /** The failed attempt's `SessionTrailErrorKind`, e.g. `rate_limited`. */
  kind: string;
  /** The failed attempt's HTTP status, when it got a response. */
  status: number | undefined;
  /** How long the client waits before the next attempt, in milliseconds. */
  waitMs: number;
}

/** A wait before a request: the client-side rate limit, or the vendor's `Retry-After`. */
export interface WaitRecord extends RecordBase {
  /** What the record is about. */
  type: "wait";
  /** The client's own rate limit, or the vendor's `Retry-After`. */
  reason: "rate_limit" | "retry_after";
  /** How long the wait lasts, in milliseconds. */
  waitMs: number;
  /** The HTTP method of the request that waits (a rate-limit wait). */
  method?: string | undefined;
  /** The path of the request that waits, without the query (a rate-limit wait). */
  path?: string | undefined;
}

/** One page of a session read: how many events it held, and the vendor's total when it said one. */
export interface PageRecord extends RecordBase {
  /** What the record is about. */
  type: "page";
  /** The page's number, from 1. */
  page: number;
  /** How many events the page held. */
  events: number;
  /** The session's event count, when the vendor said it. */
  total: number | undefined;
  /** Whether another page follows. */
  more: boolean;
}

/** One record a client hands its `logger`, told apart by `type`. */
export type LogRecord =
  | RequestRecord
  | ResponseRecord
  | RequestErrorRecord
  | RetryRecord
  | WaitRecord
  | PageRecord;

/** The `logger` option of every client: called once per record, synchronously; what it throws is ignored. */
export type Logger = (record: LogRecord) => void;

/** The caller's logger, made safe to call: a logger that throws must not break the read it reports on. */
export function safeLogger(logger: Logger | undefined): Logger | undefined {
  return (
    logger &&
    ((record) => {
      try {
        logger(record);
      } catch {}
    })
  );
}
