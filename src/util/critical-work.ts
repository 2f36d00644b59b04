/**
 * Work that must not be cut off by the process exiting: from the moment a refresh (or code exchange) is sent
 * to Cafe24 until its answer is durably stored, the answer holds the only live refresh token. Process-wide, so
 * a CLI's or an app's shutdown handler can wait for it without knowing every TokenManager.
 */
const pending = new Set<Promise<unknown>>();

/** Runs `work`, counting it as critical until it settles. */
export function critical<T>(work: () => Promise<T>): Promise<T> {
  const running = work();
  const tracked = running.then(
    () => undefined,
    () => undefined,
  );
  pending.add(tracked);
  void tracked.then(() => pending.delete(tracked));
  return running;
}

/** How many critical pieces of work are running now. */
export function criticalWorkPending(): number {
  return pending.size;
}

/** Resolves once no critical work is running (work that starts meanwhile is waited for too). */
export async function criticalWorkSettled(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
