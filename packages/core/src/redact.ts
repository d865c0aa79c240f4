// The secrets of this process (API keys and whatever else a caller registers), masked wherever text
// from a vendor or the network could carry them. Process-wide on purpose: an error made anywhere,
// by any client, must mask every key given to any client.
const secrets = new Set<string>();

/** The shortest secret masked: shorter strings would mask ordinary words; real keys are far longer. */
export const MIN_SECRET_LENGTH = 6;

/** Registers a secret so that `redactSecrets` masks it wherever it shows up later. */
export function registerSecret(secret: string): void {
  if (secret.length >= MIN_SECRET_LENGTH) secrets.add(secret);
}

/** Masks every registered secret in a string (error messages, body excerpts, log lines). */
export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.replaceAll(secret, "[REDACTED]");
  return out;
}

/** How much of a long text is looked at for an excerpt: a 5 MB vendor value costs no more than a short one. */
const EXCERPT_WINDOW = 4096;

/**
 * First `max` characters of a text, with secrets masked and whitespace folded: enough to diagnose,
 * never a dump. Only a bounded window of a long text is read; its last characters, where a secret
 * cut by the window could start, are dropped after masking.
 */
export function excerpt(text: string, max = 200): string {
  const cut = text.length > max + EXCERPT_WINDOW;
  let head: string;
  if (cut) {
    let longest = 0;
    for (const secret of secrets) longest = Math.max(longest, secret.length);
    head = redactSecrets(text.slice(0, max + EXCERPT_WINDOW));
    head = head.slice(0, head.length - longest);
  } else head = redactSecrets(text);
  const clean = head.replace(/\s+/g, " ").trim();
  return clean.length > max || cut ? `${clean.slice(0, max)}…` : clean;
}
