import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, onTestFinished } from "vitest";

/** The app and grant every test here uses; the server repeats them back, so the outputs must not. */
export const APP = {
  mallId: "echomall",
  clientId: "EchoApp0001cafe",
  clientSecret: "Zq8~s3cr3t>Kv9?wX2pL7mN4",
};
export const ACCESS_TOKEN = "AcEcho7Tk9Qz3Lm5Np1Rs2";
export const REFRESH_TOKEN = "RfEcho4Xy8Wv6Ut2Sr0Qp9";
export const AUTH_CODE = "CdEcho5Hj7Kl9Mn1Bv3Cx8";

const BASIC = Buffer.from(`${APP.clientId}:${APP.clientSecret}`).toString("base64");
const BASIC_URL_SAFE = BASIC.replaceAll("+", "-").replaceAll("/", "_");

/** What must never be shown: each secret and each way the Basic header carries the client secret. */
export const SECRETS: Readonly<Record<string, string>> = {
  "access token": ACCESS_TOKEN,
  "refresh token": REFRESH_TOKEN,
  "authorization code": AUTH_CODE,
  "client secret": APP.clientSecret,
  "Basic credentials": BASIC,
  "Basic credentials, unpadded": BASIC.replace(/=+$/, ""),
  "Basic credentials, URL-safe": BASIC_URL_SAFE,
  "Basic credentials, URL-safe unpadded": BASIC_URL_SAFE.replace(/=+$/, ""),
};

/** A run of this many characters of a secret is a leak, even if the rest was cut off. */
const SLICE = 12;

/** Fails naming the output and the secret when any secret, or any 12-character slice of one, is in the text. */
export function expectNoLeak(what: string, text: string): void {
  for (const [name, secret] of Object.entries(SECRETS)) {
    for (let i = 0; i + SLICE <= secret.length; i++) {
      const slice = secret.slice(i, i + SLICE);
      expect(text.includes(slice), `${what} contains part of the ${name} ("${slice}"):\n${text}`).toBe(false);
    }
  }
}

export interface EchoUpstream {
  url: string;
  /** Base-URL template for clients and the CLI: `{url}/malls/{mall_id}`. */
  baseUrlTemplate: string;
  /** How many requests arrived, per path. */
  hits: Map<string, number>;
}

/**
 * The upstream this suite is about: a Cafe24 (or a proxy in front of it) whose error answers quote the
 * request. The token endpoint answers 401 `invalid_client` with the Basic header and the form in its
 * description; an Admin API path containing `broken` answers 500, any other 422, both in Cafe24's error
 * envelope with the Authorization header and the body in the message and in `more_info`.
 */
export async function echoUpstream(): Promise<EchoUpstream> {
  const hits = new Map<string, number>();
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      body += chunk;
    });
    request.on("end", () => {
      const path = new URL(request.url ?? "/", "http://echo").pathname;
      hits.set(path, (hits.get(path) ?? 0) + 1);
      const authorization = request.headers.authorization ?? "";
      response.setHeader("content-type", "application/json");
      if (path.endsWith("/oauth/token")) {
        response.statusCode = 401;
        response.end(
          JSON.stringify({
            error: "invalid_client",
            error_description: `${authorization} is not a valid client for ${body}`,
          }),
        );
        return;
      }
      const status = path.includes("broken") ? 500 : 422;
      response.statusCode = status;
      response.end(
        JSON.stringify({
          error: {
            code: status,
            message: `Request rejected. Authorization: ${authorization}; body: ${body}`,
            more_info: { request: { headers: { Authorization: authorization }, body } },
          },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return { url, baseUrlTemplate: `${url}/malls/{mall_id}`, hits };
}
