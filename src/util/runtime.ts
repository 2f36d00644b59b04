import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";

/** Edges injected everywhere time, randomness or logging matter, so tests need no global fakes. */
export type Now = () => number;
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;
export type RandomSource = () => number;
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** pino-compatible subset: structured fields first, message second. Never pass secrets in either. */
export interface Logger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** setTimeout as a promise that rejects with CAFE24_ABORTED when the signal fires. */
export const realSleep: Sleep = (ms, signal) => timerSleep(ms, signal, false);

/** realSleep whose timer does not keep the process alive: for background retries a CLI must not wait out. */
export const unrefSleep: Sleep = (ms, signal) => timerSleep(ms, signal, true);

function timerSleep(ms: number, signal: AbortSignal | undefined, unref: boolean): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    if (unref) timer.unref();
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export function abortError(signal: AbortSignal | undefined): DoctorError {
  return new DoctorError(ERROR_CODES.aborted, "The operation was aborted.", { cause: signal?.reason });
}
