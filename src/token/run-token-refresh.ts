import { storeLocationOf } from "../store/store-location.js";
import type { Now } from "../util/runtime.js";
import { verificationExitCode } from "./complete-authorization.js";
import { TOKEN_COMMAND } from "./token-health.js";
import type { TokenIo } from "./token-io.js";
import { tokenSummaryLines, verificationLine } from "./token-lines.js";
import type { TokenSetup } from "./token-setup.js";
import { verifyAccessToken } from "./verify-access-token.js";

/**
 * `token refresh`: always through TokenManager.forceRefresh — lock, re-read, refresh, compare-and-set — so an
 * app refreshing at the same moment cannot be locked out by the rotation. A raw refresh here would be the old
 * toolkit's bug. CAFE24_REAUTH_REQUIRED propagates for the caller to explain (exit 2).
 */
export async function runTokenRefresh(setup: TokenSetup, io: TokenIo, now: Now = Date.now): Promise<number> {
  const { t } = io;
  io.err(
    t("token.refresh.start", { mallId: setup.mallId, file: storeLocationOf(setup.store, setup.mallId) }),
  );
  const token = await setup.manager.forceRefresh();
  const verification = await verifyAccessToken(setup, token, now);
  io.out(t("token.refresh.done", { mallId: setup.mallId }));
  for (const line of tokenSummaryLines(t, token, now())) io.out(`  ${line}`);
  io.out(`  ${verificationLine(t, verification)}`);
  io.out(t("token.refresh.rotated"));
  io.out(t("token.next", { command: TOKEN_COMMAND.status }));
  return verificationExitCode(verification);
}
