import { maskSecret } from "../../util/mask-secret.js";

/** Twenty or more letters and digits in a row: the shape of Cafe24 tokens and codes, never of a resource path. */
const TOKEN_LIKE = /[A-Za-z0-9]{20,}/g;

/**
 * Origin and path of a logged URL, safe to write anywhere: the query and fragment are dropped (they can hold
 * member ids or phone numbers) and token-like runs in the path are masked, in case a caller put a token there.
 * The host is left alone: it is the mall's API host, which the reader needs.
 */
export function scrubUrl(url: string): string {
  const bare = url.split(/[?#]/, 1)[0] ?? "";
  const schemeEnd = bare.indexOf("://");
  const pathStart = schemeEnd < 0 ? 0 : bare.indexOf("/", schemeEnd + 3);
  if (pathStart < 0) return bare;
  return bare.slice(0, pathStart) + bare.slice(pathStart).replace(TOKEN_LIKE, (run) => maskSecret(run));
}
