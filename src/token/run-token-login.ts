import { buildAuthorizeUrl } from "../oauth/build-authorize-url.js";
import type { Now } from "../util/runtime.js";
import { type CallbackListener, listenForCallback } from "./callback-listener.js";
import { completeAuthorization, reportAuthorized } from "./complete-authorization.js";
import { localRedirectOf } from "./local-redirect.js";
import { openBrowser } from "./open-browser.js";
import { readLine } from "./read-line.js";
import { selfSignedCert } from "./self-signed-cert.js";
import { TOKEN_COMMAND } from "./token-health.js";
import type { TokenIo } from "./token-io.js";
import { authorizeSettings, type TokenSetup } from "./token-setup.js";

/** The login window: Cafe24's consent page and a person together rarely need longer. */
export const LOGIN_TIMEOUT_MS = 5 * 60 * 1000;

export interface LoginOptions {
  /** Open the default browser (the URL is printed either way). */
  browser: boolean;
  /** @default LOGIN_TIMEOUT_MS */
  timeoutMs?: number;
  /** Where the redirected URL is pasted when no local listener can catch it. */
  stdin: NodeJS.ReadableStream;
  now?: Now;
}

/**
 * `token login`: authorize URL (fresh state) → browser → the redirect, caught by a one-shot local listener when
 * the registered redirect URI is on this machine, pasted otherwise → state check → exchange → store → verify.
 */
export async function runTokenLogin(setup: TokenSetup, io: TokenIo, options: LoginOptions): Promise<number> {
  const { t } = io;
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? LOGIN_TIMEOUT_MS;
  const { redirectUri, scopes } = authorizeSettings(setup.config);
  const { url, state } = buildAuthorizeUrl({
    mallId: setup.mallId,
    clientId: setup.oauth.clientId,
    redirectUri,
    scopes,
    allowInsecureLoopback: setup.config.allowInsecureLoopback,
    ...(setup.config.baseUrl ? { baseUrl: setup.config.baseUrl } : {}),
  });
  // Listening starts before the URL is shown, so even an instant approval finds someone at the door.
  const listener = await startListener(redirectUri, state, timeoutMs, io);
  io.out(t(options.browser ? "token.login.open" : "token.login.openNoBrowser"));
  io.out(url);
  if (options.browser && !(await openBrowser(url))) io.err(t("token.login.noBrowser"));

  let input: string | undefined;
  if (listener) {
    io.err(t("token.login.waiting", { redirectUri, timeout: timeoutMs }));
    try {
      input = await listener.redirected;
    } finally {
      await listener.close();
    }
  } else {
    io.err(t("token.login.paste", { redirectUri, timeout: timeoutMs }));
    const expired = AbortSignal.timeout(timeoutMs);
    input = await readLine(options.stdin, expired);
  }
  if (input === undefined || input.trim() === "") {
    io.err(t("token.login.timeout", { timeout: timeoutMs }));
    io.err(t("token.next", { command: TOKEN_COMMAND.login }));
    return 2;
  }
  io.err(t("token.exchange.exchanging"));
  const result = await completeAuthorization(setup, input, { redirectUri, expectedState: state, now });
  return reportAuthorized(setup, result, io, now());
}

/** The one-shot listener for a loopback redirect URI; undefined (paste instead) for any other, or if busy. */
async function startListener(
  redirectUri: string,
  state: string,
  timeoutMs: number,
  io: TokenIo,
): Promise<CallbackListener | undefined> {
  const local = localRedirectOf(redirectUri);
  if (!local) return undefined;
  const tls = local.protocol === "https:" ? await selfSignedCert(local.hostname) : undefined;
  try {
    const listener = await listenForCallback(local, {
      expectedState: state,
      onForeign: () => io.err(io.t("token.login.ignored", { redirectUri })),
      timeoutMs,
      ...(tls ? { tls } : {}),
    });
    if (tls) io.err(io.t("token.login.certWarning", { redirectUri }));
    return listener;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    io.err(io.t("token.login.listenFailed", { redirectUri, reason }));
    return undefined;
  }
}
