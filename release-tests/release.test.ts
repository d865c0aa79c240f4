// The release pipeline end to end, against a real registry: a temporary Verdaccio on 127.0.0.1, a
// copy of the repository at HEAD, the real `version-packages` and `release` scripts, then installs
// of one vendor package from that registry with npm and with pnpm into empty projects.
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startMocks } from "../packages/cli/src/mock.ts";
import {
  assertLoopback,
  cleanEnv,
  diskBytes,
  npmInstalled,
  packument,
  pnpmInstalled,
  type Registry,
  run,
  startVerdaccio,
  timed,
  timings,
} from "./harness.ts";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, "..");
const consumerFixtures = join(here, "consumer");
const tsc = join(repoRoot, "node_modules", "typescript", "bin", "tsc");
const started = performance.now();

// What installing @sessiontrail/fullstory alone may bring: the package, core and their runtime
// dependencies. Anything else (another vendor, the CLI, dev tooling) is a packaging bug.
const FULLSTORY_CLOSURE = [
  "@sessiontrail/core",
  "@sessiontrail/fullstory",
  "openapi-fetch",
  "openapi-typescript-helpers",
];
const SESSION_ID = "17117:5916567459329906423";

let work: string;
let clone: string;
let registry: Registry | undefined;
/** Public packages of the copy: name -> folder. */
const publicPackages = new Map<string, string>();
/** Versions before and after the first release. */
const before = new Map<string, string>();
const after = new Map<string, string>();
const measured: Record<string, { packages: number; bytes: number }> = {};

const manifest = (dir: string) =>
  JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
    name: string;
    version: string;
    private?: boolean;
  };

function upstreamRegistry(): string {
  // The registry npm uses on this machine, for what Verdaccio proxies (openapi-fetch and its helpers).
  const fromNpm = execFileSync("npm", ["config", "get", "registry"], {
    env: cleanEnv(),
    encoding: "utf8",
  }).trim();
  const url = /^https?:\/\//.test(fromNpm) ? fromNpm : "https://registry.npmjs.org/";
  // Never proxy to ourselves or another local registry left over from a nested run.
  return /127\.0\.0\.1|localhost/.test(url) ? "https://registry.npmjs.org/" : url;
}

/**
 * The environment of the copy's release commands. pnpm 12 ignores `npm_config_registry` (it reads
 * `pnpm_config_*` and .npmrc), so the registry is set all three ways; and every request that is not
 * to loopback goes to a dead proxy, so nothing can reach a real registry even if one of them is missed.
 */
function releaseEnv(url: string): NodeJS.ProcessEnv {
  assertLoopback(url);
  const deadProxy = "http://127.0.0.1:9";
  return cleanEnv({
    npm_config_registry: url,
    pnpm_config_registry: url,
    HTTPS_PROXY: deadProxy,
    https_proxy: deadProxy,
    HTTP_PROXY: deadProxy,
    http_proxy: deadProxy,
    NO_PROXY: "127.0.0.1,localhost",
    no_proxy: "127.0.0.1,localhost",
  });
}

/** Points the copy at the local registry (a project .npmrc) and checks npm and pnpm both see it. */
async function useLocalRegistry(url: string): Promise<void> {
  assertLoopback(url);
  const npmrc = join(clone, ".npmrc");
  const existing = existsSync(npmrc) ? readFileSync(npmrc, "utf8") : "";
  writeFileSync(npmrc, `${existing}\nregistry=${url}\n@sessiontrail:registry=${url}\n`);
  for (const tool of ["npm", "pnpm"]) {
    const { stdout } = await run(tool, ["config", "get", "registry"], { cwd: clone, env: releaseEnv(url) });
    expect(stdout.trim(), `${tool} registry in the copy`).toBe(url);
  }
}

/** The copy's release commands, only ever against the local registry. */
function pnpmInClone(args: string[]) {
  if (!registry) throw new Error("no registry");
  return run("pnpm", args, { cwd: clone, env: releaseEnv(registry.url) });
}

/**
 * The README's TypeScript blocks, in order, as one module: what the README shows a user must
 * type-check against the published package (consumer/tsconfig.*.json include it).
 */
