import type { TokenSet } from "../cafe24/token-set.js";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import { exchangeCode } from "../oauth/exchange-code.js";
import { parseRedirect } from "../oauth/parse-redirect.js";
import { storeLocationOf } from "../store/store-location.js";
import { rescueCopy } from "../store/token-rescue.js";
import { tokenNotSaved } from "../tokens/unsaved-token.js";
import { critical } from "../util/critical-work.js";
import type { Now } from "../util/runtime.js";
import { saveNewToken } from "./save-new-token.js";
import { TOKEN_COMMAND } from "./token-health.js";
import type { TokenIo } from "./token-io.js";
import { tokenSummaryLines, verificationLine } from "./token-lines.js";
import type { TokenSetup } from "./token-setup.js";
import { type Verification, verifyAccessToken } from "./verify-access-token.js";

export interface AuthorizationResult {
  token: TokenSet;
  verification: Verification;
  replacedCorrupt: boolean;
}

/**
 * The end of every authorization: code (or redirected URL, state checked) → exchange → atomic store → one live
 * call. Throws the typed OAuth errors (CAFE24_STATE_MISMATCH, CAFE24_CODE_INVALID, …) untouched.
 */
export async function completeAuthorization(
  setup: TokenSetup,
  input: string,
  options: { redirectUri: string; expectedState?: string; now?: Now },
): Promise<AuthorizationResult> {
  const { code } = parseRedirect(
    input,
    options.expectedState === undefined ? {} : { expectedState: options.expectedState },
  );
  // The granted token exists only in Cafe24's answer until it is stored: critical work, rescued if refused.
  const { token, replacedCorrupt } = await critical(async () => {
    const granted = await exchangeCode(setup.oauth, code, { redirectUri: options.redirectUri });
    return { token: granted, replacedCorrupt: await saveOrRescue(setup, granted) };
  });
  const verification = await verifyAccessToken(setup, token, options.now);
  return { token, verification, replacedCorrupt };
}

async function saveOrRescue(setup: TokenSetup, token: TokenSet): Promise<boolean> {
  try {
    return await saveNewToken(setup.store, setup.mallId, token);
  } catch (error) {
    const cause =
      error instanceof DoctorError ? error : new DoctorError(ERROR_CODES.tokenStoreIo, String(error));
    const rescuedTo = await rescueCopy(setup.store, token);
    throw tokenNotSaved(setup.mallId, setup.store.location, { error: cause, rescuedTo }, "not kept");
  }
}

/** What happened (stored where, both expiries, live check) and the next step; returns the exit code. */
export function reportAuthorized(
  setup: TokenSetup,
  result: AuthorizationResult,
  io: TokenIo,
  now: number,
): number {
  const { t } = io;
  if (result.replacedCorrupt) io.err(t("token.store.replacedCorrupt"));
  io.out(t("token.authorized", { mallId: setup.mallId, file: storeLocationOf(setup.store, setup.mallId) }));
  for (const line of tokenSummaryLines(t, result.token, now)) io.out(`  ${line}`);
  io.out(`  ${verificationLine(t, result.verification)}`);
  io.out(t("token.next", { command: TOKEN_COMMAND.status }));
  return verificationExitCode(result.verification);
}

/** A token Cafe24 refuses right after issuing it is a failure; no verdict (network) is not. */
export function verificationExitCode(verification: Verification): 0 | 2 {
  return verification.outcome === "rejected" || verification.outcome === "expired" ? 2 : 0;
}
