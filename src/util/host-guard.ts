import { isIP } from "node:net";
import { networkInterfaces } from "node:os";
import type { MiddlewareHandler } from "hono";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import { isLoopbackHost } from "./is-loopback-host.js";

/** Where a socket server listens: the address asked for and the one the kernel bound (with the real port). */
export interface BoundAddress {
  /** As given to listen(), e.g. "localhost", "0.0.0.0", "192.168.0.10". */
  requested: string;
  /** From server.address(): always numeric. */
  address: string;
  port: number;
}

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "::1"];
const WILDCARDS = new Set(["0.0.0.0", "::"]);

/**
 * The `Host` values a server answers to. A DNS-rebinding page reaches a loopback server under the attacker's
 * own name (`evil.example:8725` resolving to 127.0.0.1), so every other name is refused:
 * - the bound address and the address asked for, with the bound port;
 * - on loopback, also `localhost`, `127.0.0.1` and `[::1]` with the bound port;
 * - on a wildcard (0.0.0.0 or ::), every loopback form and every address of this machine's interfaces at start,
 *   with the bound port;
 * - each name in `allowedHosts`, with any port or none (a reverse proxy in front forwards its own).
 *
 * Checks `allowedHosts` at once (throws INVALID_OPTIONS naming a bad entry) and returns the check for a server
 * once it is bound.
 */
export function hostPolicy(
  allowedHosts: readonly string[] = [],
): (bound: BoundAddress) => (hostHeader: string | undefined) => boolean {
  const names = new Set(allowedHosts.map(allowedName));
  return (bound) => {
    const own = new Set<string>();
    const addOwn = (name: string) => {
      const host = authorityOf(`${bracketed(name)}:${bound.port}`)?.host;
      if (host) own.add(host);
    };
    addOwn(bound.requested);
    addOwn(bound.address);
    const wildcard = WILDCARDS.has(bound.address);
    if (wildcard || isLoopbackHost(bound.address)) LOOPBACK_NAMES.forEach(addOwn);
    if (wildcard) interfaceAddresses().forEach(addOwn);
    return (hostHeader) => {
      const authority = hostHeader === undefined ? undefined : authorityOf(hostHeader);
      if (!authority) return false;
      return own.has(authority.host) || names.has(authority.hostname);
    };
  };
}

/**
 * Refuses any request whose `Host` the server does not answer to with 421 Misdirected Request, naming the Host
 * and how to allow it (`allowHint`, e.g. "--allow-host <name>").
 */
export function hostGuard(
  accepts: (host: string | undefined) => boolean,
  allowHint: string,
): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header("host");
    if (accepts(host)) return next();
    const shown = host ?? "(none)";
    c.header("Cache-Control", "no-store");
    c.header("X-Content-Type-Options", "nosniff");
    return c.json(
      {
        error: "misdirected_request",
        host: shown,
        message: `This server does not answer to Host ${shown} (a page on another site may be trying to reach it through DNS rebinding). To reach it under that name, allow it: ${allowHint.replace("<name>", shown.replace(/:\d+$/, ""))}.`,
      },
      421,
    );
  };
}

/** `name` as one allowedHosts entry: a host name or an IP address, no port, no scheme. */
function allowedName(name: string): string {
  const authority =
    /^[a-z0-9_.-]+$/i.test(name) || isIP(unbracketed(name)) ? authorityOf(bracketed(name)) : undefined;
  if (!authority || authority.host !== authority.hostname)
    throw new DoctorError(
      ERROR_CODES.invalidOptions,
      `Allowed host "${name}" is not a host name or an IP address: give a bare name such as status.example.com (no scheme, port or path).`,
    );
  return authority.hostname;
}

/** Host header → normalised `host[:port]` (lower case, default port 80 dropped, IPv6 in brackets). */
function authorityOf(value: string): { host: string; hostname: string } | undefined {
  // Only a bare authority: no user info, path or query that URL parsing would quietly accept.
  if (!/^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(:\d{1,5})?$/i.test(value)) return undefined;
  try {
    const url = new URL(`http://${value}`);
    return { host: url.host, hostname: url.hostname };
  } catch {
    return undefined;
  }
}

const unbracketed = (name: string) => name.replace(/^\[(.*)\]$/, "$1");
const bracketed = (name: string) => (isIP(unbracketed(name)) === 6 ? `[${unbracketed(name)}]` : name);

function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
}
