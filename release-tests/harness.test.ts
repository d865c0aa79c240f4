import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { assertLoopback, cleanEnv, pnpmInstalled, verdaccioConfig } from "./harness.ts";

describe("release test harness", () => {
  it("refuses to publish anywhere but loopback", () => {
    expect(() => assertLoopback("https://registry.npmjs.org/")).toThrow(/not a loopback registry/);
    expect(() => assertLoopback("http://127.0.0.1.example.com:4873/")).toThrow(/not a loopback/);
    expect(() => assertLoopback("http://127.0.0.1:4873/")).not.toThrow();
  });

  it("never proxies @sessiontrail/* to the upstream registry", () => {
    const config = parse(verdaccioConfig("/tmp/storage", "https://registry.npmjs.org/"));
    expect(config.packages["@sessiontrail/*"].proxy).toBeUndefined();
    expect(config.packages["**"].proxy).toBe("upstream");
    expect(config.uplinks.upstream.url).toBe("https://registry.npmjs.org/");
  });

  it("drops npm/pnpm configuration and tokens from the environment", () => {
    process.env.NPM_TOKEN_FOR_TEST = "secret";
    process.env.pnpm_config_registry_for_test = "https://example.com/";
    try {
      const env = cleanEnv({ EXTRA: "1" });
      expect(env.NPM_TOKEN_FOR_TEST).toBeUndefined();
      expect(env.pnpm_config_registry_for_test).toBeUndefined();
      expect(env.EXTRA).toBe("1");
      expect(env.PATH).toBe(process.env.PATH);
    } finally {
      delete process.env.NPM_TOKEN_FOR_TEST;
      delete process.env.pnpm_config_registry_for_test;
    }
  });

  it("reads names and versions from pnpm's virtual store", () => {
    const dir = mkdtempSync(join(tmpdir(), "sessiontrail-harness-"));
    try {
      for (const entry of [
        "@sessiontrail+core@0.1.0",
        "openapi-fetch@0.17.0",
        "vite@8.3.8_yaml@2.9.1",
        "node_modules",
      ]) {
        mkdirSync(join(dir, ".pnpm", entry), { recursive: true });
      }
      expect(pnpmInstalled(dir)).toEqual(["@sessiontrail/core@0.1.0", "openapi-fetch@0.17.0", "vite@8.3.8"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
