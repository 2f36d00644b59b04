import { formatKstIso } from "../cafe24/kst.js";
import type { Translate } from "../i18n/translate.js";
import { alignLabelColumn } from "../util/display-width.js";
import { expiryLine, verificationLine } from "./token-lines.js";
import type { TokenStatusReport } from "./token-status-report.js";

/** The human view of `token status`: where, both expiries, scopes, legacy traits, live check, verdict, next step. */
export function renderTokenStatus(report: TokenStatusReport, t: Translate): string[] {
  const { status, verdict, at } = report;
  const lines = [
    t("token.status.title", { mallId: status.mallId }),
    t("token.status.location", { location: status.location }),
    expiryLine(t, "access", status.accessToken.expiresAt, at),
    expiryLine(t, "refresh", status.refreshToken.expiresAt, at),
    t("token.line.scopes", { scopes: status.scopes.join(", ") || "—" }),
  ];
  if (status.receivedAt !== null)
    lines.push(t("token.status.received", { at: formatKstIso(status.receivedAt) }));
  if (report.legacy.length > 0) lines.push(t("token.status.legacy", { traits: report.legacy.join(", ") }));
  if (report.verification) lines.push(verificationLine(t, report.verification));
  lines.push(t(`token.health.${verdict.health}`));
  if (verdict.next) lines.push(t("token.next", { command: verdict.next }));
  // Lined up by display width: a Hangul label takes two columns per syllable.
  return alignLabelColumn(lines);
}
