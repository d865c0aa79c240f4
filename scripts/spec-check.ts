// `pnpm spec:check`: the checks a vendor API change must pass before it merges.
//   1. Redocly lint of every spec.
//   2. Generated code in sync with every spec (scripts/generate.ts --check).
//   3. Each spec against its version at a base git ref, every change classified (scripts/spec-diff.ts,
//      the same code as `pnpm spec:diff`): one line per change, `ERR`, `WARN` or `INFO` and its check.
//   4. Every package whose spec or src/ changed since the base has a changeset added since the base,
//      and the bump fits the worst change: ERR (breaking) is major, or minor while the package is 0.x
//      with "breaking" said in the changeset; WARN (breaks some clients) is at least minor; INFO is
//      any bump.
//
//   node scripts/spec-check.ts [--base <ref>] [--root <dir>]
// The base is --base, else $SPEC_CHECK_BASE, else the merge base of HEAD with origin/main, else with
// main, else HEAD. The working tree (uncommitted and untracked files included) is compared with it.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { diffSpecs, formatChange, type SpecChange } from "./spec-diff.ts";
import { repoRoot, vendorSpecs } from "./specs.ts";

export type Bump = "patch" | "minor" | "major";
const RANK: Record<Bump, number> = { patch: 1, minor: 2, major: 3 };

export interface Changeset {
  file: string;
  bumps: Record<string, Bump>;
  summary: string;
}

/** Reads a changeset's frontmatter (`"@scope/pkg": minor` lines) and its summary. */
export function parseChangeset(file: string, text: string): Changeset {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file}: no frontmatter between --- lines`);
  const bumps: Record<string, Bump> = {};
  for (const line of (match[1] as string).split(/\r?\n/)) {
    if (line.trim() === "") continue;
    const m = /^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(line);
    if (!m) throw new Error(`${file}: cannot read the frontmatter line ${JSON.stringify(line)}`);
    bumps[m[1] as string] = m[2] as Bump;
  }
  return { file, bumps, summary: (match[2] as string).trim() };
}

/** How many of a spec's changes are ERR (breaking) and WARN (breaking for some clients). */
export interface ChangeCounts {
  err: number;
  warn: number;
}

export function countLevels(changes: readonly SpecChange[]): ChangeCounts {
  return {
    err: changes.filter((c) => c.level === "ERR").length,
    warn: changes.filter((c) => c.level === "WARN").length,
  };
}

/** The least bump a package's spec changes allow: see the header of this file. */
export function neededBump(version: string, counts: ChangeCounts): Bump {
  if (counts.err > 0) return /^0\./.test(version) ? "minor" : "major";
  return counts.warn > 0 ? "minor" : "patch";
}

/**
 * Whether the changesets naming a package give it a fitting bump for its spec changes: major for
 * ERR changes (minor while the package is 0.x, with "breaking" said in a changeset's message), at
 * least minor for WARN changes.
 */
export function bumpProblem(
  pkg: { name: string; version: string },
  bump: Bump,
  counts: ChangeCounts,
  naming: readonly Changeset[],
): string | undefined {
  const needed = neededBump(pkg.version, counts);
  const zero = /^0\./.test(pkg.version);
  if (RANK[bump] < RANK[needed]) {
    if (counts.err > 0) {
      return `${pkg.name}: ${counts.err} breaking (ERR) spec change(s) need a ${needed} bump${zero ? " (minor while the package is 0.x, saying it is breaking)" : ""}, the changesets give ${bump}`;
    }
    return `${pkg.name}: ${counts.warn} WARN spec change(s), which break some clients, need at least a minor bump (major if they break ours), the changesets give ${bump}`;
  }
  if (counts.err > 0 && zero && bump === "minor" && !naming.some((c) => /breaking/i.test(c.summary))) {
    return `${pkg.name}: a breaking change released as minor (the package is 0.x) must say so: write "breaking" in the changeset's message (${naming.map((c) => c.file).join(", ")})`;
  }
  return undefined;
}

interface PackageInfo {
  dir: string;
  name: string;
  version: string;
  private: boolean;
}

function git(root: string, args: string[]): { ok: boolean; out: string } {
  const r = spawnSync("git", ["-C", root, ...args], { encoding: "utf8" });
  return { ok: r.status === 0, out: (r.stdout ?? "").trim() };
}

/** The base ref and how it was chosen. */
export function resolveBase(root: string, explicit?: string): { ref: string; how: string } {
  const given = explicit ?? process.env.SPEC_CHECK_BASE;
  if (given) {
    if (!git(root, ["rev-parse", "--verify", "--quiet", `${given}^{commit}`]).ok) {
      throw new Error(`base ref ${JSON.stringify(given)} is not a commit here (fetch it first?)`);
    }
    return { ref: given, how: explicit ? "--base" : "$SPEC_CHECK_BASE" };
  }
  for (const branch of ["origin/main", "main"]) {
    const mb = git(root, ["merge-base", "HEAD", branch]);
    if (mb.ok && mb.out) return { ref: mb.out, how: `merge base with ${branch}` };
  }
  return { ref: "HEAD", how: "HEAD (no origin/main or main to compare with)" };
}

/** Files that differ between the base and the working tree, untracked ones included. */
export function changedFiles(root: string, base: string): string[] {
  const tracked = git(root, ["diff", "--name-only", "--no-renames", base]);
  if (!tracked.ok) throw new Error(`git diff against ${base} failed`);
  const untracked = git(root, ["ls-files", "--others", "--exclude-standard"]);
  return [...new Set([...tracked.out.split("\n"), ...untracked.out.split("\n")].filter(Boolean))].sort();
}

