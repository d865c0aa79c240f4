// The smoke every runtime of the matrix runs against the packed packages: plain JavaScript with no
// import of its own (the entry hands it the loaded packages), so the same file runs on Node (as ESM
// and under require()), Bun, Deno and, bundled, in workerd. It knows no vendor: each vendor package's
// descriptor says how to create its client and query its mock session.

/** Marks the result line in a runtime's output, which may hold warnings or logs as well. */
export const RESULT_MARK = "SESSIONTRAIL_SMOKE_RESULT ";

// A window that holds every spec example session, for the vendors that search one (OpenReplay
// accepts nothing before 2000-01-01).
const WINDOW = { since: Date.UTC(2000, 0, 1), until: Date.UTC(2100, 0, 1) };
// Small pages, so every paging vendor reads its mock session over several pages.
const PAGE_SIZE = 2;
// Short backoffs keep the run fast; the one 429 each vendor gets says Retry-After: 0.
const RETRY = { baseDelayMs: 5, maxDelayMs: 20 };
const API_KEY = "smoke-key-7d41c9";

const isDescriptor = (value) =>
  typeof value === "object" &&
  value !== null &&
  typeof value.name === "string" &&
  typeof value.create === "function" &&
  typeof value.toQuery === "function" &&
  typeof value.mock === "object";

/** The runtime this runs on, as it says itself (checked by the runner against the one it started). */
function runtimeName() {
  // First: a Worker with Node.js compatibility on also has a `process` that says `node`.
  if (globalThis.navigator?.userAgent === "Cloudflare-Workers") return "Cloudflare-Workers";
  if (typeof globalThis.Deno?.version?.deno === "string") return `deno ${globalThis.Deno.version.deno}`;
  if (typeof globalThis.Bun?.version === "string") return `bun ${globalThis.Bun.version}`;
  if (typeof globalThis.process?.versions?.node === "string")
    return `node ${globalThis.process.versions.node}`;
  return "unknown";
}

/** What an error is, as the runner checks it: core's typed error with its kind, or anything else. */
function describeError(error, SessionTrailError) {
  return {
    sessionTrailError: error instanceof SessionTrailError,
    name: error?.name,
    kind: error?.kind,
    status: error?.status,
    vendor: error?.vendor,
    message: String(error?.message).slice(0, 300),
  };
}

/** Runs `read` and returns the error it fails with (undefined when it does not fail). */
async function failure(read, SessionTrailError) {
  try {
    await read();
    return undefined;
  } catch (error) {
    return describeError(error, SessionTrailError);
  }
}

async function collect(iterable) {
  const out = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** One vendor: its mock session read through events(), a 401, and a query refused before sending. */
async function smokeVendor(vendor, baseUrl, SessionTrailError) {
  const settings = vendor.mock.settings ?? {};
  const clientSettings = {};
  for (const setting of vendor.settings) {
    if (setting.in === "client" && settings[setting.key] !== undefined) {
      clientSettings[setting.key] = settings[setting.key];
    }
  }
  const query = vendor.toQuery({ id: vendor.mock.id, settings, ...(vendor.query.window ? WINDOW : {}) });
  const streamOptions = {
    retry: RETRY,
    includeRaw: false,
    ...(vendor.query.pages ? { pageSize: Math.max(PAGE_SIZE, vendor.query.pages.min) } : {}),
  };
  const clientOn = (scenario) =>
    vendor.create({
      apiKey: API_KEY,
      baseUrl: `${baseUrl}/${scenario}/${vendor.name}`,
      rateLimit: false,
      ...clientSettings,
    });

  const events = await clientOn("session").events(query, streamOptions).toArray();
  const unauthorized = await failure(
    () => clientOn("unauthorized").events(query, streamOptions).toArray(),
    SessionTrailError,
  );
  const invalid = await failure(
    () =>
      clientOn("session")
        .events({ ...query, [vendor.query.idField]: "" }, streamOptions)
        .toArray(),
    SessionTrailError,
  );
  return { paged: Boolean(vendor.query.pages), events, unauthorized, invalid };
}

/**
 * The smoke. `modules` maps each entry specifier (`@sessiontrail/core`, `@sessiontrail/fullstory`,
 * ...) to what the runtime loaded for it; `baseUrl` is the runner's vendor server on 127.0.0.1.
 */
export async function runSmoke(modules, baseUrl) {
  const core = modules["@sessiontrail/core"];
  if (!core) throw new Error("the entries hold no @sessiontrail/core");
  const { SessionTrailError, mergeTimelines } = core;
  const descriptors = new Set();
  const entries = {};
  for (const [specifier, namespace] of Object.entries(modules)) {
    entries[specifier] = Object.keys(namespace).sort();
    for (const value of Object.values(namespace)) if (isDescriptor(value)) descriptors.add(value);
  }
  const vendors = {};
  // One vendor after another: the runner's server counts each vendor's requests and pages.
  for (const vendor of [...descriptors].sort((a, b) => a.name.localeCompare(b.name))) {
    vendors[vendor.name] = await smokeVendor(vendor, baseUrl, SessionTrailError);
  }
  const timelines = Object.values(vendors).map((v) => v.events);
  const merged = await collect(mergeTimelines(...timelines));
  return {
    runtime: runtimeName(),
    entries,
    vendors,
    merged: merged.map((event) => `${event.vendor}:${event.id}:${event.timestamp}`),
  };
}

/** The result line the runner looks for. */
export const resultLine = (result) => RESULT_MARK + JSON.stringify(result);
