// `pnpm pack:all [--out <dir>]`: every publishable package as the tarball `pnpm publish` would upload
// (`workspace:` ranges rewritten to versions), in one folder (default .cache/packs), and for each the
// `npm install` line that installs it with the sessiontrail packages it depends on: how a project uses
// the packages before they are on the npm registry. Run after `pnpm build` (the script does both).
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { publicPackages } from "./check-packages.ts";
import { repoRoot } from "./specs.ts";

/** One packed package. */
export interface PackedPackage {
  name: string;
  version: string;
  /** Absolute path of its tarball. */
  tarball: string;
  /** The sessiontrail packages it depends on, directly. */
  dependsOn: string[];
}

/** Packs every publishable package of `root` into `out`, replacing the tarballs a former run left there. */
export function packAll(out: string, root = repoRoot): PackedPackage[] {
  mkdirSync(out, { recursive: true });
  // Only what this script writes: `out` may be a folder of the user's with other files in it.
  for (const file of readdirSync(out)) {
    if (/^sessiontrail-.*\.tgz$/.test(file)) rmSync(join(out, file));
  }
  return publicPackages(root).map(({ dir, name }) => {
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
      version: string;
      dependencies?: Record<string, string>;
    };
    const before = new Set(readdirSync(out));
    execFileSync("pnpm", ["pack", "--pack-destination", out], { cwd: dir, stdio: "pipe" });
    const tarball = readdirSync(out).find((file) => file.endsWith(".tgz") && !before.has(file));
    if (!tarball) throw new Error(`pnpm pack wrote no tarball for ${name}`);
    return {
      name,
      version: manifest.version,
      tarball: join(out, tarball),
      dependsOn: Object.keys(manifest.dependencies ?? {}).filter((dep) => dep.startsWith("@sessiontrail/")),
    };
  });
}

/**
 * The tarballs that install `name`: its own and those of every sessiontrail package it depends on,
 * however indirectly (npm would look the others up on the registry, where they are not yet).
 */
export function installTarballs(name: string, packed: readonly PackedPackage[]): string[] {
  const byName = new Map(packed.map((p) => [p.name, p]));
  const order: PackedPackage[] = [];
  const visit = (current: string) => {
    const pkg = byName.get(current);
    if (!pkg) throw new Error(`${current} was not packed`);
    if (order.includes(pkg)) return;
    for (const dep of pkg.dependsOn) visit(dep);
    order.push(pkg);
  };
  visit(name);
  return order.map((p) => p.tarball);
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { out: { type: "string", default: join(repoRoot, ".cache", "packs") } },
  });
  const out = resolve(values.out);
  const packed = packAll(out);
  const lines = [
    `Packed ${packed.length} packages into ${out}.`,
    "In your project, install one with what it needs:",
  ];
  for (const { name } of packed) {
    lines.push(`  ${name}${name === "@sessiontrail/cli" ? " (then: npx sessiontrail --help)" : ""}`);
    lines.push(`    npm install ${installTarballs(name, packed).join(" ")}`);
  }
  console.log(lines.join("\n"));
}