function packages(root: string): PackageInfo[] {
  return readdirSync(join(root, "packages"))
    .filter((dir) => existsSync(join(root, "packages", dir, "package.json")))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8"));
      return {
        dir: `packages/${dir}`,
        name: manifest.name as string,
        version: manifest.version as string,
        private: manifest.private === true,
      };
    });
}

function run(root: string, command: string, args: string[]): { ok: boolean; output: string } {
  const r = spawnSync(command, args, { cwd: root, encoding: "utf8", env: process.env });
  return {
    ok: r.status === 0,
    output: `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? String(r.error) : ""}`.trim(),
  };
}

export interface SpecCheckResult {
  ok: boolean;
  lines: string[];
  changes: Record<string, SpecChange[]>;
  problems: string[];
}

export function specCheck(options: { root?: string; base?: string } = {}): SpecCheckResult {
  const root = options.root ?? repoRoot;
  const lines: string[] = [];
  const problems: string[] = [];
  const say = (line: string) => lines.push(line);

  const base = resolveBase(root, options.base);
  const sha = git(root, ["rev-parse", "--short", base.ref]).out;
  say(`spec:check against ${base.ref === sha ? sha : `${base.ref} (${sha})`}: ${base.how}`);

  say("1. Redocly lint of every spec");
  const lint = run(root, join(root, "node_modules", ".bin", "redocly"), ["lint"]);
  if (lint.ok) say("   ok");
  else {
    problems.push("redocly lint failed (run `pnpm exec redocly lint`)");
    say(lint.output.replace(/^/gm, "   "));
  }

  say("2. Generated code in sync with every spec");
  const generated = run(root, process.execPath, [join(root, "scripts", "generate.ts"), "--check"]);
  if (generated.ok) say("   ok");
  else {
    problems.push("generated code is out of date: run `pnpm generate`");
    say(generated.output.replace(/^/gm, "   "));
  }

  say(`3. Spec changes since ${sha}`);
  const changed = changedFiles(root, base.ref);
  const specs = vendorSpecs(root);
  const changes: Record<string, SpecChange[]> = {};
  for (const { vendor, spec } of specs) {
    const then = git(root, ["show", `${base.ref}:${spec}`]);
    const now = parse(readFileSync(join(root, spec), "utf8"));
    // A spec new since the base is compared with an empty document: every operation in it is added.
    const list: SpecChange[] = diffSpecs(then.ok ? parse(then.out) : {}, now);
    changes[vendor] = list;
    for (const change of list) say(`   ${vendor}: ${formatChange(change)}`);
  }
  if (Object.values(changes).every((l) => l.length === 0)) say("   none");

  say("4. Changesets for every changed package");
  const changesets: Changeset[] = [];
  for (const file of changed) {
    if (!/^\.changeset\/[^/]+\.md$/.test(file) || file.endsWith("/README.md")) continue;
    if (!existsSync(join(root, file))) continue; // deleted since the base
    try {
      changesets.push(parseChangeset(file, readFileSync(join(root, file), "utf8")));
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  const specOf = new Map(specs.map((s) => [s.output.split("/").slice(0, 2).join("/"), s]));
  let anyChanged = false;
  for (const pkg of packages(root)) {
    if (pkg.private) continue;
    const spec = specOf.get(pkg.dir);
    const why: string[] = [];
    if (spec && changed.includes(spec.spec)) why.push("spec");
    if (changed.some((f) => f.startsWith(`${pkg.dir}/src/`))) why.push("src");
    if (why.length === 0) continue;
    anyChanged = true;
    const naming = changesets.filter((c) => c.bumps[pkg.name]);
    const bump = naming
      .map((c) => c.bumps[pkg.name] as Bump)
      .reduce<Bump | undefined>((best, b) => (!best || RANK[b] > RANK[best] ? b : best), undefined);
    const counts = countLevels(spec ? (changes[spec.vendor] ?? []) : []);
    const head = `   ${pkg.name} (${pkg.version}): ${why.join(" and ")} changed`;
    if (!bump) {
      say(`${head}; no changeset`);
      problems.push(
        `${pkg.name}: its ${why.join(" and ")} changed since ${sha} but no changeset added since then names it: pnpm changeset --${neededBump(pkg.version, counts)} ${pkg.name} -m "..."`,
      );
      continue;
    }
    say(`${head}; changeset ${bump} (${naming.map((c) => c.file).join(", ")})`);
    const problem = bumpProblem(pkg, bump, counts, naming);
    if (problem) problems.push(problem);
  }
  if (!anyChanged) say("   no package's spec or src changed");

  if (problems.length > 0) {
    say(`spec:check failed: ${problems.length} problem(s)`);
    for (const p of problems) say(`  ✗ ${p}`);
  } else say("spec:check passed");
  return { ok: problems.length === 0, lines, changes, problems };
}

function main(argv: string[]): number {
  let base: string | undefined;
  let root: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--help" || arg === "-h") {
      console.log("usage: node scripts/spec-check.ts [--base <git ref>] [--root <repo dir>]");
      return 0;
    }
    const [flag, inline] = arg.split("=", 2) as [string, string | undefined];
    if (flag === "--base" || flag === "--root") {
      const value = inline ?? argv[++i];
      if (!value) {
        console.error(`${flag} needs a value`);
        return 2;
      }
      if (flag === "--base") base = value;
      else root = value;
    } else {
      console.error(`unknown argument ${arg}`);
      return 2;
    }
  }
  try {
    const result = specCheck({ ...(root ? { root } : {}), ...(base ? { base } : {}) });
    console.log(result.lines.join("\n"));
    return result.ok ? 0 : 1;
  } catch (error) {
    console.error(`spec:check: ${(error as Error).message}`);
    return 2;
  }
}

if (import.meta.main) process.exitCode = main(process.argv.slice(2));
