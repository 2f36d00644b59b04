import { maskSecret } from "../../util/mask-secret.js";
import { scrubSecrets } from "../../util/scrub-secrets.js";

/** Twenty or more letters, digits, `-` or `_` in a row: the shape of tokens and keys, not of prose. */
const TOKEN_LIKE = /[A-Za-z0-9_-]{20,}/g;

/**
 * Text from outside (Cafe24's error message, a module's exception, a service's body) made fit for a report:
 * first line only, credentials (`Bearer …`, `access_token=…`) and token-like runs masked, at most `max`
 * characters. An exception message can quote a token or a connection string, so nothing from outside is
 * shown unmasked.
 */
export function safeText(text: string, max = 160): string {
  const first = scrubSecrets((text.split(/\r?\n/, 1)[0] ?? "").trim());
  const line = first.replace(TOKEN_LIKE, (run) => maskSecret(run));
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
