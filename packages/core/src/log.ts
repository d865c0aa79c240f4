// What a client says it is doing, one record at a time, for the `logger` option of every client (and
// the CLI's --verbose). Records hold no key and no header: a path is masked and never has its query
// (which can hold user ids), and nothing else in a record comes from the caller's options.

/** Fields every record has. */
interface RecordBase {
  vendor: string;
}

/** One request, as it is sent (after any rate-limit wait). */
export interface RequestRecord extends RecordBase {
  type: "request";
  method: string;
  /** The URL's path, without the query. */
  path: string;
  /** 1 for the first attempt of a read, 2 for its first retry, ... (raw calls are always 1). */
  attempt: number;
}

/** One response, once its body is read: the status, how long it took, and the vendor's request id. */
export interface ResponseRecord extends Omit<RequestRecord, "type"> {
  type: "response";
  status: number;
  durationMs: number;
  requestId: string | undefined;
}

/** A request that got no usable response: timed out, dropped, aborted, or a body over the cap. */
export interface RequestErrorRecord extends Omit<RequestRecord, "type"> {
  type: "error";
  kind: string;
  durationMs: number;
}

/** A failed attempt of a read that will be tried again, after `waitMs`. */
export interface RetryRecord extends RecordBase {
  type: "retry";
  /** The attempt that failed. */
  attempt: number;
  kind: string;
  status: number | undefined;
  waitMs: number;
}

/** A wait before a request: the client-side rate limit, or the vendor's `Retry-After`. */
export interface WaitRecord extends RecordBase {
  type: "wait";
  reason: "rate_limit" | "retry_after";
  waitMs: number;
  method?: string | undefined;
  path?: string | undefined;
}

/** One page of a session read: how many events it held, and the vendor's total when it said one. */
export interface PageRecord extends RecordBase {
  type: "page";
  page: number;
  events: number;
  total: number | undefined;
  more: boolean;
}

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
