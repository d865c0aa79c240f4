// Dynamic mode: per vendor, DYNAMIC_COUNT random schema-valid 200 bodies from Prism, each seeded by
// `Prefer: dynamic=true, seed=<vendor>-<n>` (Prism reseeds its generator per request, so one seed
// always gives the same body), through the typed client and the normalizer. Every outcome is either
// events valid against sessionEventSchema or the normalizer's typed error (SessionTrailError of kind
// invalid_response: the spec allows a body the normalizer refuses). Those are findings, counted and
// written to contract-tests/.results/dynamic.json, not hidden.
import { mkdirSync, writeFileSync } from "node:fs";
import { SessionTrailError } from "@sessiontrail/core";
import { sessionEventErrors } from "@sessiontrail/test-utils";
import { afterAll, describe, expect, inject, it } from "vitest";
import { vendorSpecs } from "../../scripts/specs.ts";
import { pool, type Violation, violations } from "../helpers.ts";
import { contractOf } from "../vendors.ts";

const mocks = inject("mocks");
const COUNT = Number(process.env.DYNAMIC_COUNT ?? 200);
const SEED = process.env.DYNAMIC_SEED ?? "sessiontrail";
const CONCURRENCY = Number(process.env.DYNAMIC_CONCURRENCY ?? 4);

interface Finding {
  /** The error message with positions and values taken out: what kind of body broke the normalizer. */
  kind: string;
  count: number;
  /** The first seed that gave it (re-run with `Prefer: code=200, dynamic=true, seed=<seed>`). */
  seed: string;
  message: string;
  body: unknown;
}

function kindOf(vendor: string, message: string): string {
  return message
    .replace(`${vendor}: `, "")
    .replace(/#\d+/g, "#n")
    .replace(/(: | ").*$/, "");
}
interface VendorReport {
  requests: number;
  valid: number;
  events: number;
  typedErrors: number;
  /** Prism's own generated body broke the response schema (a generator limit, not a client bug). */
  responseViolations: number;
  findings: Finding[];
}
const report: Record<string, VendorReport> = {};

afterAll(() => {
  const dir = new URL("../.results/", import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    new URL("dynamic.json", dir),
    `${JSON.stringify({ seed: SEED, count: COUNT, report }, null, 2)}\n`,
  );
  const summary = Object.entries(report).map(
    ([vendor, r]) =>
      `${vendor}: ${r.valid}/${r.requests} valid (${r.events} events), ${r.typedErrors} typed errors, ${r.responseViolations} Prism response violations${r.findings.map((f) => `\n    ${f.count} × ${f.kind} (e.g. seed ${f.seed})`).join("")}`,
  );
  console.log(`dynamic mode (seed ${SEED}):\n  ${summary.join("\n  ")}`);
});

for (const { vendor } of vendorSpecs()) {
  describe(`${vendor}: ${COUNT} seeded random responses`, () => {
    const contract = contractOf(vendor);
    const baseUrl = mocks[vendor] as string;

    it("the same seed gives the same body; another seed another body", async () => {
      const body = async (seed: string) => {
        const { data, response } = await contract.call(contract.operations[0] as string, {
          baseUrl,
          headers: { Prefer: `code=200, dynamic=true, seed=${seed}` },
        });
        expect(response.status).toBe(200);
        return data;
      };
      const [a, b, c] = [await body(`${SEED}-x`), await body(`${SEED}-x`), await body(`${SEED}-y`)];
      expect(a).toEqual(b);
      expect(a).not.toEqual(c);
    });

    for (const operation of contract.operations) {
      it(`${operation}: every body normalizes into valid SessionEvents or a typed error`, async () => {
        const r: VendorReport = {
          requests: 0,
          valid: 0,
          events: 0,
          typedErrors: 0,
          responseViolations: 0,
          findings: [],
        };
        report[vendor] = r;
        const seeds = Array.from({ length: COUNT }, (_, i) => `${SEED}-${vendor}-${i}`);
        const unexpected: string[] = [];
        await pool(seeds, CONCURRENCY, async (seed) => {
          const { data, error, response } = await contract.call(operation, {
            baseUrl,
            headers: { Prefer: `code=200, dynamic=true, seed=${seed}` },
          });
          r.requests++;
          const found = violations(response);
          const onRequest = found.filter((v: Violation) => v.location?.[0] === "request");
          if (onRequest.length > 0)
            unexpected.push(`${seed}: request violations ${JSON.stringify(onRequest)}`);
          if (found.length > onRequest.length) r.responseViolations++;
          if (response.status !== 200 || error !== undefined || data === undefined) {
            unexpected.push(`${seed}: HTTP ${response.status}, error ${JSON.stringify(error)}`);
            return;
          }
          try {
            const events = contract.normalize(data);
            const bad = sessionEventErrors(events);
            if (bad.length > 0)
              unexpected.push(`${seed}: invalid SessionEvents ${JSON.stringify(bad).slice(0, 500)}`);
            else {
              r.valid++;
              r.events += events.length;
            }
          } catch (thrown) {
            if (thrown instanceof SessionTrailError && thrown.kind === "invalid_response") {
              r.typedErrors++;
              const kind = kindOf(vendor, thrown.message);
              const known = r.findings.find((f) => f.kind === kind);
              if (known) known.count++;
              else r.findings.push({ kind, count: 1, seed, message: thrown.message, body: data });
            } else {
              unexpected.push(`${seed}: untyped ${String(thrown)}`);
            }
          }
        });
        expect(unexpected).toEqual([]);
        expect(r.requests).toBe(COUNT);
        expect(r.valid + r.typedErrors).toBe(COUNT);
      });
    }
  });
}
