// Type-level tests, checked by the repo's typecheck (`pnpm typecheck`): a descriptor is checked
// against its own client, options and query, and the registry keeps each vendor's literal name.
// Each `@ts-expect-error` fails the typecheck if the statement after it ever compiles.
import type { VendorDescriptor } from "@sessiontrail/core";
import {
  createOpenReplayClient,
  normalizeOpenReplayEvents,
  type OpenReplayClient,
  type OpenReplayClientOptions,
  type OpenReplayEventsQuery,
  openReplayVendor,
} from "@sessiontrail/openreplay";
import { expectTypeOf } from "vitest";
import type { vendorDescriptors } from "../src/registry.ts";
import type { VendorName } from "../src/vendors.ts";

type OpenReplayDescriptor = VendorDescriptor<
  OpenReplayClient,
  OpenReplayClientOptions,
  OpenReplayEventsQuery
>;

const base = {
  name: "openreplay",
  label: "OpenReplay",
  create: createOpenReplayClient,
  normalize: (body: unknown) => normalizeOpenReplayEvents(body as never),
  query: { idField: "sessionId", idLabel: "session id" },
  toQuery: ({ id }: { id: string }) => ({ sessionId: id }),
  mock: { id: "4813023023591169" },
  timeline: { colour: "#2563eb" },
} as const;

const setting = {
  flag: "--project-key",
  env: "PROJECT_KEY",
  value: "key",
  description: "project key",
} as const;

export const good: OpenReplayDescriptor = {
  ...base,
  settings: [{ ...setting, in: "client", key: "projectKey" }],
};

export const unknownOption: OpenReplayDescriptor = {
  ...base,
  // @ts-expect-error a setting whose key is no client option
  settings: [{ ...setting, in: "client", key: "project" }],
};

export const unknownField: OpenReplayDescriptor = {
  ...base,
  // @ts-expect-error a query field the events() query does not have
  settings: [{ ...setting, in: "query", key: "signalId" }],
};

// @ts-expect-error toQuery must build the vendor's query (here the id field is missing)
export const wrongQuery: OpenReplayDescriptor = { ...base, settings: [], toQuery: () => ({ since: 1 }) };

export const bareFlag: OpenReplayDescriptor = {
  ...base,
  // @ts-expect-error a flag is written with its dashes
  settings: [{ ...setting, flag: "project-key", in: "client", key: "projectKey" }],
};

export function names() {
  // Vendor names are the registry's literal names, so a typo in a vendor name fails to compile.
  expectTypeOf<VendorName>().toEqualTypeOf<(typeof vendorDescriptors)[number]["name"]>();
  expectTypeOf<"hardal">().toExtend<VendorName>();
  expectTypeOf<"hardall">().not.toExtend<VendorName>();
  expectTypeOf(openReplayVendor.name).toEqualTypeOf<"openreplay">();
}
