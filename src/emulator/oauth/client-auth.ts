import { timingSafeEqual } from "node:crypto";
import { OAuthError } from "../http/cafe24-error.js";
import type { EmulatorOptions } from "../options.js";
import type { AppState } from "../state/mall.js";

/**
 * Authenticates the app at the token and revoke endpoints: HTTP Basic per the reference (§2.3), or the
 * quick-start guide's form fields when allowed. Returns nothing on success; throws the OAuth error otherwise.
 */
export function authenticateClient(
  authorization: string | undefined,
  form: URLSearchParams,
  app: AppState,
  options: EmulatorOptions["oauth"],
): void {
  const credentials =
    fromBasic(authorization) ?? (options.acceptBodyCredentials ? fromBody(form) : undefined);
  if (!credentials)
    throw new OAuthError(401, "invalid_client", "Client authentication is required (HTTP Basic).");
  if (credentials.id !== app.clientId) throw new OAuthError(401, "invalid_client", "Invalid client_id");
  // Both shapes were reported with 401; "Invalid client_secret" is what tells them from a refused grant (§10).
  if (!safeEqual(credentials.secret, app.clientSecret)) {
    throw new OAuthError(401, options.wrongSecretError, "Invalid client_secret");
  }
}

function fromBasic(header: string | undefined): { id: string; secret: string } | undefined {
  const encoded = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "")?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

function fromBody(form: URLSearchParams): { id: string; secret: string } | undefined {
  const id = form.get("client_id");
  const secret = form.get("client_secret");
  return id && secret ? { id, secret } : undefined;
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
