import { generate } from "selfsigned";

/**
 * A throwaway certificate for an https loopback redirect URI, valid one day for localhost, 127.0.0.1 and ::1.
 * The browser warns about it (nobody vouches for it); the listener only ever receives the redirect.
 */
export async function selfSignedCert(hostname: string): Promise<{ key: string; cert: string }> {
  const now = Date.now();
  const pems = await generate([{ name: "commonName", value: hostname }], {
    keyType: "ec",
    curve: "P-256",
    algorithm: "sha256",
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + 24 * 60 * 60 * 1000),
    extensions: [
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
          { type: 7, ip: "::1" },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
