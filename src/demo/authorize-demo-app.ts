import type { RunningEmulator } from "../emulator/server.js";
import { buildAuthorizeUrl } from "../oauth/build-authorize-url.js";
import { exchangeCode } from "../oauth/exchange-code.js";
import { parseRedirect } from "../oauth/parse-redirect.js";
import { FileTokenStore } from "../store/file-token-store.js";

/**
 * The first-time authorization a merchant does in the browser, done against the emulator with auto-approve:
 * authorize URL → redirect with code (state checked) → code exchange → token file.
 */
export async function authorizeDemoApp(emulator: RunningEmulator, tokenFile: string): Promise<void> {
  const mall = emulator.malls[0];
  if (!mall?.clientSecret) throw new Error("the demo needs the emulator's generated demo app");
  const oauth = {
    mallId: mall.mallId,
    clientId: mall.clientId,
    clientSecret: mall.clientSecret,
    baseUrl: emulator.baseUrlTemplate,
    allowInsecureLoopback: true,
  };
  const { url, state } = buildAuthorizeUrl({ ...oauth, redirectUri: mall.redirectUri, scopes: mall.scopes });
  const consent = await fetch(url, { redirect: "manual" });
  const { code } = parseRedirect(consent.headers.get("location") ?? "", { expectedState: state });
  const token = await exchangeCode(oauth, code, { redirectUri: mall.redirectUri });
  const store = new FileTokenStore({ path: tokenFile });
  const written = await store.compareAndSet(mall.mallId, (await store.get(mall.mallId))?.revision, token);
  if (!written.ok) throw new Error(`could not write ${tokenFile}`);
}
