// What each vendor package tells the contract suite (contract-tests/) that its descriptor cannot:
// a typed call of each spec operation, and the inputs its spec and client refuse. Each vendor keeps
// these next to itself, in `packages/<vendor>/test/contract.ts`, exporting `contractCases`.
import type { EventStream, EventStreamOptions } from "@sessiontrail/core";

/** What a typed openapi-fetch call returns: typed `data` for a 2xx, typed `error` otherwise. */
export interface ContractCallResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** What the suite hands a vendor's cases: the mock, the key, and the vendor's client on them. */
export interface ContractContext<Client> {
  /** The vendor's Prism mock. */
  baseUrl: string;
  /** The key the suite's clients send (Prism checks only that there is one). */
  apiKey: string;
  /** The vendor's client on the mock, with the spec-example settings; `options` go on top. */
  client(options?: Record<string, unknown>): Client;
  /** `events()` of the spec-example query on that client. */
  events(options?: EventStreamOptions): EventStream;
}

/** A request the spec forbids: sent raw to Prism, which must refuse it, and given to the client, which must refuse it first. */
export interface ContractInvalidInput<Client> {
  what: string;
  /** The request field Prism must name in its validation errors (absent for a missing key: 401). */
  field?: string;
  raw(context: ContractContext<Client>): Promise<Response>;
  viaClient(context: ContractContext<Client>): unknown;
}

export interface ContractCases<Client> {
  /** One typed call of each spec operation, by `METHOD /path`, with the spec-example ids. */
  calls: Record<string, (client: Client) => Promise<ContractCallResult>>;
  invalid: ContractInvalidInput<Client>[];
}
