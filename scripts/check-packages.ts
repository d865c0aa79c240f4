// Quality gates on every publishable package, as it would be packed:
// - publint (package.json and exports against the files `pnpm pack` would ship),
// - Are The Types Wrong (types resolve under node16 and bundlers; attw packs the package itself),
// - the tarball allowlist (scripts/package-gates.ts): only dist/**, README.md, LICENSE, CHANGELOG.md
//   and package.json; no tests, fixtures, secrets or source maps embedding their sources.
// Run after `pnpm build`. Size budgets are separate: `pnpm size` (.size-limit.js).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { pack, tarballViolations } from "./package-gates.ts";
import { repoRoot } from "./specs.ts";

export function publicPackages(root = repoRoot): { dir: string; name: string }[] {
  return readdirSync(join(root, "packages"))
    .map((folder) => join(root, "packages", folder))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
    .filter(({ manifest }) => !manifest.private)
    .map(({ dir, manifest }) => ({ dir, name: manifest.name as string }));
}

async function check(dir: string, name: string): Promise<number> {
  let problems = 0;
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  // One `pnpm pack` per package (workspace: ranges rewritten, as published); every gate reads it.
  const packed = pack(dir);
  try {
    const tarball = readFileSync(packed.tarball);
    const { messages } = await publint({
      pkgDir: "package", // inside the tarball
      level: "suggestion",
      strict: true,
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
    });
    for (const m of messages) console.error(`${name}: publint ${m.type}: ${formatMessage(m, manifest)}`);
    problems += messages.length;
    try {
      // ESM only on purpose: node10 and require() are out of scope (ignored by this profile).
      execFileSync("attw", [packed.tarball, "--profile", "esm-only", "--format", "table-flipped"], {
        stdio: "pipe",
      });
    } catch (error) {
      problems++;
      console.error(`${name}: attw found problems\n${(error as { stdout?: Buffer }).stdout ?? error}`);
    }
    const violations = tarballViolations(packed.files);
    for (const violation of violations) console.error(`${name}: tarball: ${violation}`);
    problems += violations.length;
    console.log(
      `${name}: publint, attw and tarball (${packed.files.length} files: ${packed.files.map((f) => f.path).join(" ")}) ${problems === 0 ? "clean" : `${problems} problem(s)`}`,
    );
  } finally {
    packed.remove();
  }
  return problems;
}

if (import.meta.main) {
  let failed = 0;
  for (const { dir, name } of publicPackages()) failed += await check(dir, name);
  if (failed > 0) {
    console.error(`${failed} package problem(s)`);
    process.exitCode = 1;
  }
}
