// TODO(new-vendor): delete this file once nothing imports it (`pnpm typecheck` names what still does).
// Until then, each place `pnpm new-vendor` left to fill fails with what to write there.

/** Fails with what to write at a place left to fill, and where the facts are. */
export function todo(what: string): never {
  throw new Error(
    `TODO(new-vendor) packages/datadog/${what} (the facts: ../shared/vendors/datadog.md and specs/datadog/openapi.yaml)`,
  );
}
