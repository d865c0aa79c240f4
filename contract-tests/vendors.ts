// How the contract suite drives each vendor. What every vendor shares comes from its descriptor (the
// CLI's registry): the client, the events() query from the spec-example ids, the normalizer. What is
// truly vendor-specific (a typed call of each spec operation, the inputs the spec and the client
// refuse) lives next to the vendor, in `packages/<vendor>/test/contract.ts`, loaded here by name.
import { fileURLToPath } from "node:url";
import { mockDefaults, type VendorName, vendorDescriptors } from "@sessiontrail/cli";
import type { EventStream, EventStreamOptions, SessionEvent } from "@sessiontrail/core";
import type { ContractCases, ContractContext } from "@sessiontrail/test-utils";

export const apiKey = "sk_contract_7f3a9c2e1b5d4";

/** What a typed openapi-fetch call returns: typed `data` for a 2xx, typed `error` otherwise. */
export interface CallResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

export interface ClientSetup {
  baseUrl: string;
  /** Extra request headers, e.g. Prism's `Prefer`. */
  headers?: Record<string, string>;
  fetch?: (request: Request) => Promise<Response>;
}

/** A request the spec forbids: sent raw to Prism, and given to the client, which must refuse it. */
export interface InvalidInput {
  what: string;
  /** The request field Prism must name in its validation errors (absent for a missing key: 401). */
  field?: string;
  raw(baseUrl: string): Promise<Response>;
  viaClient(setup: ClientSetup): unknown;
}

export interface VendorContract {
  vendor: string;
  /** `METHOD /path` of every operation this table covers; must equal the spec's operations. */
  operations: string[];
  call(operation: string, setup: ClientSetup): Promise<CallResult>;
  normalize(body: unknown): SessionEvent[];
  events(setup: ClientSetup, options?: EventStreamOptions): EventStream;
  invalid: InvalidInput[];
}

/** The window sent to vendors that search one (the spec examples' sessions fall inside it). */
const window = { since: 1_623_440_000_000, until: 1_623_441_000_000 };

const options = (setup: ClientSetup) => ({
  apiKey,
  // Hardal's client keeps to 100 requests a minute by default; the dynamic run makes more.
  rateLimit: false as const,
  baseUrl: setup.baseUrl,
  ...(setup.headers ? { headers: setup.headers } : {}),
  ...(setup.fetch ? { fetch: setup.fetch } : {}),
});

/** The spec-example ids and settings of each vendor (its descriptor's `mock`). */
const ids = mockDefaults;

function descriptor(vendor: VendorName): (typeof vendorDescriptors)[number] {
  return vendorDescriptors.find((d) => d.name === vendor) as (typeof vendorDescriptors)[number];
}

/** The vendor's client with the suite's key and the spec-example settings (OpenReplay's project key). */
function clientOf(vendor: VendorName, setup: ClientSetup, extra: Record<string, unknown> = {}): unknown {
  const { id: _id, ...settings } = ids[vendor];
  return (descriptor(vendor).create as (options: object) => unknown)({
    ...options(setup),
    ...settings,
    ...extra,
  });
}

/** The descriptor's events() query for the spec-example id, inside `window` where the vendor searches one. */
function queryOf(vendor: VendorName): unknown {
  const d = descriptor(vendor);
  const { id, ...settings } = ids[vendor];
  return d.toQuery({ id, settings, ...(d.query.window ? window : {}) });
}

function streamOf(vendor: VendorName, setup: ClientSetup, streamOptions?: EventStreamOptions): EventStream {
  return (
    clientOf(vendor, setup) as { events(query: unknown, options?: EventStreamOptions): EventStream }
  ).events(queryOf(vendor), streamOptions);
}

/** Each vendor's own cases, from its package's test/contract.ts: a vendor without one fails here. */
async function casesOf(vendor: VendorName): Promise<ContractCases<unknown>> {
  const file = `packages/${vendor}/test/contract.ts`;
  const path = fileURLToPath(new URL(`../${file}`, import.meta.url));
  const loaded = (await import(path).catch((cause: unknown) => {
    throw new Error(`${vendor}: no contract cases (${file} exporting contractCases)`, { cause });
  })) as { contractCases?: ContractCases<unknown> };
  if (!loaded.contractCases) throw new Error(`${vendor}: ${file} exports no contractCases`);
  return loaded.contractCases;
}

export const contracts: VendorContract[] = await Promise.all(
  vendorDescriptors.map(async (d): Promise<VendorContract> => {
    const { calls, invalid } = await casesOf(d.name);
    const context = (setup: ClientSetup): ContractContext<unknown> => ({
      baseUrl: setup.baseUrl,
      apiKey,
      client: (extra = {}) => clientOf(d.name, setup, extra),
      events: (streamOptions) => streamOf(d.name, setup, streamOptions),
    });
    return {
      vendor: d.name,
      operations: Object.keys(calls),
      call: (operation, setup) => {
        const call = calls[operation];
        if (call === undefined) throw new Error(`${d.name}: test/contract.ts has no call for ${operation}`);
        return call(clientOf(d.name, setup));
      },
      normalize: (body) =>
        (d.normalize as (body: unknown, query: unknown) => SessionEvent[])(body, queryOf(d.name)),
      events: (setup, streamOptions) => streamOf(d.name, setup, streamOptions),
      invalid: invalid.map((input) => ({
        what: input.what,
        ...(input.field !== undefined ? { field: input.field } : {}),
        raw: (baseUrl) => input.raw(context({ baseUrl })),
        viaClient: (setup) => input.viaClient(context(setup)),
      })),
    };
  }),
);

export function contractOf(vendor: string): VendorContract {
  const contract = contracts.find((c) => c.vendor === vendor);
  if (!contract) throw new Error(`contract-tests/vendors.ts has no entry for the spec "${vendor}"`);
  return contract;
}
