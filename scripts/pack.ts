// `pnpm pack:all [--out <dir>]`: every publishable package as the tarball `pnpm publish` would upload
// (`workspace:` ranges rewritten to versions), in one folder (default .cache/packs), and for each the
// `npm install` line that installs it with the sessiontrail packages it depends on: how a project uses
// the packages before they are on the npm registry. Run after `pnpm build` (the script does both).
import { execFile } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs, promisify } from "node:util";
import { publicPackages } from "./check-packages.ts";
import { repoRoot } from "./specs.ts";

const run = promisify(execFile);

/** One packed package. */
export interface PackedPackage {
  name: string;
  version: string;
  /** Absolute path of its tarball. */
  tarball: string;
  /** The sessiontrail packages it depends on, directly. */
  dependsOn: string[];
}

/**
 * Packs every publishable package of `root` that `which` keeps (all by default) into `out`, in
 * parallel, replacing the tarballs a former run left there. The runtime matrix packs core and the
 * vendors with it too.
 */
export async function packAll(
  out: string,
  root = repoRoot,
  which: (name: string) => boolean = () => true,
): Promise<PackedPackage[]> {
  mkdirSync(out, { recursive: true });
  // Only what this script writes: `out` may be a folder of the user's with other files in it.
  for (const file of readdirSync(out)) {
    if (/^sessiontrail-.*\.tgz$/.test(file)) rmSync(join(out, file));
  }
  return Promise.all(
    publicPackages(root)
      .filter(({ name }) => which(name))
      .map(async ({ dir, name }) => {
        const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
          version: string;
          dependencies?: Record<string, string>;
        };
        const { stdout } = await run("pnpm", ["pack", "--json", "--pack-destination", out], { cwd: dir });
        const { filename } = JSON.parse(stdout) as { filename: string };
        return {
          name,
          version: manifest.version,
          tarball: resolve(dir, filename),
          dependsOn: Object.keys(manifest.dependencies ?? {}).filter((dep) =>
            dep.startsWith("@sessiontrail/"),
          ),
        };
      }),
  );
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
  const packed = await packAll(out);
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
