import { maskSecret } from "../../util/mask-secret.js";
import { looksLikeCredential } from "./rules/credential-literal.js";

/** Longest excerpt shown: enough to recognise the line, never a whole block of code. */
export const EXCERPT_MAX = 120;

/** A run of token characters long enough to be a credential, quoted or not (`Bearer …`, `secret=…`). */
const TOKEN_RUN = /[A-Za-z0-9._~+/=-]{16,}/g;

/**
 * The line as a finding shows it: trimmed, the literal the rule found and every other run that looks like a
 * credential masked (maskSecret), then shortened. Identifiers and format strings stay readable.
 */
export function maskedExcerpt(line: string, secret?: string): string {
  let text = line.trim();
  if (secret) text = text.replaceAll(secret, maskSecret(secret));
  text = text.replace(TOKEN_RUN, (run) => (looksLikeCredential(run) ? maskSecret(run) : run));
  return text.length > EXCERPT_MAX ? `${text.slice(0, EXCERPT_MAX - 1)}…` : text;
}
