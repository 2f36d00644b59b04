import { formatKstIso } from "../cafe24/kst.js";
import type { TokenSet } from "../cafe24/token-set.js";
import { formatRelative, type Translate } from "../i18n/translate.js";
import { alignLabelColumn } from "../util/display-width.js";
import { maskSecret } from "../util/mask-secret.js";
import type { Verification } from "./verify-access-token.js";

/** "Access token   2026-11-27T22:41:00+09:00 (in 1 h 32 min)" — KST, so a UTC server and a Seoul laptop agree. */
export function expiryLine(
  t: Translate,
  which: "access" | "refresh",
  expiresAt: number | null,
  now: number,
  masked?: string,
): string {
  const label = t(which === "access" ? "token.label.access" : "token.label.refresh");
  const tail = masked === undefined ? "" : `  ${masked}`;
  if (expiresAt === null) return `${t("token.line.expiryUnknown", { label })}${tail}`;
  const left = expiresAt - now;
  const key = left <= 0 ? "token.line.expired" : "token.line.expiry";
  return `${t(key, { label, at: formatKstIso(expiresAt), relative: formatRelative(left, t) })}${tail}`;
}

/** Both expiries with masked tokens (never the full values) and the granted scopes. */
export function tokenSummaryLines(t: Translate, token: TokenSet, now: number): string[] {
  return alignLabelColumn([
    expiryLine(t, "access", token.accessTokenExpiresAt, now, maskSecret(token.accessToken)),
    expiryLine(t, "refresh", token.refreshTokenExpiresAt, now, maskSecret(token.refreshToken)),
    t("token.line.scopes", { scopes: token.scopes.join(", ") || "—" }),
  ]);
}

export function verificationLine(t: Translate, v: Verification): string {
  return t(`token.verify.${v.outcome}`, { path: v.path, status: v.status ?? "—", ms: v.ms });
}
