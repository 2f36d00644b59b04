import type { DoctorConfig } from "../config/doctor-config.js";
import { tokenStoreFromConfig } from "../config/token-store-from-config.js";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import { TokenManager } from "../tokens/token-manager.js";
import type { FetchLike } from "../util/runtime.js";
import type { DoctorRun } from "./run-doctor.js";

/** Root causes one lock-safe refresh can cure; everything else needs a person or a config change. */
const REFRESHABLE = new Set(["ACCESS_TOKEN_NOT_REFRESHED", "TOKEN_REVOKED_OR_ROTATED_ELSEWHERE"]);

export function canFixByRefresh(run: DoctorRun): boolean {
  return run.rootCause !== undefined && REFRESHABLE.has(run.rootCause.code);
}

/**
 * `--fix`: refreshes through TokenManager, i.e. under the token file's lock with re-read and compare-and-set,
 * so an app running beside the doctor is not locked out by the rotation; a token the store refused is reported
 * (TOKEN_NOT_SAVED, with its rescue copy) rather than left in this short-lived process.
 */
export async function refreshForFix(config: DoctorConfig, fetchFn?: FetchLike): Promise<void> {
  if (!config.mallId || !config.clientId || !config.clientSecret) {
    throw new DoctorError(
      ERROR_CODES.invalidOptions,
      "Refreshing needs CAFE24_MALL_ID, CAFE24_CLIENT_ID and CAFE24_CLIENT_SECRET.",
    );
  }
  const manager = new TokenManager({
    store: tokenStoreFromConfig(config),
    oauth: {
      mallId: config.mallId,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      allowInsecureLoopback: config.allowInsecureLoopback,
      ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
      ...(fetchFn ? { fetch: fetchFn } : {}),
    },
  });
  await manager.forceRefresh();
  await manager.flush();
}