function readmeModule(readme: string): string {
  const blocks = [...readFileSync(readme, "utf8").matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  expect(blocks.length, `TypeScript examples in ${readme}`).toBeGreaterThan(0);
  // The examples read an API key from the environment; the consumer has no @types/node.
  return `declare const process: { env: Record<string, string | undefined> };\n\n${blocks.join("\n")}\nexport {};\n`;
}

function writeChangeset(name: string, bumps: Record<string, "patch" | "minor">, message: string) {
  const front = Object.entries(bumps)
    .map(([pkg, bump]) => `"${pkg}": ${bump}`)
    .join("\n");
  writeFileSync(join(clone, ".changeset", `${name}.md`), `---\n${front}\n---\n\n${message}\n`);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "sessiontrail-release-"));
  clone = join(work, "repo");
  const upstream = upstreamRegistry();
  // Both at once; wait for both even when one fails, so nothing is left starting after afterAll.
  const ready = await Promise.allSettled([
    timed("start Verdaccio", async () => {
      registry = await startVerdaccio(join(work, "verdaccio"), upstream);
      console.log(`[release-test] Verdaccio ${registry.url} (pid ${registry.pid}), proxying ${upstream}`);
    }),
    timed("clone HEAD + pnpm install (store, offline first)", async () => {
      await run("git", ["clone", "--quiet", repoRoot, clone], { cwd: work });
      // The default registry here (the lockfile's packages come from the store, no download).
      await run("pnpm", ["install", "--prefer-offline", "--reporter=append-only"], { cwd: clone });
    }),
  ]);
  for (const result of ready) if (result.status === "rejected") throw result.reason;
  for (const folder of readdirSync(join(clone, "packages"))) {
    const dir = join(clone, "packages", folder);
    if (!existsSync(join(dir, "package.json"))) continue;
    const pkg = manifest(dir);
    if (pkg.private) continue;
    publicPackages.set(pkg.name, dir);
    before.set(pkg.name, pkg.version);
  }
}, 240_000);

afterAll(async () => {
  await registry?.stop();
  if (registry) {
    let alive = true;
    try {
      process.kill(registry.pid, 0);
    } catch {
      alive = false;
    }
    if (alive) console.error(`[release-test] Verdaccio ${registry.pid} still running`);
  }
  if (work && !process.env.KEEP_RELEASE_TEST) rmSync(work, { recursive: true, force: true });
  const total = Math.round(performance.now() - started);
  console.log(
    `[release-test] timings:\n${timings.map(([step, ms]) => `  ${(ms / 1000).toFixed(1).padStart(6)} s  ${step}`).join("\n")}\n  ${(total / 1000).toFixed(1).padStart(6)} s  total`,
  );
  for (const [tool, m] of Object.entries(measured)) {
    console.log(
      `[release-test] ${tool}: ${m.packages} packages, ${(m.bytes / 1024).toFixed(0)} KiB in node_modules`,
    );
  }
});

