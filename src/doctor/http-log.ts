import { HEADER } from "../cafe24/headers.js";
import type { FetchLike, Now } from "../util/runtime.js";

/** One HTTP exchange as the log and the report keep it: no query string, no headers but the rate-limit ones. */
export interface HttpLogEntry {
  at: number;
  method: string;
  /** Origin + path, query dropped (it can hold member ids or phone numbers). */
  url: string;
  status: number | null;
  ms: number;
  callLimit?: string;
  error?: string;
}

export class HttpLog {
  readonly entries: HttpLogEntry[] = [];

  /** Wraps fetch so every exchange is recorded, whatever the caller does with the answer. */
  wrap(fetchFn: FetchLike, now: Now): FetchLike {
    return async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const url = new URL(request.url);
      const started = performance.now();
      const entry: HttpLogEntry = {
        at: now(),
        method: request.method,
        url: `${url.origin}${url.pathname}`,
        status: null,
        ms: 0,
      };
      this.entries.push(entry);
      try {
        const response = await fetchFn(input, init);
        entry.status = response.status;
        const limit = response.headers.get(HEADER.callLimit);
        if (limit) entry.callLimit = limit;
        return response;
      } catch (error) {
        entry.error = error instanceof Error ? error.name : "error";
        throw error;
      } finally {
        entry.ms = Math.round(performance.now() - started);
      }
    };
  }
}
