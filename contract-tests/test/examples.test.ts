// Every operation and every documented response of every spec, served by Prism as chosen with
// `Prefer: code=<status>, example=<name>`: the typed client gets typed data or a typed error, every
// 2xx body normalizes into valid SessionEvents, and Prism finds nothing wrong with the request.
import { type SessionEvent, SessionTrailError } from "@sessiontrail/core";
import { sessionEventErrors } from "@sessiontrail/test-utils";
import { describe, expect, inject, it } from "vitest";
import { responseExamples } from "../../scripts/spec-examples.ts";
import { vendorSpecs } from "../../scripts/specs.ts";
import { specOperations, violations } from "../helpers.ts";
import { contractOf } from "../vendors.ts";

const mocks = inject("mocks");

for (const { vendor } of vendorSpecs()) {
  describe(`${vendor} against its Prism mock`, () => {
    const contract = contractOf(vendor);
    const baseUrl = mocks[vendor] as string;
    const examples = responseExamples(vendor);

    it("the contract table covers every operation of the spec", () => {
      expect([...contract.operations].sort()).toEqual(specOperations(vendor));
    });

    it("the mock answers every documented response, with a 200 among them", () => {
      expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(examples.some((e) => e.status === 200)).toBe(true);
    });

    for (const example of examples) {
      const operation = `${example.method} ${example.path}`;
      const label = example.name ? `"${example.name}"` : "(no body)";
      const prefer = `code=${example.status}${example.name ? `, example=${example.name}` : ""}`;

      it(`${operation} → ${example.status} ${label}: typed ${example.status < 300 ? "data" : "error"}`, async () => {
        const { data, error, response } = await contract.call(operation, {
          baseUrl,
          headers: { Prefer: prefer },
        });
        // Prism flags any request (or example) that breaks the spec; a valid client causes none.
        expect(violations(response)).toEqual([]);
        expect(response.status).toBe(example.status);
        if (example.status >= 200 && example.status < 300) {
          expect(error).toBeUndefined();
          expect(data).toEqual(example.value);
          const events = contract.normalize(data);
          expect(sessionEventErrors(events)).toEqual([]);
          expect(events.every((e) => e.vendor === vendor)).toBe(true);
        } else {
          expect(data).toBeUndefined();
          expect(response.ok).toBe(false);
          // openapi-fetch leaves `error` undefined for an empty body (Content-Length: 0).
          expect(error ?? "").toEqual(example.value ?? "");
        }
      });

      if (example.status === 200) {
        it(`${operation} → 200 ${label}: events() streams the normalized events`, async () => {
          // The stream yields a page oldest first (a stable sort: twins keep their order).
          const page = contract.normalize(example.value).sort((a, b) => a.timestamp - b.timestamp);
          const events: SessionEvent[] = [];
          let thrown: unknown;
          try {
            for await (const event of contract.events({ baseUrl, headers: { Prefer: prefer } })) {
              events.push(event);
            }
          } catch (error) {
            thrown = error;
          }
          expect(sessionEventErrors(events)).toEqual([]);
          // A mock serves the same example for every page: an example that says more events follow
          // comes back as its own page 2, which the stream refuses rather than yield twice, and one
          // that ends short of its own total is refused at once.
          if (thrown === undefined) expect(events).toEqual(page);
          else {
            expect(thrown).toMatchObject({ kind: "invalid_response", vendor });
            expect([0, page.length]).toContain(events.length);
            expect(events).toEqual(page.slice(0, events.length));
          }
        });
      } else if (example.status >= 400 && example.status < 500 && example.status !== 429) {
        // (429 and 5xx are left out: a stream may retry those.)
        it(`${operation} → ${example.status} ${label}: events() throws a typed SessionTrailError`, async () => {
          const thrown = await contract
            .events({ baseUrl, headers: { Prefer: prefer } })
            .toArray()
            .then(
              () => undefined,
              (e: unknown) => e,
            );
          expect(thrown).toBeInstanceOf(SessionTrailError);
          expect((thrown as SessionTrailError).vendor).toBe(vendor);
          expect((thrown as SessionTrailError).status).toBe(example.status);
          expect((thrown as SessionTrailError).kind).not.toBe("invalid_response");
        });
      }
    }
  });
}
