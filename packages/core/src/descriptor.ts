// A vendor as data: one descriptor per vendor package says everything the CLI, the contract tests,
// the size budgets, the README checks and the benches need, so adding a vendor touches no list.
import type { VendorClientOptions } from "./client.ts";
import type { SessionEvent } from "./event.ts";
import type { NormalizeOptions } from "./normalize.ts";
import type { EventStream, EventStreamOptions, PageOptions } from "./stream.ts";

/** What a descriptor needs of a vendor client: the event stream, and one untouched page of it. */
export interface VendorEventsClient<Query = never> {
  /** The whole session, normalized, oldest first. */
  events(query: Query, options?: EventStreamOptions): EventStream;
  /** One page of the vendor's response, untouched (the CLI's `raw`). */
  page(query: Query, options?: PageOptions): Promise<unknown>;
}

/**
 * What a setting describes: everything but where it goes.
 * @inline
 */
interface SettingInfo {
  /** The command-line flag; vendors that share a setting share its flag. */
  flag: `--${string}`;
  /** `NAME` of the environment variable `SESSIONTRAIL_<VENDOR>_<NAME>`, e.g. `PROJECT_KEY`. */
  env: string;
  /** The value's placeholder in help, e.g. `key` for `--project-key <key>`. */
  value: string;
  /** What the value is, e.g. `project key` (help prefixes the vendor's label). */
  description: string;
  /** The value is a credential: never printed, and masked in every error. */
  secret?: boolean;
  /** The vendor refuses every call without it. */
  required?: boolean;
  /** What the value must look like, added to the hint when it is missing or refused. */
  hint?: string;
}

/**
 * One value a user gives for a vendor: where it goes (a client option or an `events()` query field)
 * and how the command line and the environment name it.
 */
export type VendorSetting<Options = VendorClientOptions, Query = never> = SettingInfo &
  (
    | {
        /** A client option of `create()`. */
        in: "client";
        /** The option's name. */
        key: Extract<keyof Options, string>;
      }
    | {
        /** A field of the `events()` query. */
        in: "query";
        /** The field's name. */
        key: Extract<keyof Query, string>;
      }
  );

/** The settings every vendor client takes (core's `VendorClientOptions`): the key and the base URL. */
export const connectionSettings: readonly VendorSetting[] = [
  {
    in: "client",
    key: "apiKey",
    flag: "--api-key",
    env: "API_KEY",
    value: "key",
    description: "API key",
    secret: true,
    required: true,
  },
  {
    in: "client",
    key: "baseUrl",
    flag: "--base-url",
    env: "BASE_URL",
    value: "url",
    description: "base URL",
    hint: "https, or http on loopback",
  },
];

/** What a vendor's `events()` query takes, beyond the settings. */
export interface VendorQueryShape {
  /** The query field that carries the id: a session, or a user for vendors that log per user. */
  idField: "sessionId" | "userId";
  /** What the id is, for help and errors, e.g. `session id "{device_id}:{session_id}"`. */
  idLabel: string;
  /**
   * The vendor searches a time window itself (`since`/`until` go into the query); `rule` is what it
   * accepts, e.g. `since >= 2000-01-01 and until > since`. Without it, events are filtered after.
   */
  window?: {
    /** The window the vendor accepts, in words. */
    rule: string;
  };
  /** The vendor pages: the `pageSize` it accepts and its default. Without it, one response holds all. */
  pages?: {
    /** The smallest `pageSize`. */
    min: number;
    /** The largest `pageSize`. */
    max: number;
    /** The `pageSize` when none is given. */
    default: number;
  };
  /** The vendor renders timestamps in a time zone the query chooses, `default` when none is given. */
  timeZone?: {
    /** The IANA zone used when the query names none. */
    default: string;
  };
}

/** What a caller has resolved for one call: the id, the settings by key, and the window and zone asked for. */
export interface VendorQueryInput {
  /** The session id, or the user id for vendors that log per user (`VendorQueryShape.idField`). */
  id: string;
  /** Resolved settings by `key` (flags or environment); absent ones are left out. */
  settings: Readonly<Record<string, string>>;
  /** The window's start, epoch milliseconds. */
  since?: number;
  /** The window's end, epoch milliseconds. */
  until?: number;
  /** The IANA time zone asked for, for vendors with `VendorQueryShape.timeZone`. */
  timeZone?: string;
}

/**
 * Everything the rest of the project needs to know about one vendor. Each vendor package exports
 * one (`fullStoryVendor`); it is a plain object, so a bundle that never imports it never pays for it.
 */
export interface VendorDescriptor<
  Client extends VendorEventsClient<Query> = VendorEventsClient<never>,
  Options extends VendorClientOptions = VendorClientOptions,
  Query = never,
  Name extends string = string,
> {
  /** Short name: the spec and package folder, `SessionEvent.vendor`, the CLI's vendor argument. */
  name: Name;
  /** The vendor's own spelling, e.g. `FullStory`. */
  label: string;
  /** Creates the client (`createFullStoryClient`). */
  create(options: Options): Client;
  /** Normalizes one response body; `query` is the one it answered (some normalizers need its id or zone). */
  normalize(body: unknown, query: Query, options?: NormalizeOptions): SessionEvent[];
  /** Settings beyond `connectionSettings`, e.g. OpenReplay's project key. */
  settings: readonly VendorSetting<Options, Query>[];
  /** What `events()` takes. */
  query: VendorQueryShape;
  /** Turns resolved settings and an id into the `events()` query. */
  toQuery(input: VendorQueryInput): Query;
  /**
   * Values the spec's named examples use: the id and settings a Prism mock of the spec answers to,
   * also shown in help examples.
   */
  mock: {
    /** The id the spec's examples answer to. */
    id: string;
    /** Setting values the spec's examples answer to, by `key`. */
    settings?: { readonly [K in VendorSetting<Options, Query>["key"]]?: string };
  };
  /** What the HTML timeline page needs: the colour of the vendor's lane and markers. */
  timeline: {
    /** A CSS hex colour, e.g. `#059669`. */
    colour: `#${string}`;
  };
}

/**
 * A type a registry of vendors cannot name: each vendor's own client, option or query type.
 * @inline
 */
// biome-ignore lint/suspicious/noExplicitAny: a registry mixes vendors whose option and query types differ.
type Erased = any;

/**
 * Any vendor's descriptor, as a registry of vendors holds them. Each descriptor is checked against its
 * own client, option and query types where it is written; here those are erased.
 */
export type AnyVendorDescriptor<Name extends string = string> = VendorDescriptor<
  VendorEventsClient<Erased>,
  Erased,
  Erased,
  Name
>;
