/**
 * Masks a token or secret for display: the first and last four characters around an ellipsis (`abcd…wxyz`).
 * Short values reveal nothing, since four plus four characters would be most of them.
 */
export function maskSecret(value: string | undefined | null): string {
  if (!value) return "(none)";
  if (value.length < 16) return "…";
  return `${value.slice(0, 4)}…${value.slice(-4)}`;
}
