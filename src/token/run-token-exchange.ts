import { buildAuthorizeUrl } from "../oauth/build-authorize-url.js";
import type { Now } from "../util/runtime.js";
import { completeAuthorization, reportAuthorized } from "./complete-authorization.js";
import { clearPending, loadPending, pendingPathOf, savePending } from "./pending-authorization.js";
import { TOKEN_COMMAND } from "./token-health.js";
import type { TokenIo } from "./token-io.js";
import { authorizeSettings, type TokenSetup } from "./token-setup.js";

/**
 * `token exchange` in two steps for machines without a browser: without input it prints a fresh authorize URL
 * and remembers its state; with a code or the redirected URL it checks that state, exchanges and stores.
 */
export async function runTokenExchange(
  setup: TokenSetup,
  input: string | undefined,
  io: TokenIo,
  now: Now = Date.now,
): Promise<number> {
  const { t } = io;
  const { redirectUri, scopes } = authorizeSettings(setup.config);
  const pendingPath = pendingPathOf(setup.config.tokenFile.replaceAll("{mall_id}", setup.mallId));
  if (input === undefined || input.trim() === "") {
    const { url, state } = buildAuthorizeUrl({
      mallId: setup.mallId,
      clientId: setup.oauth.clientId,
      redirectUri,
      scopes,
      allowInsecureLoopback: setup.config.allowInsecureLoopback,
      ...(setup.config.baseUrl ? { baseUrl: setup.config.baseUrl } : {}),
    });
    await savePending(pendingPath, { state, redirectUri }, now());
    io.out(t("token.exchange.open"));
    io.out(url);
    io.out(t("token.exchange.codeLife"));
    io.out(t("token.next", { command: `${TOKEN_COMMAND.exchange} '<redirected URL>'` }));
    io.result?.({ authorizeUrl: url, next: `${TOKEN_COMMAND.exchange} '<redirected URL>'` });
    return 0;
  }

  const pending = await loadPending(pendingPath, now());
  // A bare code carries no state to check; a pasted URL is checked whenever this machine started the attempt.
  const bareCode = /^[A-Za-z0-9._~-]+$/.test(input.trim());
  if (!pending && !bareCode) io.err(t("token.exchange.stateUnchecked"));
  io.err(t("token.exchange.exchanging"));
  const result = await completeAuthorization(setup, input, {
    redirectUri,
    now,
    ...(pending && !bareCode ? { expectedState: pending.state } : {}),
  });
  await clearPending(pendingPath);
  return reportAuthorized(setup, result, io, now());
}
