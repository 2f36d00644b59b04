import { formatKstNaive } from "../../cafe24/kst.js";
import type { EmulatorOptions } from "../options.js";
import type { MallState } from "../state/mall.js";
import type { Grant } from "../state/tokens.js";

/** Cafe24's token JSON exactly (§2.4): KST times without offset, scopes array, shop_no string, no expires_in. */
export function tokenResponseBody(
  mall: MallState,
  grant: Grant,
  options: EmulatorOptions,
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    access_token: grant.accessToken,
    expires_at: formatKstNaive(grant.accessExpiresAt),
    refresh_token: grant.refreshToken,
    refresh_token_expires_at: formatKstNaive(grant.refreshExpiresAt),
    client_id: grant.clientId,
    mall_id: mall.mallId,
    user_id: grant.userId,
    scopes: [...grant.scopes],
    issued_at: formatKstNaive(grant.accessIssuedAt),
    shop_no: grant.shopNo,
    token_type: "Bearer",
  };
  if (options.oauth.legacyTokenShape) {
    delete body.refresh_token_expires_at;
    delete body.shop_no;
    delete body.token_type;
  }
  return body;
}

/** Lifetimes of a fresh or rotated grant, from the configured TTLs. */
export function grantTimes(now: number, options: EmulatorOptions) {
  return {
    accessIssuedAt: now,
    accessExpiresAt: now + options.ttl.accessSec * 1000,
    refreshExpiresAt: now + options.ttl.refreshSec * 1000,
  };
}
