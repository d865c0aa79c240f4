// `pnpm pack:all` (scripts/pack.ts): the tarballs the README's Install section tells a user to
// install before the packages are on the registry, and that install itself, with npm, offline.
import { execFileSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { findPackageJSON } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicPackages } from "../check-packages.ts";
import { installTarballs, type PackedPackage, packAll } from "../pack.ts";
import { repoRoot } from "../specs.ts";

let work: string;
let packed: PackedPackage[];

/** The package.json inside a tarball. */
function tarballManifest(tarball: string): {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
} {
  return JSON.parse(execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" }));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "sessiontrail-pack-test-"));
  packed = await packAll(join(work, "packs"));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("pnpm pack:all", () => {
  it("builds, then packs with scripts/pack.ts", () => {
    const { scripts } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
    expect(scripts["pack:all"]).toBe("turbo run build && node scripts/pack.ts");
  });

  it("packs every publishable package once, built, with workspace ranges rewritten to versions", () => {
    expect(packed.map((p) => p.name).sort()).toEqual(
      publicPackages()
        .map((p) => p.name)
        .sort(),
    );
    const versions = new Map(packed.map((p) => [p.name, p.version]));
    for (const { name, tarball } of packed) {
      const manifest = tarballManifest(tarball);
      expect(manifest.name).toBe(name);
      const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n");
      expect(files, `${name}: dist/index.js`).toContain("package/dist/index.js");
      for (const [dep, range] of Object.entries(manifest.dependencies ?? {})) {
        expect(range, `${name} -> ${dep}`).not.toMatch(/^workspace:/);
        if (versions.has(dep)) expect(range, `${name} -> ${dep}`).toBe(`^${versions.get(dep)}`);
      }
    }
  });

  it("names, for each package, its tarball and those of the sessiontrail packages it needs, needed ones first", () => {
    const tarball = (name: string) => packed.find((p) => p.name === name)?.tarball;
    expect(installTarballs("@sessiontrail/fullstory", packed)).toEqual([
      tarball("@sessiontrail/core"),
      tarball("@sessiontrail/fullstory"),
    ]);
    expect(installTarballs("@sessiontrail/core", packed)).toEqual([tarball("@sessiontrail/core")]);
    const cli = installTarballs("@sessiontrail/cli", packed);
    expect(cli).toHaveLength(packed.length);
    expect(cli[0]).toBe(tarball("@sessiontrail/core"));
    expect(cli.at(-1)).toBe(tarball("@sessiontrail/cli"));
    expect(() => installTarballs("@sessiontrail/nope", packed)).toThrow(/was not packed/);
  });

  it("replaces its own former tarballs in the folder, and nothing else there", async () => {
    const out = join(work, "again");
    mkdirSync(out);
    writeFileSync(join(out, "sessiontrail-core-0.0.0-old.tgz"), "stale");
    writeFileSync(join(out, "notes.txt"), "the user's");
    const again = await packAll(out, repoRoot);
    const names = execFileSync("ls", [out], { encoding: "utf8" }).trim().split("\n");
    expect(names).toContain("notes.txt");
    expect(names).not.toContain("sessiontrail-core-0.0.0-old.tgz");
    expect(names.filter((n) => n.endsWith(".tgz"))).toHaveLength(again.length);
  }, 120_000);

  it("the README's npm install line installs into an empty project, which runs (offline: every other dependency packed from the repo)", () => {
    const app = join(work, "app");
    const deps = join(work, "deps");
    mkdirSync(app);
    mkdirSync(deps);
    // openapi-fetch and what it needs come from the repo's own install, so the registry is never asked.
    const thirdParty = new Map<string, string>();
    const collect = (dependencies: Record<string, string> | undefined, from: string) => {
      for (const dep of Object.keys(dependencies ?? {})) {
        if (dep.startsWith("@sessiontrail/") || thirdParty.has(dep)) continue;
        const manifestPath = findPackageJSON(dep, join(from, "package.json"));
        if (!manifestPath) throw new Error(`cannot find ${dep} from ${from}`);
        // Its own dependencies resolve from where it really is (pnpm links it from the store).
        const dir = realpathSync(dirname(manifestPath));
        thirdParty.set(dep, dir);
        collect(JSON.parse(readFileSync(manifestPath, "utf8")).dependencies, dir);
      }
    };
    const tarballs = installTarballs("@sessiontrail/fullstory", packed);
    for (const tarball of tarballs) {
      const name = tarballManifest(tarball).name.replace("@sessiontrail/", "");
      collect(tarballManifest(tarball).dependencies, join(repoRoot, "packages", name));
    }
    expect([...thirdParty.keys()]).toContain("openapi-fetch");
    for (const dir of thirdParty.values()) {
      execFileSync("npm", ["pack", "--ignore-scripts", "--pack-destination", deps, dir], { stdio: "pipe" });
    }
    const local = execFileSync("ls", [deps], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map((file) => join(deps, file));
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
    // The README's line for a clone in ~/sessiontrail, run by a shell (its globs pick the tarballs).
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    const line = readme.match(/^npm install ~\/sessiontrail\/\.cache\/packs\/.*$/m)?.[0];
    expect(line, "the README's npm install line for FullStory").toBeDefined();
    // An empty cache of its own: nothing can come from an earlier download either.
    const offline = ["--offline", "--cache", join(work, "npm-cache"), "--no-audit", "--no-fund"];
    const command = [
      (line as string).replaceAll("~/sessiontrail/.cache/packs", join(work, "packs")),
      ...offline,
      ...local,
    ];
    execFileSync("sh", ["-c", command.join(" ")], { cwd: app, stdio: "pipe" });
    expect(readdirSync(join(app, "node_modules", "@sessiontrail")).sort()).toEqual(["core", "fullstory"]);
    // A FullStory page served by an injected fetch, read and normalized as the README shows.
    writeFileSync(
      join(app, "main.js"),
      `import { createFullStoryClient, normalizeFullStoryEvents } from "@sessiontrail/fullstory";
const body = { events: [{ event_time: "2024-04-03T17:06:12.290Z", event_type: "navigate", event_properties: {} }] };
const fullstory = createFullStoryClient({
  apiKey: "key",
  fetch: async () => new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } }),
});
const { data, response } = await fullstory.GET("/v2/sessions/{session_id}/events", {
  params: { path: { session_id: "17117:5916567459329906423" } },
});
console.log(JSON.stringify({ status: response.status, events: normalizeFullStoryEvents(data) }));
`,
    );
    const out = JSON.parse(execFileSync(process.execPath, ["main.js"], { cwd: app, encoding: "utf8" }));
    expect(out.status).toBe(200);
    expect(out.events).toMatchObject([
      { vendor: "fullstory", time: "2024-04-03T17:06:12.290Z", name: "navigate" },
    ]);
  }, 120_000);
});
