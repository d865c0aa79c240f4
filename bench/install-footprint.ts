// Install footprint of one vendor package: the built core and fullstory packed with `pnpm pack`,
// installed with `npm install --prefer-offline` into an empty project (openapi-fetch and its
// helpers come from the registry or npm's cache), then every package under node_modules counted
// with its bytes on disk. Target: <= 4 packages. The peer (a hey-api client) has no runtime
// package at all: its generator copies the client into your source tree, reported beside it.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Bench } from "./harness.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** Every installed package (also nested ones) as name -> bytes. */
function packagesUnder(nodeModules: string, out = new Map<string, number>()): Map<string, number> {
  if (!existsSync(nodeModules)) return out;
  for (const name of readdirSync(nodeModules)) {
    if (name.startsWith(".")) continue;
    const dirs = name.startsWith("@")
      ? readdirSync(join(nodeModules, name)).map((n) => join(nodeModules, name, n))
      : [join(nodeModules, name)];
    for (const dir of dirs) {
      if (!existsSync(join(dir, "package.json"))) continue;
      out.set(dir.slice(nodeModules.length + 1), bytesUnder(dir));
      packagesUnder(join(dir, "node_modules"), out);
    }
  }
  return out;
}

export function installFootprint(vendor = "fullstory"): Map<string, number> {
  const dir = mkdtempSync(join(tmpdir(), "sessiontrail-install-"));
  try {
    for (const pkg of ["core", vendor]) {
      execFileSync("pnpm", ["pack", "--pack-destination", dir], {
        cwd: join(root, "packages", pkg),
        stdio: "ignore",
      });
    }
    const tarballs = readdirSync(dir)
      .filter((f) => f.endsWith(".tgz"))
      .map((f) => join(dir, f));
    const app = join(dir, "app");
    execFileSync("mkdir", [app]);
    writeFileSync(join(app, "package.json"), '{ "name": "app", "private": true }\n');
    execFileSync(
      "npm",
      ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", ...tarballs],
      { cwd: app, stdio: "ignore" },
    );
    return packagesUnder(join(app, "node_modules"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const install: Bench = {
  name: "install",
  async run() {
    const packages = installFootprint();
    const bytes = [...packages.values()].reduce((a, b) => a + b, 0);
    const peer = bytesUnder(join(root, "bench", "peers", "hey-api", "fullstory"));
    return [
      {
        figure: "install @sessiontrail/fullstory (npm, packed dist)",
        value: `${packages.size} packages, ${(bytes / 1000).toFixed(0)} kB`,
        baseline: "limit 4 packages",
        ratio: packages.size / 4,
        target: "<= 1.00",
        ok: packages.size <= 4,
        note: `${[...packages.keys()].join(", ")}; bytes of their files on disk`,
      },
      {
        figure: "install hey-api client (peer)",
        value: `0 packages, ${(peer / 1000).toFixed(0)} kB`,
        baseline: "-",
        ratio: null,
        target: "-",
        ok: null,
        note: "no runtime package: @hey-api/openapi-ts copies its fetch client into your source tree (the kB)",
      },
    ];
  },
};
