/**
 * Whether a string looks like a real credential rather than a placeholder or a name: long, of token
 * characters only, mixing letters with digits or cases, not too repetitive, and none of the words people put
 * in examples.
 */
export function looksLikeCredential(value: string): boolean {
  if (value.length < 16 || value.length > 512) return false;
  if (!/^[A-Za-z0-9._~+/=-]+$/.test(value)) return false;
  if (PLACEHOLDER.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(value)).length;
  if (classes < 2) return false;
  if (isName(value)) return false;
  return entropy(value) >= 3.3;
}

const PLACEHOLDER =
  /your|xxx|example|change_?me|dummy|fake|placeholder|sample|redacted|insert|replace|todo|secret|token|test|^(.)\1+$|https?:|\.(?:json|txt|py|js)$/i;

/** Shannon entropy in bits per character. */
function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * Identifiers, dotted names and paths: words joined by separators (`refresh_token_expires_at`,
 * `com.shop.Token2`) or camel case (`refreshTokenExpiresAt`). A token is one run of mixed characters.
 */
function isName(value: string): boolean {
  const segments = value.split(/[_./-]+/).filter((s) => s !== "");
  if (segments.length > 1 && segments.every((s) => /^[A-Za-z][a-z]*\d{0,2}$|^[A-Z]+\d{0,2}$/.test(s)))
    return true;
  return /^[a-z]+(?:[A-Z][a-z]+)+\d{0,2}$|^(?:[A-Z][a-z]+)+\d{0,2}$/.test(value);
}
