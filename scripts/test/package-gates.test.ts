import { describe, expect, it } from "vitest";
import { tarballViolations } from "../package-gates.ts";

const good = [
  { path: "package.json" },
  { path: "README.md" },
  { path: "LICENSE" },
  { path: "CHANGELOG.md" },
  { path: "dist/index.js" },
  { path: "dist/index.d.ts" },
  { path: "dist/specs/fullstory.yaml" },
  {
    path: "dist/index.js.map",
    text: JSON.stringify({ version: 3, sources: ["../src/index.ts"], mappings: "" }),
  },
];

describe("tarballViolations", () => {
  it("accepts dist, README, LICENSE, CHANGELOG and package.json", () => {
    expect(tarballViolations(good)).toEqual([]);
  });

  it("names every file outside the allowlist", () => {
    const problems = tarballViolations([
      ...good,
      { path: "src/index.ts" },
      { path: "test/golden/docsExample.json" },
      { path: ".env" },
      { path: "tsconfig.json" },
    ]);
    expect(problems).toHaveLength(4);
    for (const path of ["src/index.ts", "test/golden/docsExample.json", ".env", "tsconfig.json"]) {
      expect(
        problems.some((p) => p.startsWith(`${path}: not in the allowlist`)),
        path,
      ).toBe(true);
    }
  });

  it("refuses secrets, tests and fixtures even under dist/", () => {
    const problems = tarballViolations([
      ...good,
      { path: "dist/.npmrc" },
      { path: "dist/.env.local" },
      { path: "dist/client.test.js" },
      { path: "dist/fixtures/session.json" },
      { path: "dist/server.pem" },
    ]);
    expect(problems).toEqual([
      "dist/.npmrc: an .npmrc (may hold a token)",
      "dist/.env.local: an environment file",
      "dist/client.test.js: a test file",
      "dist/fixtures/session.json: tests or their fixtures",
      "dist/server.pem: a key or certificate",
    ]);
  });

  it("refuses source maps that embed their sources", () => {
    const embedding = JSON.stringify({
      version: 3,
      sources: ["../src/a.ts"],
      sourcesContent: ["secret()"],
      mappings: "",
    });
    expect(tarballViolations([...good, { path: "dist/a.js.map", text: embedding }])).toEqual([
      "dist/a.js.map: a source map that embeds its sources (sourcesContent)",
    ]);
    expect(tarballViolations([...good, { path: "dist/b.js.map", text: "not json" }])).toEqual([
      "dist/b.js.map: a source map that is not JSON",
    ]);
  });

  it("requires package.json, README, LICENSE and a built dist", () => {
    expect(tarballViolations([{ path: "CHANGELOG.md" }])).toEqual([
      "package.json: missing",
      "README.md: missing",
      "LICENSE: missing",
      "dist/: missing (not built?)",
    ]);
  });
});
