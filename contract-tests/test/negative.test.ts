// The mocks really validate requests (a hand-made invalid request is refused), and each client
// refuses the same input itself, before anything is sent.
import { SessionTrailError } from "@sessiontrail/core";
import { describe, expect, inject, it } from "vitest";
import { vendorSpecs } from "../../scripts/specs.ts";
import { type Violation, violations } from "../helpers.ts";
import { contractOf } from "../vendors.ts";

const mocks = inject("mocks");

for (const { vendor } of vendorSpecs()) {
  describe(`${vendor}: invalid requests`, () => {
    const contract = contractOf(vendor);
    const baseUrl = mocks[vendor] as string;

    it("has at least one invalid input to try", () => expect(contract.invalid.length).toBeGreaterThan(0));

    for (const invalid of contract.invalid) {
      it(`Prism rejects ${invalid.what}`, async () => {
        const response = await invalid.raw(baseUrl);
        const text = await response.text();
        if (!invalid.field) {
          // A missing key: Prism answers with the spec's 401 before validating anything else.
          expect(response.status).toBe(401);
          return;
        }
        // The spec's own 400 when it documents one, else Prism's 422 problem+json; either way Prism
        // names the field, in the body's `validation` list or in the sl-violations header.
        expect([400, 422]).toContain(response.status);
        let problems: Violation[] = [];
        try {
          problems = (JSON.parse(text) as { validation?: Violation[] }).validation ?? [];
        } catch {}
        // Prism's own findings only (the body may be the spec's example of a 400, not about this request).
        const named = [...problems, ...violations(response)].filter(
          (v) => v.location?.includes(invalid.field as string) || v.message?.includes(`'${invalid.field}'`),
        );
        expect(named.length, `Prism said: ${text} ${response.headers.get("sl-violations")}`).toBeGreaterThan(
          0,
        );
      });

      it(`the client refuses ${invalid.what} before sending`, async () => {
        let calls = 0;
        const fetch = async (request: Request) => {
          calls++;
          return globalThis.fetch(request);
        };
        let thrown: unknown;
        try {
          const result = invalid.viaClient({ baseUrl, fetch });
          // A stream validates when created; reading it would be the first request.
          if (result && typeof (result as { toArray?: unknown }).toArray === "function") {
            await (result as { toArray(): Promise<unknown> }).toArray();
          }
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(SessionTrailError);
        expect((thrown as SessionTrailError).kind).toBe("validation");
        expect((thrown as SessionTrailError).vendor).toBe(vendor);
        expect(calls).toBe(0);
      });
    }
  });
}
