import type { FetchLike } from "../util/runtime.js";

/** What every OAuth call needs: the app's credentials and where the mall's API lives. */
export interface OAuthClientConfig {
  /** The mall id: the `{mall_id}` in `https://{mall_id}.cafe24api.com`. */
  mallId: string;
  /** The app's client id from Developer Center. */
  clientId: string;
  /** The app's client secret. Sent only in the Basic header; never logged or put into an error. */
  clientSecret: string;
  /**
   * Base-URL template with `{mall_id}`, e.g. the emulator's `http://127.0.0.1:8724/malls/{mall_id}`.
   * @default "https://{mall_id}.cafe24api.com"
   */
  baseUrl?: string;
  /** Allow plain http to a loopback host (the local emulator). @default false */
  allowInsecureLoopback?: boolean;
  /** @default globalThis.fetch */
  fetch?: FetchLike;
  /** Per-request timeout in ms, covering the answer's body too. @default 30000 */
  timeoutMs?: number;
  /**
   * Largest answer body read, in bytes; a bigger one is cancelled unread and fails with CAFE24_BAD_RESPONSE.
   * Token answers are under 1 KiB, so the default only stops a body without end from filling memory.
   * @default 65536 (64 KiB)
   */
  maxResponseBytes?: number;
}
