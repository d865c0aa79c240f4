// The GitHub Actions workflows cannot run here, so they are checked as far as they can be: against
// GitHub's own workflow schema (@actions/workflow-parser, what GitHub's editor tooling validates with),
// every command they run against the repo's scripts, and the release step against changesets/action's
// inputs and the scripts the release test proves. Each check is shown to fail on a broken copy.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { registerHooks } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../specs.ts";

// @actions/workflow-parser imports its schema JSON without `with { type: "json" }`: fine for the
// bundlers it is made for, refused by Node. Give those imports the attribute Node asks for.
registerHooks({
  resolve(specifier, context, nextResolve) {
    const result = nextResolve(specifier, context);
    return /\/@actions\/workflow-parser\/.*\.json$/.test(result.url)
      ? { ...result, importAttributes: { type: "json" } }
      : result;
  },
});
const { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } = await import(
  "@actions/workflow-parser"
);

const workflowsDir = join(repoRoot, ".github", "workflows");
const workflowFiles = readdirSync(workflowsDir).filter((f) => /\.ya?ml$/.test(f));
const read = (file: string) => readFileSync(join(workflowsDir, file), "utf8");
const rootScripts = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).scripts as Record<
  string,
  string
>;

/**
 * The inputs of changesets/action v2 (action.yml at v2.1.1). v1's `version` and `publish` are
 * refused by v2, which this repository needs for Changesets v3.
 */
const CHANGESETS_ACTION_INPUTS = new Set([
  "github-token",
  "publish-script",
  "version-script",
  "commit-message",
  "pr-title",
  "pr-draft",
  "pr-base-branch",
  "create-github-releases",
  "push-git-tags",
  "push-with-git-cli",
  "cwd",
]);

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Workflow {
  jobs: Record<string, { steps: Step[]; permissions?: Record<string, string> }>;
}

/** What GitHub's parser says is wrong with a workflow, as its messages (`Unexpected value 'x'`). */
async function schemaErrors(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (errors.length > 0 || !parsed.value) return errors;
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return (template.errors ?? []).map((e) => e.Message);
}

/** Shell words that only glue commands together. */
const PLUMBING = new Set(["echo", "export", "if", "then", "else", "fi"]);

/**
 * A command is a root package.json script (`pnpm <script>`), the toolchain wrapper running one
 * (`scripts/dev pnpm <script>`, `scripts/dev true`), or a file of the repo run by bash.
 */
function commandProblem(command: string): string | undefined {
  const words = command.trim().split(/\s+/);
  const [first, second, ...rest] = words;
  if (first === undefined || first === "" || first.startsWith("#") || PLUMBING.has(first)) return undefined;
  if (first === "pnpm") {
    return second !== undefined && second in rootScripts
      ? undefined
      : `"${command}": no root package.json script "${second}"`;
  }
  if (first === "bash") {
    return second !== undefined && existsSync(join(repoRoot, second))
      ? undefined
      : `"${command}": no file ${second} in the repo`;
  }
  if (first === "scripts/dev") {
    return second === "true" ? undefined : commandProblem([second, ...rest].join(" "));
  }
  return `"${command}": runs ${first}, which is no root script, repo file or scripts/dev`;
}

function runProblems(workflow: Workflow): string[] {
  return Object.values(workflow.jobs).flatMap((job) =>
    job.steps.flatMap((step) =>
      (step.run ?? "")
        .split("\n")
        .map(commandProblem)
        .filter((p): p is string => p !== undefined),
    ),
  );
}

function changesetsSteps(workflow: Workflow): Step[] {
  return Object.values(workflow.jobs).flatMap((job) =>
    job.steps.filter((step) => step.uses?.startsWith("changesets/action@")),
  );
}

function changesetsProblems(workflow: Workflow): string[] {
  return changesetsSteps(workflow).flatMap((step) => [
    ...Object.keys(step.with ?? {})
      .filter((key) => !CHANGESETS_ACTION_INPUTS.has(key))
      .map((key) => `changesets/action has no input "${key}"`),
    ...["version-script", "publish-script"].flatMap((input) => {
      const value = step.with?.[input];
      if (typeof value !== "string") return [`changesets/action: no ${input}`];
      const problem = commandProblem(value);
      return problem ? [`${input}: ${problem}`] : [];
    }),
  ]);
}

