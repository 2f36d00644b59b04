import type { Translate } from "../../i18n/translate.js";
import type { ReportCheck } from "./report-model.js";

type EvidenceValue = ReportCheck["evidence"][string];

/** One evidence value as text: lists comma-separated, null as a dash. */
export function evidenceValueText(value: EvidenceValue): string {
  if (value === null) return "-";
  return Array.isArray(value) ? value.join(", ") : String(value);
}

/** Run and check durations in tenths of a second: "1.2 s" / "1.2초" (whole seconds would say "0 s" for most). */
export function secondsText(ms: number, t: Translate): string {
  return t("report.seconds", { n: (ms / 1000).toFixed(1) });
}
