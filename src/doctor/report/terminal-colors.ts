import pc from "picocolors";
import type { CheckStatus, Urgency } from "../types.js";

export type Colors = ReturnType<typeof pc.createColors>;

/** picocolors' own detection (NO_COLOR, FORCE_COLOR, TTY) unless the caller knows better, e.g. tests. */
export function terminalColors(enabled: boolean = pc.isColorSupported): Colors {
  return pc.createColors(enabled);
}

export function paintStatus(c: Colors, status: CheckStatus, text: string): string {
  if (status === "ok") return c.green(text);
  if (status === "warn") return c.yellow(text);
  if (status === "skipped") return c.dim(text);
  return c.red(text);
}

export function paintUrgency(c: Colors, urgency: Urgency, text: string): string {
  if (urgency === "critical") return c.bold(c.red(text));
  if (urgency === "high") return c.red(text);
  if (urgency === "medium") return c.yellow(text);
  return c.dim(text);
}

/** One glyph per status for progress lines, readable without color. */
export const STATUS_SYMBOL: Record<CheckStatus, string> = {
  ok: "✓",
  warn: "!",
  skipped: "-",
  fail: "✗",
  expired: "✗",
  missing: "✗",
};
