import { isIP } from "node:net";
import { connect } from "node:tls";

export type CertificateReading = { validTo: number } | { error: string };

/**
 * When the certificate an https service presents expires. It connects with verification off on purpose: the
 * HTTP probe already fails on an untrusted certificate, and this reading must work for an expired one too.
 */
export function readCertificateExpiry(
  url: URL,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<CertificateReading> {
  if (signal.aborted) return Promise.resolve({ error: "aborted" });
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return new Promise((resolve) => {
    const socket = connect({
      host,
      port: Number(url.port || 443),
      // SNI takes host names only (RFC 6066).
      ...(isIP(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
    });
    const finish = (reading: CertificateReading) => {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      socket.destroy();
      resolve(reading);
    };
    const onAbort = () => finish({ error: "aborted" });
    const timer = setTimeout(() => finish({ error: "timeout" }), timeoutMs);
    signal.addEventListener("abort", onAbort, { once: true });
    socket.once("secureConnect", () => {
      const validTo = Date.parse(socket.getPeerCertificate().valid_to ?? "");
      finish(Number.isFinite(validTo) ? { validTo } : { error: "no certificate" });
    });
    socket.once("error", (error: NodeJS.ErrnoException) => finish({ error: error.code ?? error.name }));
  });
}
