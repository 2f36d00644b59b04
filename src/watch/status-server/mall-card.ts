import type { MessageKey } from "../../i18n/en.js";
import type { Translate } from "../../i18n/translate.js";
import { esc } from "../../util/html-escape.js";
import type { MallDiagnosis, MallWatchState, MallWatchStatus, WatchEvent } from "../watch-status.js";
import { replicaText } from "./cluster-section.js";
import { countdownText, kstText, relativeText } from "./page-text.js";
import { needsPerson } from "./status-view.js";

/** The page shows this many events per mall: enough to see a pattern, short enough for a phone. */
export const SHOWN_EVENTS = 8;

const hidden = (isHidden: boolean) => (isHidden ? " hidden" : "");

/**
 * One mall as a card. The data-* attributes are the hooks status-page-script.ts updates in place: instants
 * as epoch ms (`data-at`), the snapshot field each element shows (`data-field`), the state on the card.
 */
export function mallCard(mall: MallWatchStatus, now: number, t: Translate): string {
  const id = esc(mall.mallId);
  return `<section class="mall" data-mall="${id}" data-state="${esc(mall.state)}">
<header class="mall-head"><h2>${id}</h2><span class="state">${esc(t(`status.state.${mall.state}`))}</span></header>
${banner(mall, t)}
<dl class="times">
<dt>${esc(t("status.accessToken"))}</dt><dd>${expiry(mall.accessTokenExpiresAt, "accessTokenExpiresAt", now, t)}</dd>
<dt>${esc(t("status.refreshToken"))}</dt><dd>${expiry(mall.refreshTokenExpiresAt, "refreshTokenExpiresAt", now, t)}</dd>
<dt>${esc(t("status.lastRefresh"))}</dt><dd>${relative(mall.lastRefreshAt, "lastRefreshAt", now, t)}</dd>
<dt>${esc(t("status.nextRefresh"))}</dt><dd>${relative(mall.nextRefreshAt, "nextRefreshAt", now, t)}</dd>${
    mall.cluster
      ? `\n<dt>${esc(t("status.replica"))}</dt><dd class="replica">${esc(replicaText(mall.cluster, t))}</dd>`
      : ""
  }
</dl>
<p class="failures"${hidden(!mall.lastError || mall.consecutiveFailures === 0)}>${esc(failuresText(mall, t))}</p>
<h3>${esc(t("status.events"))}</h3>
<ul class="events">${eventItems(mall.events, t)}</ul>
<h3>${esc(t("status.diagnosis"))}</h3>
<div class="diagnosis">${diagnosis(mall.lastDiagnosis, t)}</div>
</section>`;
}

/** Always rendered (hidden when not needed) so the live script can raise it without re-rendering the card. */
function banner(mall: MallWatchStatus, t: Translate): string {
  const text = t(bannerKey(mall.state));
  return `<div class="banner" role="alert"${hidden(!needsPerson(mall))}>
<p class="banner-text">${esc(mall.reauthCommand ? text : `${text} ${t("status.banner.noCommand")}`)}</p>
<pre${hidden(!mall.reauthCommand)}><code class="reauth-command">${esc(mall.reauthCommand ?? "")}</code></pre>
</div>`;
}

/** Why a person is needed: the banner names the cause (a removed app is not an expired token). */
export function bannerKey(state: MallWatchState): MessageKey {
  if (state === "no-token" || state === "app-deleted" || state === "app-expired")
    return `status.banner.${state}`;
  return "status.banner.reauth-required";
}

function expiry(at: number | null, field: string, now: number, t: Translate): string {
  const kst = at === null ? "" : kstText(at, t);
  return `<span class="countdown${at !== null && at < now ? " expired" : ""}" data-countdown data-field="${field}"${dataAt(at)}>${esc(countdownText(at, now, t))}</span>
<span class="muted" data-kst="${field}">${esc(kst)}</span>`;
}

function relative(at: number | null, field: string, now: number, t: Translate): string {
  return `<span data-relative data-field="${field}"${dataAt(at)}>${esc(relativeText(at, now, t))}</span>`;
}

const dataAt = (at: number | null) => (at === null ? "" : ` data-at="${esc(at)}"`);

function failuresText(mall: MallWatchStatus, t: Translate): string {
  if (!mall.lastError) return "";
  const { code, message } = mall.lastError;
  return t("status.failures", { n: mall.consecutiveFailures, code, message });
}

function eventItems(events: readonly WatchEvent[], t: Translate): string {
  if (!events.length) return `<li class="muted">${esc(t("status.events.none"))}</li>`;
  return events
    .slice(0, SHOWN_EVENTS)
    .map(
      (e) =>
        `<li><span class="muted">${esc(kstText(e.at, t))}</span> <strong>${esc(t(`status.event.${e.kind}`))}</strong> <span>${esc(e.message)}</span></li>`,
    )
    .join("");
}

function diagnosis(d: MallDiagnosis | null, t: Translate): string {
  if (!d) return `<p class="muted">${esc(t("status.diagnosis.none"))}</p>`;
  const cause = d.rootCause
    ? `<p class="cause">${esc(d.rootCause.title)}</p>${d.rootCause.command ? `<pre><code>${esc(d.rootCause.command)}</code></pre>` : ""}`
    : "";
  return `<p><span class="verdict v-${esc(d.status)}">${esc(t(`report.verdict.${d.status}`))}</span> <span class="muted">${esc(kstText(d.at, t))}</span></p>${cause}`;
}
