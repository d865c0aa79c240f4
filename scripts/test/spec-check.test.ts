// `pnpm spec:check` driven on a throwaway clone of this repository (its node_modules a symlink to
// ours): a contributor's vendor change, step by step, as CONTRIBUTING.md's runbook describes it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bumpProblem, neededBump, parseChangeset } from "../spec-check.ts";
import { repoRoot } from "../specs.ts";

const clones: string[] = [];
afterAll(() => {
  for (const dir of clones) rmSync(dir, { recursive: true, force: true });
});

function sh(cwd: string, command: string, args: string[]): { code: number | null; out: string } {
  const env = { ...process.env };
  delete env.SPEC_CHECK_BASE;
  const r = spawnSync(command, args, { cwd, encoding: "utf8", env });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** A clone of the committed repository on a new branch, with our node_modules. */
function clone(): string {
  const dir = mkdtempSync(join(tmpdir(), "sessiontrail-spec-check-"));
  clones.push(dir);
  const cloned = sh(repoRoot, "git", ["clone", "-q", repoRoot, dir]);
  expect(cloned.code, cloned.out).toBe(0);
  symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"), "dir");
  // What the default base is measured against, whatever branches the repo we cloned has (CI may be detached).
  sh(dir, "git", ["update-ref", "refs/remotes/origin/main", "HEAD"]);
  for (const [key, value] of [
    ["user.email", "spec-check-test@example.invalid"],
    ["user.name", "spec-check test"],
  ] as const) {
    sh(dir, "git", ["config", key, value]);
  }
  expect(sh(dir, "git", ["checkout", "-q", "-b", "vendor-change"]).code).toBe(0);
  return dir;
}

const edit = (dir: string, file: string, change: (text: string) => string) => {
  const path = join(dir, file);
  const before = readFileSync(path, "utf8");
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(path, after);
};

const generate = (dir: string) => {
  const r = sh(dir, process.execPath, ["scripts/generate.ts", "fullstory"]);
  expect(r.code, r.out).toBe(0);
};

// The working tree's spec-check (the one under test) run on the clone.
const specCheck = (dir: string) =>
  sh(dir, process.execPath, [join(repoRoot, "scripts", "spec-check.ts"), "--root", dir]);

const SPEC = "specs/fullstory/openapi.yaml";

// Each spec:check run lints and regenerates every spec (1-3 s on a busy two-core machine).
describe("spec:check on a vendor change", { timeout: 60_000 }, () => {
  it("a renamed path fails and names the change until a changeset says it is breaking", () => {
    const dir = clone();
    edit(dir, SPEC, (t) =>
      t.replace("  /v2/sessions/{session_id}/events:", "  /v2/sessions/{session_id}/event-log:"),
    );
    generate(dir);
    expect(sh(dir, "git", ["commit", "-q", "-am", "FullStory renamed its events path"]).code).toBe(0);

    const failed = specCheck(dir);
    expect(failed.code, failed.out).toBe(1);
    expect(failed.out).toContain("merge base with origin/main");
    expect(failed.out).toContain(
      "fullstory: ERR api-path-removed-without-deprecation GET /v2/sessions/{session_id}/events: removed the path",
    );
    expect(failed.out).toContain(
      "fullstory: INFO endpoint-added GET /v2/sessions/{session_id}/event-log: added the operation",
    );
    expect(failed.out).toMatch(
      /✗ @sessiontrail\/fullstory: its spec and src changed since \w+ but no changeset/,
    );

    writeFileSync(
      join(dir, ".changeset", "fullstory-event-log.md"),
      '---\n"@sessiontrail/fullstory": minor\n---\n\nFollow FullStory\'s new events path.\n',
    );
    const unsaid = specCheck(dir);
    expect(unsaid.code, unsaid.out).toBe(1);
    expect(unsaid.out).toContain('must say so: write "breaking" in the changeset\'s message');

    writeFileSync(
      join(dir, ".changeset", "fullstory-event-log.md"),
      '---\n"@sessiontrail/fullstory": minor\n---\n\nBreaking (minor while 0.x): follow FullStory\'s new events path.\n',
    );
    const passed = specCheck(dir);
    expect(passed.code, passed.out).toBe(0);
    expect(passed.out).toContain("spec:check passed");
  });

  it("an added optional response field with a minor changeset passes", () => {
    const dir = clone();
    edit(dir, SPEC, (t) =>
      t.replace(
        /(\n {4}Event:\n[\s\S]*?\n {6}properties:\n)/,
        "$1        replay_url:\n          type: string\n          description: Link to the session replay at this event.\n",
      ),
    );
    generate(dir);
    const missing = specCheck(dir);
    expect(missing.code, missing.out).toBe(1);
    expect(missing.out).toContain(
      "fullstory: INFO response-optional-property-added GET /v2/sessions/{session_id}/events 200 /events/items/replay_url: added the optional property /events/items/replay_url to the 200 response",
    );

    writeFileSync(
      join(dir, ".changeset", "fullstory-replay-url.md"),
      '---\n"@sessiontrail/fullstory": minor\n---\n\nEvents carry FullStory\'s replay_url.\n',
    );
    const passed = specCheck(dir);
    expect(passed.code, passed.out).toBe(0);
    expect(passed.out).not.toMatch(/: (ERR|WARN) /);
    expect(passed.out).toContain("@sessiontrail/fullstory (0.0.0): spec and src changed; changeset minor");
  });
});

describe("changeset frontmatter", () => {
  it("reads quoted and bare package names and the summary", () => {
    expect(
      parseChangeset("a.md", '---\n"@sessiontrail/core": major\n@sessiontrail/cli: patch\n---\n\nWhy.\n'),
    ).toEqual({
      file: "a.md",
      bumps: { "@sessiontrail/core": "major", "@sessiontrail/cli": "patch" },
      summary: "Why.",
    });
  });

  it("refuses a file without frontmatter or with an unknown bump", () => {
    expect(() => parseChangeset("b.md", "just text")).toThrow(/no frontmatter/);
    expect(() => parseChangeset("c.md", '---\n"@sessiontrail/core": huge\n---\n')).toThrow(/cannot read/);
  });

  it("reads every changeset in the repo", () => {
    const listed = sh(repoRoot, "git", ["ls-files", ".changeset/*.md"]).out.split("\n").filter(Boolean);
    for (const file of listed.filter((f) => !f.endsWith("README.md"))) {
      expect(() => parseChangeset(file, readFileSync(join(repoRoot, file), "utf8")), file).not.toThrow();
    }
  });
});

describe("the bump spec changes need", () => {
  const said = parseChangeset("x.md", '---\n"@sessiontrail/hardal": minor\n---\n\nBreaking: new path.\n');
  const unsaid = parseChangeset("y.md", '---\n"@sessiontrail/hardal": minor\n---\n\nNew path.\n');
  const v1 = { name: "@sessiontrail/hardal", version: "1.2.0" };
  const v0 = { name: "@sessiontrail/hardal", version: "0.3.0" };
  const none = { err: 0, warn: 0 };

  it("INFO changes only: any bump will do", () => {
    expect(neededBump("1.2.0", none)).toBe("patch");
    expect(bumpProblem(v1, "patch", none, [unsaid])).toBeUndefined();
  });

  it("ERR at 1.x: major, nothing less", () => {
    expect(neededBump("1.2.0", { err: 2, warn: 1 })).toBe("major");
    expect(bumpProblem(v1, "major", { err: 2, warn: 0 }, [said])).toBeUndefined();
    expect(bumpProblem(v1, "minor", { err: 2, warn: 0 }, [said])).toBe(
      "@sessiontrail/hardal: 2 breaking (ERR) spec change(s) need a major bump, the changesets give minor",
    );
  });

  it("ERR at 0.x: minor that says breaking, or major", () => {
    expect(neededBump("0.3.0", { err: 1, warn: 0 })).toBe("minor");
    expect(bumpProblem(v0, "minor", { err: 1, warn: 0 }, [said])).toBeUndefined();
    expect(bumpProblem(v0, "major", { err: 1, warn: 0 }, [unsaid])).toBeUndefined();
    expect(bumpProblem(v0, "minor", { err: 1, warn: 0 }, [unsaid])).toMatch(
      /must say so: write "breaking" in the changeset's message \(y\.md\)/,
    );
    expect(bumpProblem(v0, "patch", { err: 1, warn: 0 }, [said])).toMatch(
      /need a minor bump \(minor while the package is 0\.x, saying it is breaking\), the changesets give patch/,
    );
  });

  it("WARN: at least minor, at 0.x and 1.x alike, without having to say breaking", () => {
    expect(neededBump("1.2.0", { err: 0, warn: 1 })).toBe("minor");
    expect(neededBump("0.3.0", { err: 0, warn: 1 })).toBe("minor");
    expect(bumpProblem(v1, "minor", { err: 0, warn: 1 }, [unsaid])).toBeUndefined();
    expect(bumpProblem(v0, "minor", { err: 0, warn: 3 }, [unsaid])).toBeUndefined();
    expect(bumpProblem(v1, "patch", { err: 0, warn: 3 }, [unsaid])).toBe(
      "@sessiontrail/hardal: 3 WARN spec change(s), which break some clients, need at least a minor bump (major if they break ours), the changesets give patch",
    );
  });
});
