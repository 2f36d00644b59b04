import { randomBytes } from "node:crypto";
import pc from "picocolors";
import { parseCafe24Time } from "../cafe24/kst.js";
import type { RunningEmulator } from "../emulator/server.js";
import type { Translate } from "../i18n/translate.js";
import { formatRelative } from "../i18n/translate.js";
import { maskSecret } from "../util/mask-secret.js";

export interface WalkthroughIo {
  t: Translate;
  out: (line: string) => void;
  now?: () => number;
}

interface TokenJson {
  access_token: string;
  refresh_token: string;
  expires_at: string;
  refresh_token_expires_at: string;
  scopes: string[];
}

/**
 * Cafe24's OAuth flow as the developer guide tells it, done with plain HTTP against the emulator: authorize URL
 * → consent → code → token → Admin API call → refresh → the old refresh token refused. Tokens are masked.
 */
export async function runOAuthWalkthrough(emulator: RunningEmulator, io: WalkthroughIo): Promise<void> {
  const { t, out } = io;
  const now = io.now ?? Date.now;
  const mall = emulator.malls[0];
  if (!mall?.clientSecret) throw new Error("the demo needs the emulator's generated demo app");
  const api = `${emulator.url}/api/v2`;
  const basic = `Basic ${Buffer.from(`${mall.clientId}:${mall.clientSecret}`).toString("base64")}`;
  let step = 0;
  const heading = (key: Parameters<Translate>[0]) =>
    out(`\n${pc.bold(pc.cyan(`${++step}.`))} ${pc.bold(t(key))}`);
  const detail = (line: string) => out(`   ${line}`);

  heading("demo.step.authorize");
  const state = randomBytes(16).toString("hex");
  const authorize = new URL(`${api}/oauth/authorize`);
  authorize.search = new URLSearchParams({
    response_type: "code",
    client_id: mall.clientId,
    state,
    redirect_uri: mall.redirectUri,
    scope: mall.scopes.join(","),
  }).toString();
  detail(pc.dim(authorize.toString().replace(mall.clientId, maskSecret(mall.clientId))));

  heading("demo.step.consent");
  const page = await fetch(authorize, { redirect: "manual" });
  const html = await page.text();
  const ticket = /name="ticket" value="([^"]+)"/.exec(html)?.[1];
  if (page.status !== 200 || !ticket) throw new Error(`consent page: HTTP ${page.status}`);
  const shown = [...html.matchAll(/<code>([^<]+)<\/code>/g)].map((m) => m[1] ?? "");
  detail(t("demo.consent.shown", { count: shown.length, scopes: shown.join(", ") }));
  const approved = await fetch(`${api}/oauth/authorize`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ticket, decision: "approve" }),
  });
  const location = new URL(approved.headers.get("location") ?? "about:blank");
  const code = location.searchParams.get("code");
  if (approved.status !== 302 || !code) throw new Error(`consent: HTTP ${approved.status}`);
  if (location.searchParams.get("state") !== state) throw new Error("state mismatch on the redirect");
  detail(t("demo.consent.redirect", { redirect: `${location.origin}${location.pathname}` }));

  heading("demo.step.token");
  const first = await tokenCall(api, basic, {
    grant_type: "authorization_code",
    code,
    redirect_uri: mall.redirectUri,
  });
  printTokens(first, detail, t, now);

  heading("demo.step.api");
  const products = await fetch(`${api}/admin/products?limit=3`, {
    headers: { authorization: `Bearer ${first.access_token}`, "content-type": "application/json" },
  });
  const list = (await products.json()) as { products?: { product_name: string }[] };
  const names = (list.products ?? []).map((p) => p.product_name);
  detail(
    t("demo.api.result", {
      status: products.status,
      limit: products.headers.get("x-api-call-limit") ?? "-",
      count: names.length,
      names: names.join(", "),
    }),
  );
  if (products.status !== 200) throw new Error(`GET /products: HTTP ${products.status}`);

  heading("demo.step.refresh");
  const second = await tokenCall(api, basic, {
    grant_type: "refresh_token",
    refresh_token: first.refresh_token,
  });
  printTokens(second, detail, t, now);
  detail(
    t("demo.refresh.rotated", {
      token: maskSecret(second.refresh_token),
      old: maskSecret(first.refresh_token),
    }),
  );

  heading("demo.step.reuse");
  const reuse = await fetch(`${api}/oauth/token`, {
    method: "POST",
    headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: first.refresh_token }),
  });
  const refused = (await reuse.json()) as { error?: string; error_description?: string };
  if (reuse.ok) throw new Error("the rotated refresh token was accepted");
  detail(
    pc.yellow(
      t("demo.reuse.refused", {
        status: reuse.status,
        error: refused.error ?? "?",
        description: refused.error_description ?? "",
      }),
    ),
  );
  detail(t("demo.reuse.lesson"));
}

async function tokenCall(api: string, basic: string, form: Record<string, string>): Promise<TokenJson> {
  const response = await fetch(`${api}/oauth/token`, {
    method: "POST",
    headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
  const body = (await response.json()) as TokenJson & { error?: string };
  if (!response.ok) throw new Error(`token endpoint: HTTP ${response.status} ${body.error ?? ""}`);
  return body;
}

function printTokens(
  tokens: TokenJson,
  detail: (line: string) => void,
  t: Translate,
  now: () => number,
): void {
  const relative = (value: string) => formatRelative((parseCafe24Time(value) ?? now()) - now(), t);
  detail(
    t("demo.token.access", {
      token: maskSecret(tokens.access_token),
      expires: tokens.expires_at,
      inText: relative(tokens.expires_at),
    }),
  );
  detail(
    t("demo.token.refresh", {
      token: maskSecret(tokens.refresh_token),
      expires: tokens.refresh_token_expires_at,
      inText: relative(tokens.refresh_token_expires_at),
    }),
  );
  detail(t("demo.token.scopes", { scopes: tokens.scopes.join(", ") }));
}
