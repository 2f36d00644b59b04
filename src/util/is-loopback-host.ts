import { isIP } from "node:net";

/**
 * True when a listen address only accepts connections from this machine. "0.0.0.0" and "::" are the
 * opposite (every interface), so they are not loopback.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1");
  if (h === "localhost") return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  if (isIP(h) === 6) return h === "::1" || /^::ffff:127\./.test(h);
  return false;
}
