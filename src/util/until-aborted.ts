import { abortError } from "./runtime.js";

/**
 * Settles with the promise, or rejects with CAFE24_ABORTED as soon as the signal fires. The work itself goes
 * on: for waits that must not cancel what they wait for (a DNS lookup, a refresh other callers share).
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
