// What a published tarball may contain: pure checks used by scripts/check-packages.ts (and tested in
// scripts/test/package-gates.test.ts).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** One file of a packed tarball: its path inside the package (no `package/` prefix). */
export interface TarballFile {
  path: string;
  /** The file's text, needed only for source maps (`.map`); other files are judged by name. */
  text?: string;
}

const ALLOWED_TOP_LEVEL = new Set(["package.json", "README.md", "LICENSE", "CHANGELOG.md"]);

/** Names that must never ship, wherever they are (even under dist/). */
const FORBIDDEN: [RegExp, string][] = [
  [/(^|\/)\.env(\.|$)/, "an environment file"],
  [/(^|\/)\.npmrc$/, "an .npmrc (may hold a token)"],
  [/(^|\/)\.(git|turbo|cache)(\/|$)/, "tool state"],
  [/\.(pem|key|p12|pfx)$/i, "a key or certificate"],
  [/(^|\/)(test|tests|__tests__|golden|fixtures?)\//, "tests or their fixtures"],
  [/\.(test|spec|bench)\.[cm]?[jt]sx?$/, "a test file"],
  [/(^|\/)tsconfig(\.[^/]*)?\.json$|\.tsbuildinfo$/, "build configuration"],
];

/**
 * Every reason a tarball breaks the allowlist: only `dist/**`, README.md, LICENSE, CHANGELOG.md and
 * package.json; nothing secret, no tests or fixtures, no source map embedding its sources.
 */
export function tarballViolations(files: readonly TarballFile[]): string[] {
  const problems: string[] = [];
  for (const { path, text } of files) {
    if (!path.startsWith("dist/") && !ALLOWED_TOP_LEVEL.has(path)) {
      problems.push(`${path}: not in the allowlist (dist/**, ${[...ALLOWED_TOP_LEVEL].join(", ")})`);
      continue;
    }
    for (const [pattern, what] of FORBIDDEN) {
      if (pattern.test(path)) problems.push(`${path}: ${what}`);
    }
    if (path.endsWith(".map")) {
      let map: { sourcesContent?: unknown[] } | undefined;
      try {
        map = JSON.parse(text ?? "");
      } catch {
        problems.push(`${path}: a source map that is not JSON`);
      }
      if (map?.sourcesContent?.some((source) => typeof source === "string" && source.length > 0)) {
        problems.push(`${path}: a source map that embeds its sources (sourcesContent)`);
      }
    }
  }
  for (const required of ["package.json", "README.md", "LICENSE"]) {
    if (!files.some((file) => file.path === required)) problems.push(`${required}: missing`);
  }
  if (!files.some((file) => file.path.startsWith("dist/"))) problems.push("dist/: missing (not built?)");
  return problems;
}

/** A package packed by `pnpm pack` (as `pnpm publish` packs it): the tarball and its files. */
export interface Packed {
  tarball: string;
  files: TarballFile[];
  /** Removes the temporary folder holding the tarball. */
  remove(): void;
}

export function pack(dir: string): Packed {
  const out = mkdtempSync(join(tmpdir(), "sessiontrail-pack-"));
  const remove = () => rmSync(out, { recursive: true, force: true });
  try {
    execFileSync("pnpm", ["pack", "--pack-destination", out], { cwd: dir, stdio: "pipe" });
    const name = readdirSync(out).find((f) => f.endsWith(".tgz"));
    if (!name) throw new Error(`pnpm pack wrote no tarball for ${dir}`);
    const unpacked = join(out, "unpacked");
    mkdirSync(unpacked);
    execFileSync("tar", ["-xzf", join(out, name), "-C", unpacked]);
    const root = join(unpacked, "package");
    const files: TarballFile[] = [];
    const walk = (rel: string) => {
      for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
        const path = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(path);
        else
          files.push(
            path.endsWith(".map") ? { path, text: readFileSync(join(root, path), "utf8") } : { path },
          );
      }
    };
    walk("");
    files.sort((a, b) => a.path.localeCompare(b.path));
    return { tarball: join(out, name), files, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
