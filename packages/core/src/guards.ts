// The checks every vendor normalizer makes of the JSON it is given, written once: a vendor's
// response is `unknown` until one of these says what a value is.

/** A JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** `value` when it is a JSON object, else `undefined`: for chains such as `asRecord(a?.b)?.c`. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}

/** `value` when it is a non-empty string, else `undefined` (an empty field says nothing). */
export function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