describe("release to a local Verdaccio", () => {
  test("version-packages and release publish every public package, with workspace ranges rewritten", async () => {
    expect(publicPackages.size).toBeGreaterThanOrEqual(7);
    writeChangeset(
      "release-test",
      Object.fromEntries([...publicPackages.keys()].map((name) => [name, "patch"])),
      "Release test: published to a local registry.",
    );
    await useLocalRegistry(registry?.url as string);
    await timed("version-packages", () => pnpmInClone(["run", "version-packages"]));

    for (const [name, dir] of publicPackages) {
      const version = manifest(dir).version;
      after.set(name, version);
      expect(version, name).not.toBe(before.get(name));
      const changelog = readFileSync(join(dir, "CHANGELOG.md"), "utf8");
      expect(changelog.startsWith(`# ${name}\n\n## ${version}\n`), `${name} CHANGELOG heading`).toBe(true);
      expect(changelog).toContain("Release test: published to a local registry.");
    }
    // Private packages (benches, tests) are never versioned.
    for (const folder of ["bench", "release-tests", "contract-tests"]) {
      if (!existsSync(join(clone, folder, "package.json"))) continue;
      expect(manifest(join(clone, folder)).private, folder).toBe(true);
      expect(existsSync(join(clone, folder, "CHANGELOG.md")), folder).toBe(false);
    }
    // The formatted result is what biome wants (the repo's lint stays clean after a release).
    await run(
      "pnpm",
      ["exec", "biome", "check", ...[...publicPackages.values()].map((d) => join(d, "package.json"))],
      {
        cwd: clone,
      },
    );

    const { stdout, stderr } = await timed("release (build + check:packages + changeset publish)", () =>
      pnpmInClone(["run", "release"]),
    );
    const url = registry?.url as string;
    for (const [name, version] of after) {
      const doc = await packument(url, name);
      expect(doc, `${name} in the registry\n${stdout}\n${stderr}`).toBeDefined();
      expect(Object.keys(doc?.versions ?? {}), name).toEqual([version]);
      expect(doc?.["dist-tags"].latest).toBe(version);
      const deps = doc?.versions[version]?.dependencies ?? {};
      for (const [dep, range] of Object.entries(deps)) {
        expect(range, `${name} -> ${dep}`).not.toMatch(/^workspace:/);
        if (dep.startsWith("@sessiontrail/")) expect(range, `${name} -> ${dep}`).toBe(`^${after.get(dep)}`);
      }
    }
    // The tarball itself: its package.json has the same rewritten ranges, and it ships the CHANGELOG.
    const fullstory = await packument(url, "@sessiontrail/fullstory");
    const version = after.get("@sessiontrail/fullstory") as string;
    const tarball = await fetch(fullstory?.versions[version]?.dist.tarball as string);
    expect(tarball.status).toBe(200);
    const unpacked = join(work, "unpacked");
    mkdirSync(unpacked);
    writeFileSync(join(unpacked, "pkg.tgz"), Buffer.from(await tarball.arrayBuffer()));
    await run("tar", ["-xzf", "pkg.tgz"], { cwd: unpacked });
    const published = JSON.parse(readFileSync(join(unpacked, "package", "package.json"), "utf8"));
    expect(published.dependencies["@sessiontrail/core"]).toBe(`^${after.get("@sessiontrail/core")}`);
    expect(readFileSync(join(unpacked, "package", "CHANGELOG.md"), "utf8")).toContain(`## ${version}`);
  });

  test("installing @sessiontrail/fullstory alone brings only it, core and their runtime dependencies", async () => {
    const url = registry?.url as string;
    assertLoopback(url);
    const mocks = await timed("start Prism (fullstory)", () =>
      startMocks({ fullstory: join(clone, "specs", "fullstory", "openapi.yaml") }),
    );
    try {
      const golden = JSON.parse(
        readFileSync(join(clone, "packages", "fullstory", "test", "golden", "docsExample.json"), "utf8"),
      );
      const install = {
        npm: (dir: string) =>
          run(
            "npm",
            [
              "install",
              "@sessiontrail/fullstory",
              "--no-audit",
              "--no-fund",
              "--cache",
              join(dir, ".npm-cache"),
            ],
            {
              cwd: dir,
              env: releaseEnv(url),
            },
          ),
        pnpm: (dir: string) =>
          run(
            "pnpm",
            [
              "add",
              "@sessiontrail/fullstory",
              "--store-dir",
              join(dir, ".pnpm-store"),
              "--cache-dir",
              join(dir, ".pnpm-cache"),
            ],
            { cwd: dir, env: releaseEnv(url) },
          ),
      };
      await Promise.all(
        (["npm", "pnpm"] as const).map(async (tool) => {
          const dir = join(work, `consumer-${tool}`);
          mkdirSync(dir);
          writeFileSync(
            join(dir, "package.json"),
            `${JSON.stringify({ name: `consumer-${tool}`, private: true, type: "module" }, null, 2)}\n`,
          );
          writeFileSync(join(dir, ".npmrc"), `registry=${url}\n`);
          cpSync(consumerFixtures, dir, { recursive: true });
          writeFileSync(
            join(dir, "readme.ts"),
            readmeModule(join(clone, "packages", "fullstory", "README.md")),
          );
          await timed(`${tool} install @sessiontrail/fullstory`, () => install[tool](dir));

          const nodeModules = join(dir, "node_modules");
          const installed = tool === "npm" ? npmInstalled(nodeModules) : pnpmInstalled(nodeModules);
          measured[tool] = { packages: installed.length, bytes: diskBytes(nodeModules) };
          expect(
            installed.map((p) => p.replace(/@[^@]+$/, "")),
            `${tool} installed ${installed.join(", ")}`,
          ).toEqual(FULLSTORY_CLOSURE);
          expect(installed).toContain(`@sessiontrail/fullstory@${after.get("@sessiontrail/fullstory")}`);
          expect(installed).toContain(`@sessiontrail/core@${after.get("@sessiontrail/core")}`);

          const { stdout } = await timed(`${tool} consumer script against Prism`, () =>
            run(process.execPath, ["consumer.mjs"], {
              cwd: dir,
              env: cleanEnv({ MOCK_URL: mocks.vendors.fullstory, SESSION_ID }),
            }),
          );
          const result = JSON.parse(stdout) as { events: unknown[]; normalized: unknown[]; refused: string };
          // The golden file is the normalizer's output for Prism's default example, without `raw`.
          const withoutRaw = (events: unknown[]) =>
            events.map((event) => {
              const { raw, ...rest } = event as { raw?: unknown };
              expect(raw).toBeDefined();
              return rest;
            });
          expect(result.events.length).toBeGreaterThan(0);
          expect(withoutRaw(result.events)).toEqual(golden);
          expect(withoutRaw(result.normalized)).toEqual(golden);
          expect(result.refused).toBe("validation");

          await timed(`${tool} tsc (NodeNext, Bundler)`, () =>
            Promise.all(
              ["tsconfig.nodenext.json", "tsconfig.bundler.json"].map((config) =>
                run(process.execPath, [tsc, "-p", config], { cwd: dir }),
              ),
            ),
          );
        }),
      );
    } finally {
      await mocks.stop();
    }
  });

  test("installing @sessiontrail/datadog alone (a vendor with two secrets and cursor pages) brings only it and core", async () => {
    const url = registry?.url as string;
    assertLoopback(url);
    const mocks = await timed("start Prism (datadog)", () =>
      startMocks({ datadog: join(clone, "specs", "datadog", "openapi.yaml") }),
    );
    try {
      const dir = join(work, "consumer-datadog");
      mkdirSync(dir);
      writeFileSync(
        join(dir, "package.json"),
        `${JSON.stringify({ name: "consumer-datadog", private: true, type: "module" }, null, 2)}\n`,
      );
      writeFileSync(join(dir, ".npmrc"), `registry=${url}\n`);
      await timed("npm install @sessiontrail/datadog", () =>
        run(
          "npm",
          ["install", "@sessiontrail/datadog", "--no-audit", "--no-fund", "--cache", join(dir, ".npm-cache")],
          { cwd: dir, env: releaseEnv(url) },
        ),
      );
      const installed = npmInstalled(join(dir, "node_modules"));
      expect(installed.map((p) => p.replace(/@[^@]+$/, ""))).toEqual([
        "@sessiontrail/core",
        "@sessiontrail/datadog",
        "openapi-fetch",
        "openapi-typescript-helpers",
      ]);
      // The mock serves the spec's first 200 example, a whole session: the stream reads it oldest first.
      writeFileSync(
        join(dir, "consumer.mjs"),
        [
          'import { createDatadogClient, datadogVendor } from "@sessiontrail/datadog";',
          "const { id, settings } = datadogVendor.mock;",
          "const client = createDatadogClient({ apiKey: 'dd-release-key', applicationKey: settings.applicationKey, baseUrl: process.env.MOCK_URL });",
          "const events = await client.events({ sessionId: id }, { includeRaw: false }).toArray();",
          "process.stdout.write(JSON.stringify(events));",
        ].join("\n"),
      );
      const { stdout } = await timed("datadog consumer script against Prism", () =>
        run(process.execPath, ["consumer.mjs"], {
          cwd: dir,
          env: cleanEnv({ MOCK_URL: mocks.vendors.datadog }),
        }),
      );
      const golden = JSON.parse(
        readFileSync(join(clone, "packages", "datadog", "test", "golden", "wholeSession.json"), "utf8"),
      ) as { timestamp: number }[];
      const byTime = [...golden].sort((a, b) => a.timestamp - b.timestamp);
      expect(JSON.parse(stdout)).toEqual(byTime);
    } finally {
      await mocks.stop();
    }
  });

  test("a changeset for one vendor bumps and publishes only that package", async () => {
    const url = registry?.url as string;
    await run("git", ["add", "-A"], { cwd: clone });
    await run(
      "git",
      [
        "-c",
        "user.name=release-test",
        "-c",
        "user.email=release-test@localhost",
        "commit",
        "-qm",
        "first release",
      ],
      {
        cwd: clone,
      },
    );
    writeChangeset("hardal-only", { "@sessiontrail/hardal": "patch" }, "Release test: Hardal alone.");
    await timed("version-packages (hardal only)", () => pnpmInClone(["run", "version-packages"]));
    const { stdout: status } = await run("git", ["status", "--porcelain"], { cwd: clone });
    // The changeset was consumed (never committed, so not listed); only Hardal's files changed.
    const changed = status
      .split("\n")
      .filter(Boolean)
      .map((line) => line.slice(3))
      .sort();
    expect(changed).toEqual(["packages/hardal/CHANGELOG.md", "packages/hardal/package.json"]);

    await timed("release (hardal only)", () => pnpmInClone(["run", "release"]));
    const hardal = manifest(publicPackages.get("@sessiontrail/hardal") as string).version;
    expect(hardal).not.toBe(after.get("@sessiontrail/hardal"));
    for (const [name, version] of after) {
      const doc = await packument(url, name);
      const expected = name === "@sessiontrail/hardal" ? [version, hardal] : [version];
      expect(Object.keys(doc?.versions ?? {}), name).toEqual(expected);
      expect(doc?.["dist-tags"].latest, name).toBe(expected.at(-1));
    }
  });
});
