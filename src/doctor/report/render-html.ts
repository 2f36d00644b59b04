import { createTranslator, type Translate } from "../../i18n/translate.js";
import { esc } from "../../util/html-escape.js";
import { evidenceValueText, secondsText } from "./format-values.js";
import { HTML_STYLE } from "./html-style.js";
import type { DoctorReport, ReportCheck } from "./report-model.js";

/**
 * The whole report as one self-contained HTML page (inline CSS, no scripts, no external URL) in the report's
 * language: verdict, root cause, ranked problems, a timeline of the checks, each check, the HTTP log.
 */
export function renderHtml(report: DoctorReport): string {
  const t = createTranslator(report.lang);
  return [
    "<!doctype html>",
    `<html lang="${esc(report.lang)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(t("report.html.title"))} · ${esc(report.generatedAt)}</title>`,
    `<style>${HTML_STYLE}</style></head>`,
    "<body><main>",
    verdictBanner(report, t),
    rootCauseSection(report, t),
    problemsSection(report, t),
    timelineSection(report, t),
    checksSection(report, t),
    httpSection(report, t),
    `<footer class="muted">${esc(t("report.html.footer", { version: report.tool.version }))}</footer>`,
    "</main></body></html>",
    "",
  ].join("\n");
}

function verdictBanner(report: DoctorReport, t: Translate): string {
  const { verdict, apiCalls } = report;
  const meta = t("report.html.meta", {
    mallId: report.mallId ?? t("report.html.noMall"),
    generatedAt: report.generatedAt.slice(0, 19).replace("T", " "),
    duration: secondsText(report.durationMs, t),
    spent: apiCalls.spent,
    budget: apiCalls.budget,
  });
  const deadline = report.deadline.hit
    ? `<p>${esc(t("report.deadline.hit", { deadline: secondsText(report.deadline.ms, t) }))}</p>`
    : "";
  return `<header class="verdict verdict-${esc(verdict.status)}">
<h1>${esc(t("report.html.title"))}</h1>
<p><strong>${esc(t(`report.verdict.${verdict.status}`))}</strong> <span class="muted">${esc(t("report.exitCode", { code: verdict.exitCode }))}</span></p>
<p class="muted">${esc(meta)}</p>${deadline}
</header>`;
}

const command = (cmd: string | null) => (cmd ? `<pre><code>${esc(cmd)}</code></pre>` : "");

function rootCauseSection(report: DoctorReport, t: Translate): string {
  const cause = report.rootCause;
  if (!cause) return "";
  const suspects = cause.suspects.length
    ? `<p>${esc(t("report.rootCause.suspects"))}:</p><ul>${cause.suspects.map((s) => `<li>${esc(s.text)}</li>`).join("")}</ul>`
    : "";
  return `<h2>${esc(t("report.rootCause.title"))}</h2>
<section class="panel"><h3>${esc(cause.title.text)}</h3><p>${esc(cause.explanation.text)}</p>${suspects}${command(cause.command)}</section>`;
}

function problemsSection(report: DoctorReport, t: Translate): string {
  const items = report.problems.map(
    (
      p,
    ) => `<li><span class="badge u-${esc(p.urgency)}">${esc(p.urgencyLabel)}</span><strong>${esc(p.cause.text)}</strong>
<span class="muted">${esc(p.check)} · ${esc(p.code)}</span>
<p>${esc(p.remedy.text)}</p>${command(p.command)}${evidenceList(p.evidence)}</li>`,
  );
  const body = items.length
    ? `<ol class="problems">${items.join("\n")}</ol>`
    : `<p>${esc(t("report.problems.none"))}</p>`;
  return `<h2>${esc(t("report.html.problems"))}</h2>\n${body}`;
}

/** Bars placed by start offset and sized by duration on one scale, so checks that overlapped look it. */
function timelineSection(report: DoctorReport, t: Translate): string {
  const span = Math.max(1, report.durationMs, ...report.checks.map((c) => c.startedAtMs + c.durationMs));
  const pct = (ms: number) => Math.min(100, (ms / span) * 100);
  const rows = report.checks.map((c) => {
    const left = pct(c.startedAtMs);
    const width = Math.min(100 - left, pct(c.durationMs));
    return `<div class="tl-row"><span class="tl-label"><span class="s-${esc(c.status)}">${esc(c.tag)}</span> ${esc(c.title)}</span>
<span class="tl-track"><span class="tl-bar s-${esc(c.status)}" style="left:${left.toFixed(2)}%;width:${width.toFixed(2)}%" title="${esc(`${c.startedAtMs}–${c.startedAtMs + c.durationMs} ms`)}"></span></span>
<span class="tl-ms">${esc(c.durationMs)} ms</span></div>`;
  });
  return `<h2>${esc(t("report.html.timeline"))}</h2>
<p class="muted">${esc(t("report.html.timelineHint"))} (0–${esc(span)} ms)</p>
<div class="timeline">${rows.join("\n")}</div>`;
}

function checksSection(report: DoctorReport, t: Translate): string {
  return `<h2>${esc(t("report.html.checks"))}</h2>\n${report.checks.map((c) => checkDetails(c, t)).join("\n")}`;
}

/** Checks with findings start open: those are the ones a reader came for. */
function checkDetails(check: ReportCheck, t: Translate): string {
  const findings = check.findings.length
    ? `<h3>${esc(t("report.html.findings"))}</h3><ul>${check.findings
        .map(
          (
            f,
          ) => `<li><span class="badge u-${esc(f.urgency)}">${esc(t(`report.urgency.${f.urgency}`))}</span>${esc(f.cause.text)}
<p>${esc(f.remedy.text)}</p>${command(f.command)}${evidenceList(f.evidence)}</li>`,
        )
        .join("\n")}</ul>`
    : "";
  const evidence = Object.keys(check.evidence).length
    ? `<h3>${esc(t("report.html.evidence"))}</h3>${evidenceList(check.evidence)}`
    : "";
  return `<details${check.findings.length ? " open" : ""}><summary><span class="s-${esc(check.status)}">${esc(check.tag)}</span> ${esc(check.order)}. <strong>${esc(check.title)}</strong>: ${esc(check.summary.text)} <span class="muted">${esc(check.durationMs)} ms</span></summary>
${evidence}${findings}</details>`;
}

function evidenceList(evidence: ReportCheck["evidence"]): string {
  const entries = Object.entries(evidence);
  if (!entries.length) return "";
  return `<dl class="evidence">${entries.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(evidenceValueText(v))}</dd>`).join("")}</dl>`;
}

/** URLs are shown as text, never as links: the report must not invite a click into the Admin API. */
function httpSection(report: DoctorReport, t: Translate): string {
  if (!report.http.length)
    return `<h2>${esc(t("report.html.http"))}</h2>\n<p>${esc(t("report.html.httpNone"))}</p>`;
  const cols = ["time", "method", "url", "status", "ms", "limit", "error"] as const;
  const head = cols.map((c) => `<th>${esc(t(`report.html.col.${c}`))}</th>`).join("");
  const rows = report.http.map(
    (h) =>
      `<tr><td>${esc(h.at.slice(11, 19))}</td><td>${esc(h.method)}</td><td class="url">${esc(h.url)}</td><td>${esc(h.status ?? "-")}</td><td>${esc(h.ms)}</td><td>${esc(h.callLimit ?? "-")}</td><td>${esc(h.error ?? "")}</td></tr>`,
  );
  return `<h2>${esc(t("report.html.http"))}</h2>
<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>
${rows.join("\n")}
</tbody></table></div>`;
}
