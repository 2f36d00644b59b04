import type { MessageKey } from "../../i18n/en.js";
import { createTranslator, type Lang, type Translate } from "../../i18n/translate.js";
import { esc } from "../../util/html-escape.js";
import type { MallWatchState, WatchEvent } from "../watch-status.js";
import { clusterSection } from "./cluster-section.js";
import { mallCard } from "./mall-card.js";
import { kstText } from "./page-text.js";
import { STATUS_PAGE_SCRIPT } from "./status-page-script.js";
import { STATUS_PAGE_STYLE } from "./status-page-style.js";
import { needsPerson, type StatusView } from "./status-view.js";

const STATES: readonly MallWatchState[] = [
  "ok",
  "refreshing",
  "backoff",
  "reauth-required",
  "no-token",
  "app-deleted",
  "app-expired",
];
const EVENT_KINDS: readonly WatchEvent["kind"][] = [
  "refreshed",
  "refresh-failed",
  "reauth-required",
  "keep-alive",
  "diagnosis",
  "started",
  "alert-sent",
  "app-removed",
];
const VERDICTS = ["healthy", "warnings", "problems"] as const;

const table = <K extends string>(keys: readonly K[], key: (k: K) => MessageKey, t: Translate) =>
  Object.fromEntries(keys.map((k) => [k, t(key(k))])) as Record<K, string>;

/** The templates the live script fills, unfilled (`{n}`, `{duration}` stay for it), in the page's language. */
function pageLabels(view: StatusView, t: Translate) {
  return {
    summary: t("status.summary", { instanceId: view.instanceId, startedAt: kstText(view.startedAt, t) }),
    days: t("time.days"),
    in: t("time.in"),
    ago: t("time.ago"),
    expired: t("status.expired"),
    unknown: t("status.unknown"),
    kst: t("status.kst"),
    updated: t("status.updated"),
    failures: t("status.failures"),
    states: table(STATES, (s) => `status.state.${s}`, t),
    events: table(EVENT_KINDS, (k) => `status.event.${k}`, t),
    eventsNone: t("status.events.none"),
    verdicts: table(VERDICTS, (v) => `report.verdict.${v}`, t),
    diagnosisNone: t("status.diagnosis.none"),
    banners: {
      reauth: t("status.banner.reauth-required"),
      noToken: t("status.banner.no-token"),
      appDeleted: t("status.banner.app-deleted"),
      appExpired: t("status.banner.app-expired"),
      noCommand: t("status.banner.noCommand"),
    },
    replica: {
      working: t("status.replica.working"),
      last: t("status.replica.last"),
      none: t("status.replica.none"),
    },
    clusterSummary: t("status.cluster.summary"),
  };
}

/**
 * The status page: self-contained (inline style and script, nothing fetched but ./status), complete without
 * JavaScript (every value is server-rendered), and live with it. `nonce` ties the inline style and script to
 * the response's Content-Security-Policy, so nothing else on the page could run even if escaping failed.
 */
export function renderStatusPage(view: StatusView, lang: Lang, nonce: string): string {
  const t = createTranslator(lang);
  const at = kstText(view.now, t);
  const labels = pageLabels(view, t);
  const summary = t("status.summary", {
    malls: view.malls.length,
    needPerson: view.malls.filter(needsPerson).length,
    instanceId: view.instanceId,
    startedAt: kstText(view.startedAt, t),
  });
  const cards = view.malls.length
    ? `<div class="malls">${view.malls.map((m) => mallCard(m, view.now, t)).join("\n")}</div>`
    : `<p>${esc(t("status.noMalls"))}</p>`;
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t("status.title"))}</title>
<style nonce="${esc(nonce)}">${STATUS_PAGE_STYLE}</style></head>
<body data-server-now="${esc(view.now)}" data-labels="${esc(JSON.stringify(labels))}">
<main>
<header><h1>${esc(t("status.title"))}</h1>
<p class="muted summary">${esc(summary)}</p>
<p class="muted updated">${esc(t("status.updated", { at }))}</p>
<noscript><p class="muted">${esc(t("status.noScript", { at }))}</p></noscript>
<p class="stale" role="status" hidden>${esc(t("status.stale"))}</p></header>
${clusterSection(view, t)}
${cards}
</main>
<script nonce="${esc(nonce)}">${STATUS_PAGE_SCRIPT}</script>
</body></html>
`;
}
