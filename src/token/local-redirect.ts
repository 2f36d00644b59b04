/** Where a one-shot listener must answer: the registered redirect URI, when it points at this machine. */
export interface LocalRedirect {
  protocol: "http:" | "https:";
  /** Addresses to bind: `localhost` may resolve to either loopback family, so both are tried. */
  hosts: string[];
  /** The host name as the browser will ask for it (for the certificate). */
  hostname: string;
  port: number;
  path: string;
}

/** The listener target for a loopback redirect URI; undefined for any other host (then the user pastes). */
export function localRedirectOf(redirectUri: string): LocalRedirect | undefined {
  if (!URL.canParse(redirectUri)) return undefined;
  const url = new URL(redirectUri);
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  const hosts =
    url.hostname === "localhost"
      ? ["127.0.0.1", "::1"]
      : url.hostname === "127.0.0.1"
        ? ["127.0.0.1"]
        : url.hostname === "[::1]"
          ? ["::1"]
          : undefined;
  if (!hosts) return undefined;
  const port = url.port === "" ? (url.protocol === "https:" ? 443 : 80) : Number(url.port);
  return { protocol: url.protocol, hosts, hostname: url.hostname, port, path: url.pathname };
}
