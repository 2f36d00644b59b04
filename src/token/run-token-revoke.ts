import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import { revokeToken } from "../oauth/revoke-token.js";
import { storeLocationOf } from "../store/store-location.js";
import { maskSecret } from "../util/mask-secret.js";
import { TOKEN_COMMAND } from "./token-health.js";
import type { TokenIo } from "./token-io.js";
import type { TokenSetup } from "./token-setup.js";

/**
 * `token revoke`: revokes the refresh token — Cafe24 kills its access token with it (§2.6) — under the mall's
 * lock, so no refresh can slip a new pair in between, then deletes the stored token.
 */
export async function runTokenRevoke(
  setup: TokenSetup,
  io: TokenIo,
  options: {
    /** Asks a person (a terminal) before anything is revoked; absent with --yes. */
    confirm?: (question: string) => Promise<boolean>;
  } = {},
): Promise<number> {
  const { t } = io;
  const file = storeLocationOf(setup.store, setup.mallId);
  if (options.confirm && (await setup.store.get(setup.mallId).catch(() => undefined))) {
    if (!(await options.confirm(t("token.revoke.confirm", { mallId: setup.mallId, file })))) {
      io.err(t("token.revoke.cancelled"));
      io.result?.({ revoked: false, cancelled: true, location: file });
      return 1;
    }
  }
  const revoked = await setup.store.withLock(setup.mallId, async () => {
    const stored = await setup.store.get(setup.mallId);
    if (!stored) return undefined;
    const refresh = stored.token.refreshToken;
    try {
      await revokeToken(setup.oauth, refresh, { tokenHint: "refresh_token" });
    } catch (error) {
      // A token Cafe24 already considers dead needs no revoking; anything else leaves the file for a retry.
      if (!(error instanceof DoctorError && error.code === ERROR_CODES.reauthRequired)) throw error;
    }
    await setup.store.delete(setup.mallId);
    return maskSecret(refresh);
  });
  if (revoked === undefined) {
    io.out(t("token.revoke.nothing", { mallId: setup.mallId, file }));
  } else {
    io.out(t("token.revoke.done", { mallId: setup.mallId, token: revoked }));
    io.out(t("token.revoke.deleted", { file }));
  }
  io.out(t("token.next", { command: TOKEN_COMMAND.login }));
  io.result?.({ revoked: revoked !== undefined, location: file });
  return 0;
}
