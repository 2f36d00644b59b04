import { randomBytes } from "node:crypto";
import { mallBaseUrl } from "../cafe24/mall-base-url.js";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";

export interface AuthorizeUrlOptions {
  mallId: string;
  clientId: string;
  /** Must equal the Redirect URI registered in Developer Center, character for character. */
  redirectUri: string;
  scopes: readonly string[];
  /** Anti-forgery value echoed on the redirect. @default 128 random bits, base64url */
  state?: string;
  /** Base-URL template with `{mall_id}`. @default "https://{mall_id}.cafe24api.com" */
  baseUrl?: string;
  /** @default false */
  allowInsecureLoopback?: boolean;
}

const SCOPE = /^[A-Za-z0-9._]+$/;

/**
 * The URL a merchant opens to approve the app (§2.1), and the `state` to check on the way back. A fresh random
 * state per attempt, since the old toolkit's fixed state offered no forgery protection.
 */
export function buildAuthorizeUrl(options: AuthorizeUrlOptions): { url: string; state: string } {
  const scopes = [...new Set(options.scopes)];
  if (scopes.length === 0) throw invalid("Request at least one scope, e.g. mall.read_product.");
  const bad = scopes.find((s) => !SCOPE.test(s));
  if (bad !== undefined) throw invalid(`"${bad.slice(0, 60)}" is not a scope name like mall.read_product.`);
  if (!URL.canParse(options.redirectUri)) throw invalid("redirectUri must be an absolute URL.");
  if (!options.clientId) throw invalid("clientId is required.");
  const state = options.state ?? randomBytes(16).toString("base64url");
  if (state === "") throw invalid("state must not be empty.");
  const base = mallBaseUrl(options.mallId, options);
  const params: [string, string][] = [
    ["response_type", "code"],
    ["client_id", options.clientId],
    ["state", state],
    ["redirect_uri", options.redirectUri],
  ];
  const query = params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  // Commas left literal, as in Cafe24's own examples and the clients in the wild (§2.1).
  query.push(`scope=${scopes.map(encodeURIComponent).join(",")}`);
  return { url: `${base}/api/v2/oauth/authorize?${query.join("&")}`, state };
}

function invalid(message: string): DoctorError {
  return new DoctorError(ERROR_CODES.invalidOptions, message);
}
