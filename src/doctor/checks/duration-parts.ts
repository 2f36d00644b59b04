/*
 * Message parameters are plain numbers and strings, rendered in ko or en at the edge, so a duration travels
 * as its unit counts and each language's message puts its own unit words around them.
 */

/** An access token's life (hours at most, normally): whole hours and the minutes past them, of |ms|. */
export function accessDuration(ms: number): { accessHours: number; accessMinutes: number } {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  return { accessHours: Math.floor(minutes / 60), accessMinutes: minutes % 60 };
}

/** A refresh token's life (days): whole days and the hours past them, of |ms|. */
export function refreshDuration(ms: number): { refreshDays: number; refreshHours: number } {
  const hours = Math.floor(Math.abs(ms) / 3_600_000);
  return { refreshDays: Math.floor(hours / 24), refreshHours: hours % 24 };
}
