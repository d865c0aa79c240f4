// The checks every vendor normalizer must pass: golden output for each named 200 example of its
// spec (readable JSON under test/golden/, rewritten with UPDATE_GOLDEN=1), and every output valid
// against sessionEventSchema.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  type NormalizeOptions,
  type SessionEvent,
  SessionTrailError,
  sessionEventSchema,
} from "@sessiontrail/core";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { responseExamples } from "../../../scripts/spec-examples.ts";
import { repoRoot } from "../../../scripts/specs.ts";

const ajv = new Ajv2020({ allErrors: true });
addFormats.default(ajv);
const validateEvent = ajv.compile(sessionEventSchema);

/** Schema errors of each event, empty when all are valid. */
export function sessionEventErrors(events: readonly unknown[]): string[] {
  const errors: string[] = [];
  events.forEach((event, i) => {
    if (!validateEvent(event)) {
      for (const e of validateEvent.errors ?? []) errors.push(`#${i} ${e.instancePath} ${e.message}`);
    }
  });
  return errors;
}

/** Runs `fn`, expects it to throw a SessionTrailError, and returns that error for further checks. */
export function thrown(fn: () => unknown): SessionTrailError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SessionTrailError);
    return error as SessionTrailError;
  }
  throw new Error("did not throw");
}

export interface NormalizerSuite {
  vendor: string;
  normalize(body: never, options?: NormalizeOptions): SessionEvent[];
  /** Vendor options per example name (e.g. Hardal's timezone for a UTC example). */
  optionsFor?(exampleName: string): Record<string, unknown>;
}

export function normalizerSuite(suite: NormalizerSuite): void {
  const goldenDir = join(repoRoot, "packages", suite.vendor, "test", "golden");
  const examples = responseExamples(suite.vendor).filter((e) => e.status === 200 && e.name);

  describe(`${suite.vendor} normalizer: golden output of every 200 example`, () => {
    it("has examples", () => expect(examples.length).toBeGreaterThan(0));
    for (const example of examples) {
      it(`${example.name}`, () => {
        const options = { ...suite.optionsFor?.(example.name as string), includeRaw: false };
        const events = suite.normalize(example.value as never, options);
        expect(sessionEventErrors(events)).toEqual([]);
        const file = join(goldenDir, `${example.name}.json`);
        if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) {
          if (process.env.CI) throw new Error(`golden file missing in CI: ${file}`);
          mkdirSync(goldenDir, { recursive: true });
          writeFileSync(file, `${JSON.stringify(events, null, 2)}\n`);
        }
        expect(events).toEqual(JSON.parse(readFileSync(file, "utf8")));
      });
    }

    it("keeps the untouched vendor event in raw unless told not to", () => {
      const example = examples.find((e) => JSON.stringify(e.value).length > 40) ?? examples[0];
      const events = suite.normalize(example?.value as never, suite.optionsFor?.(example?.name as string));
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) expect(event.raw).toBeTypeOf("object");
      expect(sessionEventErrors(events)).toEqual([]);
    });

    it("gives the same ids when the same body is normalized twice", () => {
      for (const example of examples) {
        const once = suite.normalize(structuredClone(example.value) as never).map((e) => e.id);
        const twice = suite.normalize(structuredClone(example.value) as never).map((e) => e.id);
        expect(twice).toEqual(once);
        expect(new Set(once).size).toBe(once.length);
      }
    });
  });
}
