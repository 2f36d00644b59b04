import type { DoctorConfig } from "../config/doctor-config.js";
import { tokenStoreFromConfig } from "../config/token-store-from-config.js";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import type { OAuthClientConfig } from "../oauth/oauth-client-config.js";
import type { TokenStore } from "../store/token-store.js";
import { TokenManager } from "../tokens/token-manager.js";
import type { FetchLike, Logger } from "../util/runtime.js";

/** One mall's credentials, its token file and the lock-safe manager over it: what every token command needs. */
export interface TokenSetup {
  config: DoctorConfig;
  mallId: string;
  oauth: OAuthClientConfig;
  store: TokenStore;
  manager: TokenManager;
}

/**
 * Builds the setup from the loaded configuration; names every missing setting at once (exit 3). A command that
 * only reads the store (`token status`) passes `needsSecret: false`: it never calls the token endpoint.
 */
export function tokenSetup(
  config: DoctorConfig,
  options: { fetch?: FetchLike; logger?: Logger; store?: TokenStore; needsSecret?: boolean } = {},
): TokenSetup {
  const needsSecret = options.needsSecret !== false;
  const missing = [
    !config.mallId && "CAFE24_MALL_ID (or mallId in cafe24-doctor.config.json) is not set",
    !config.clientId && "CAFE24_CLIENT_ID (or clientId in cafe24-doctor.config.json) is not set",
    needsSecret &&
      !config.clientSecret &&
      "CAFE24_CLIENT_SECRET is not set (put it in .env, never in the config file)",
  ].filter((line): line is string => typeof line === "string");
  if (!config.mallId || !config.clientId || missing.length > 0) {
    // Run from the wrong folder, the missing .env is the whole story: say where it was looked for.
    if (config.dotenvFile === undefined && config.searched) {
      missing.push(`No .env found (looked in ${config.searched.join(", ")})`);
    }
    throw new DoctorError(ERROR_CODES.configInvalid, "The app's credentials are not configured.", {
      details: missing,
    });
  }
  const oauth: OAuthClientConfig = {
    mallId: config.mallId,
    clientId: config.clientId,
    clientSecret: config.clientSecret ?? "",
    allowInsecureLoopback: config.allowInsecureLoopback,
    ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const store = options.store ?? tokenStoreFromConfig(config);
  const manager = new TokenManager({
    store,
    oauth,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return { config, mallId: config.mallId, oauth, store, manager };
}

/** The authorize step also needs the registered redirect URI and the scopes to request. */
export function authorizeSettings(config: DoctorConfig): { redirectUri: string; scopes: string[] } {
  const missing = [
    !config.redirectUri &&
      "CAFE24_REDIRECT_URI (or redirectUri) is not set: use the Redirect URI registered in Developer Center",
    config.scopes.length === 0 && "CAFE24_SCOPES (or scopes) is empty: list the scopes the app requests",
  ].filter((line): line is string => typeof line === "string");
  if (!config.redirectUri || missing.length > 0) {
    throw new DoctorError(ERROR_CODES.configInvalid, "The authorization settings are not configured.", {
      details: missing,
    });
  }
  return { redirectUri: config.redirectUri, scopes: config.scopes };
}