describe("GitHub workflows", () => {
  it("include a CI and a release workflow", () => {
    expect(workflowFiles).toEqual(expect.arrayContaining(["ci.yml", "release.yml"]));
  });

  for (const file of workflowFiles) {
    it(`${file}: valid against GitHub's workflow schema`, async () => {
      expect(await schemaErrors(file, read(file))).toEqual([]);
    });

    it(`${file}: runs only root package.json scripts and repo files`, () => {
      expect(runProblems(parse(read(file)))).toEqual([]);
    });

    it(`${file}: every action pinned to a commit SHA, its tag in a comment`, () => {
      const uses = [...read(file).matchAll(/uses:\s*(\S+)(.*)$/gm)];
      expect(uses.length).toBeGreaterThan(0);
      for (const [, ref, comment] of uses) {
        expect(ref, file).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
        expect(comment, `${ref}: the tag it stands for`).toMatch(/# v\d+\.\d+\.\d+/);
      }
    });
  }

  it("ci.yml runs .ci/run, which runs the README's test command", () => {
    const steps = Object.values((parse(read("ci.yml")) as Workflow).jobs).flatMap((job) => job.steps);
    expect(steps.map((s) => s.run).filter(Boolean)).toEqual(["bash .ci/run"]);
    expect(readFileSync(join(repoRoot, ".ci", "run"), "utf8")).toMatch(/^exec scripts\/dev pnpm test$/m);
    expect(readFileSync(join(repoRoot, "README.md"), "utf8")).toContain("scripts/dev pnpm test");
  });

  it("release.yml: changesets/action v2 with the scripts the release test runs, provenance, and its permissions", () => {
    const release = parse(read("release.yml")) as Workflow;
    expect(changesetsProblems(release)).toEqual([]);
    const [step] = changesetsSteps(release);
    // The release test runs the same two scripts against a local registry.
    const proven = [
      ...readFileSync(join(repoRoot, "release-tests", "release.test.ts"), "utf8").matchAll(
        /pnpmInClone\(\["run", "([^"]+)"\]\)/g,
      ),
    ].map((m) => m[1]);
    expect(new Set(proven)).toEqual(new Set(["version-packages", "release"]));
    expect(step?.with).toMatchObject({
      "version-script": "pnpm version-packages",
      "publish-script": "pnpm release",
    });
    expect(step?.env).toMatchObject({ PNPM_CONFIG_PROVENANCE: "true", NPM_CONFIG_PROVENANCE: "true" });
    const job = Object.values(release.jobs)[0];
    expect(job?.permissions).toEqual({ contents: "write", "pull-requests": "write", "id-token": "write" });
  });

  describe("the checks fail on a broken copy", () => {
    it("a key GitHub does not know, at job and at step level", async () => {
      const ci = read("ci.yml");
      expect(await schemaErrors("ci.yml", ci.replace("runs-on:", "runs_on:"))).toEqual(
        expect.arrayContaining([expect.stringContaining("Unexpected value 'runs_on'")]),
      );
      expect(await schemaErrors("ci.yml", ci.replace("        with:\n", "        withs:\n"))).toEqual(
        expect.arrayContaining([expect.stringContaining("Unexpected value 'withs'")]),
      );
    });

    it("a value of the wrong kind", async () => {
      const broken = read("release.yml").replace("contents: write", "contents: sometimes");
      expect((await schemaErrors("release.yml", broken)).join("\n")).toMatch(/sometimes/);
    });

    it("a run line naming a script that does not exist", () => {
      const broken = parse(read("ci.yml").replace("bash .ci/run", "scripts/dev pnpm tset")) as Workflow;
      expect(runProblems(broken)).toEqual([expect.stringContaining('no root package.json script "tset"')]);
      expect(commandProblem("npm test")).toMatch(/runs npm/);
      expect(commandProblem("bash .ci/nope")).toMatch(/no file \.ci\/nope/);
    });

    it("changesets/action v1's input names, or a publish script that does not exist", () => {
      const v1 = parse(
        read("release.yml")
          .replace("version-script: pnpm version-packages", "version: pnpm version-packages")
          .replace("publish-script: pnpm release", "publish-script: pnpm publish-all"),
      ) as Workflow;
      expect(changesetsProblems(v1)).toEqual([
        'changesets/action has no input "version"',
        "changesets/action: no version-script",
        'publish-script: "pnpm publish-all": no root package.json script "publish-all"',
      ]);
    });
  });
});
