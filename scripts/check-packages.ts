// Quality gates on every publishable package, as it would be packed: publint (package.json and
// exports against the files) and Are The Types Wrong (types resolve under node16 and bundlers).
// Run after `pnpm build`.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { repoRoot } from "./specs.ts";

export function publicPackages(root = repoRoot): { dir: string; name: string }[] {
  return readdirSync(join(root, "packages"))
    .map((folder) => join(root, "packages", folder))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
    .filter(({ manifest }) => !manifest.private)
    .map(({ dir, manifest }) => ({ dir, name: manifest.name as string }));
}

let failed = 0;
for (const { dir, name } of publicPackages()) {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const { messages } = await publint({ pkgDir: dir, level: "suggestion", strict: true, pack: "pnpm" });
  for (const m of messages) console.error(`${name}: publint ${m.type}: ${formatMessage(m, manifest)}`);
  failed += messages.length;
  try {
    // ESM only on purpose: node10 and require() are out of scope (ignored by this profile).
    execFileSync("attw", ["--pack", dir, "--profile", "esm-only", "--format", "table-flipped"], {
      stdio: "pipe",
    });
  } catch (error) {
    failed++;
    console.error(`${name}: attw found problems\n${(error as { stdout?: Buffer }).stdout ?? error}`);
  }
  console.log(`${name}: publint and attw ${failed === 0 ? "clean" : "checked"}`);
}
if (failed > 0) {
  console.error(`${failed} package problem(s)`);
  process.exitCode = 1;
}
