const secrets = new Set<string>();

/** Registers a secret so that `redactSecrets` masks it wherever it shows up later. */
export function registerSecret(secret: string): void {
  // Short strings would mask ordinary words; real API keys are far longer.
  if (secret.length >= 6) secrets.add(secret);
}

/** Masks every registered secret in a string (error messages, body excerpts, log lines). */
export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.replaceAll(secret, "[REDACTED]");
  return out;
}

/** First `max` characters of a body, with secrets masked: enough to diagnose, never a dump. */
export function excerpt(text: string, max = 200): string {
  const clean = redactSecrets(text).replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
