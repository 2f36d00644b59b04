import type { Translate } from "../i18n/translate.js";
import type { Divergence } from "./diff-recordings.js";
import type { ProbeResult, Recording } from "./recording.js";

/** One progress line per probe: `[ 3/37] products.limit-1 → 200`. */
export function probeLine(result: ProbeResult, index: number, total: number): string {
  const width = String(total).length;
  const status = result.status === null ? "—" : String(result.status);
  return `[${String(index + 1).padStart(width)}/${total}] ${result.id} → ${status}`;
}

/** Which target a recording came from, for the diff's heading. */
export function recordingLabel(recording: Recording, t: Translate): string {
  return t("conformance.recordingLabel", {
    kind: recording.target.kind,
    host: recording.target.host,
    at: recording.recordedAt,
    probes: recording.probes.length,
  });
}

/** The human diff: both recordings, then every divergence grouped by probe, then the count. */
export function renderDiff(
  a: Recording,
  b: Recording,
  divergences: readonly Divergence[],
  t: Translate,
): string[] {
  const lines = [`A: ${recordingLabel(a, t)}`, `B: ${recordingLabel(b, t)}`, ""];
  if (divergences.length === 0) return [...lines, t("conformance.diff.same")];
  let probe: string | undefined;
  for (const d of divergences) {
    if (d.probe !== probe) {
      probe = d.probe;
      lines.push(d.probe);
    }
    const where = d.at === "" ? "" : ` ${d.at}`;
    lines.push(`  ${t(`conformance.kind.${d.kind}`)}${where}: A ${d.a} · B ${d.b}`);
  }
  const probes = new Set(divergences.map((d) => d.probe)).size;
  return [...lines, "", t("conformance.diff.count", { count: divergences.length, probes })];
}
