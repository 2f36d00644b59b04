/**
 * Masks a token or secret for display, showing at most four of its characters in total: nothing of a value
 * under 16 characters (`…`), two at each end of one under 40 (`ab…yz`: enough to tell two 22-character
 * Cafe24 tokens apart), four at each end of a longer one (`abcd…wxyz`).
 */
export function maskSecret(value: string | undefined | null): string {
  if (!value) return "(none)";
  if (value.length < 16) return "…";
  const shown = value.length < 40 ? 2 : 4;
  return `${value.slice(0, shown)}…${value.slice(-shown)}`;
}
