import type { DoctorConfig } from "../config/doctor-config.js";
import { tokenStoreFromConfig } from "../config/token-store-from-config.js";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import type { TokenStore } from "../store/token-store.js";
import { TokenManager } from "../tokens/token-manager.js";
import type { FetchLike } from "../util/runtime.js";
import type { RootCauseCode } from "./root-cause.js";
import type { DoctorRun } from "./run-doctor.js";

/** Root causes one lock-safe refresh can cure; everything else needs a person or a config change. */
const REFRESHABLE: ReadonlySet<RootCauseCode> = new Set<RootCauseCode>([
  "ACCESS_TOKEN_NOT_REFRESHED",
  "TOKEN_REVOKED_OR_ROTATED_ELSEWHERE",
]);

/** Only when the root cause itself recommends the refresh: a token rejected while still valid needs a login. */
export function canFixByRefresh(run: DoctorRun): boolean {
  return (
    run.rootCause !== undefined &&
    REFRESHABLE.has(run.rootCause.code) &&
    run.rootCause.command === "cafe24-doctor token refresh"
  );
}

export interface RefreshForFixOptions {
  /** The store the diagnosis read (pass the same one). @default the store the configuration names */
  store?: TokenStore;
  fetch?: FetchLike;
}

/**
 * `--fix`: refreshes through TokenManager, i.e. under the store's lock with re-read and compare-and-set, so an
 * app running beside the doctor is not locked out by the rotation; a token the store refused is reported
 * (TOKEN_NOT_SAVED, with its rescue copy) rather than left in this short-lived process.
 */
export async function refreshForFix(config: DoctorConfig, options: RefreshForFixOptions = {}): Promise<void> {
  if (!config.mallId || !config.clientId || !config.clientSecret) {
    throw new DoctorError(
      ERROR_CODES.invalidOptions,
      "Refreshing needs CAFE24_MALL_ID, CAFE24_CLIENT_ID and CAFE24_CLIENT_SECRET.",
    );
  }
  const store = options.store ?? tokenStoreFromConfig(config);
  const manager = new TokenManager({
    store,
    oauth: {
      mallId: config.mallId,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      allowInsecureLoopback: config.allowInsecureLoopback,
      ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    },
  });
  try {
    await manager.forceRefresh();
    await manager.flush();
  } finally {
    // A store built here is closed here; a store passed in stays the caller's.
    if (!options.store) await store.close?.().catch(() => {});
  }
}
