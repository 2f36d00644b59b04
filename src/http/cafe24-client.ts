import { mallBaseUrl } from "../cafe24/mall-base-url.js";
import type { AccessTokenProvider } from "../tokens/access-token-provider.js";
import {
  type Logger,
  type Now,
  type RandomSource,
  realSleep,
  type Sleep,
  silentLogger,
} from "../util/runtime.js";
import { type Cafe24ClientOptions, resolveNumbers } from "./client-options.js";
import type { Cafe24Response } from "./interpret-response.js";
import { Pacer } from "./pacer.js";
import { MemoryPacerState } from "./pacer-state.js";
import { countItems, type PaginateOptions, paginate } from "./paginate.js";
import type { DoubtfulHeader } from "./rate-headers.js";
import { type Query, requestTarget } from "./request-target.js";
import { decideRetry, type RetryHistory, type RetryPolicy } from "./retry-policy.js";
import { type AttemptOutcome, sendAttempt } from "./send-attempt.js";

export interface RequestOptions {
  query?: Query;
  /** JSON body for POST/PUT, e.g. `{ request: { ... } }`. */
  body?: unknown;
  /** Cafe24's `shop_no` (multi-shop malls), placed where Cafe24 expects it. */
  shopNo?: number;
  /** Cancels the call, including any pacing or retry wait. */
  signal?: AbortSignal;
}

/**
 * A Cafe24 Admin API client for one mall. Every call runs token → pace → send → interpret → retry, so bulk
 * work stays under the mall's rate limit instead of discovering it through 429s.
 */
export class Cafe24Client {
  readonly mallId: string;
  private readonly root: string;
  private readonly tokens: AccessTokenProvider;
  private readonly fetchFn: NonNullable<Cafe24ClientOptions["fetch"]>;
  private readonly now: Now;
  private readonly sleep: Sleep;
  private readonly random: RandomSource;
  private readonly logger: Logger;
  private readonly apiVersion: string | undefined;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly retry: RetryPolicy;
  private readonly pacer: Pacer;
  /** Rate headers already warned about: a broken proxy repeats the same one on every answer. */
  private readonly doubtfulWarned = new Set<string>();

  constructor(options: Cafe24ClientOptions) {
    this.root = mallBaseUrl(options.mallId, options);
    this.mallId = options.mallId;
    this.tokens = options.tokens;
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.logger = options.logger ?? silentLogger;
    this.apiVersion = options.apiVersion;
    const { timeoutMs, maxResponseBytes, retry, pacing } = resolveNumbers(options);
    this.timeoutMs = timeoutMs;
    this.maxResponseBytes = maxResponseBytes;
    this.retry = retry;
    const state = options.pacing?.state ?? new MemoryPacerState(pacing, this.now());
    this.pacer = new Pacer(
      state,
      { mallId: this.mallId, maxPerSec: pacing.maxPerSec, maxWaitMs: pacing.maxWaitMs },
      { now: this.now, sleep: this.sleep, logger: this.logger },
    );
  }

  get<T = unknown>(path: string, options?: RequestOptions): Promise<Cafe24Response<T>> {
    return this.request<T>("GET", path, options);
  }

  post<T = unknown>(path: string, options?: RequestOptions): Promise<Cafe24Response<T>> {
    return this.request<T>("POST", path, options);
  }

  put<T = unknown>(path: string, options?: RequestOptions): Promise<Cafe24Response<T>> {
    return this.request<T>("PUT", path, options);
  }

  delete<T = unknown>(path: string, options?: RequestOptions): Promise<Cafe24Response<T>> {
    return this.request<T>("DELETE", path, options);
  }

  /** Every item of a list endpoint (e.g. `/products`), fetched page by page as the loop asks for more. */
  paginate<T = Record<string, unknown>>(path: string, options?: PaginateOptions): AsyncGenerator<T> {
    return paginate<T>((p, o) => this.get(p, o), path, options);
  }

  /** `GET {path}/count` with the same filters a list takes. */
  count(
    path: string,
    query?: Query,
    options: { shopNo?: number; signal?: AbortSignal } = {},
  ): Promise<number> {
    return countItems((p, o) => this.get(p, o), path, { ...options, ...(query ? { query } : {}) });
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<Cafe24Response<T>> {
    const verb = method.toUpperCase();
    const target = requestTarget(this.root, verb, path, options);
    const { signal } = options;
    const signalOption = signal ? { signal } : {};
    let accessToken = await this.tokens.getAccessToken(signalOption);
    const history: RetryHistory = { refreshed: false, retries: 0, rateLimitWaits: 0 };

    for (let attempt = 1; ; attempt++) {
      const permit = await this.pacer.acquire(signal);
      const started = this.now();
      let outcome: AttemptOutcome<T> | undefined;
      try {
        outcome = await sendAttempt<T>({
          fetch: this.fetchFn,
          method: verb,
          target,
          accessToken,
          apiVersion: this.apiVersion,
          timeoutMs: this.timeoutMs,
          maxResponseBytes: this.maxResponseBytes,
          now: this.now,
          signal,
        });
      } finally {
        await permit.settle(outcome?.observation ?? {});
      }
      this.warnOnce(outcome.doubtfulHeaders);
      const { result } = outcome;
      this.logger.debug(
        {
          mallId: this.mallId,
          method: verb,
          path: target.path,
          status: outcome.status,
          ms: this.now() - started,
          callLimit: result.ok ? result.response.callLimit : outcome.observation.callLimit,
          attempt,
          ...(result.ok ? {} : { code: result.failure.error.code }),
        },
        "cafe24 call",
      );
      if (result.ok) return result.response;

      const decision = decideRetry(verb, result.failure, history, this.retry, this.random);
      if (decision.action === "fail") throw result.failure.error;
      this.logger.info(
        {
          mallId: this.mallId,
          method: verb,
          path: target.path,
          code: result.failure.error.code,
          action: decision.action,
          ...(decision.action === "backoff" ? { delayMs: decision.delayMs } : {}),
        },
        "cafe24 retry",
      );
      if (decision.action === "refresh") {
        history.refreshed = true;
        accessToken = await this.tokens.handleUnauthorized(accessToken, signalOption);
      } else if (decision.action === "pace") {
        history.rateLimitWaits += 1;
      } else {
        history.retries += 1;
        await this.sleep(decision.delayMs, signal);
      }
    }
  }

  private warnOnce(doubtful: readonly DoubtfulHeader[]): void {
    for (const { name, value, action } of doubtful) {
      if (this.doubtfulWarned.has(name)) continue;
      this.doubtfulWarned.add(name);
      this.logger.warn(
        { mallId: this.mallId, header: name, value, action },
        action === "ignored"
          ? "cafe24 rate header ignored: its value is not believable"
          : "cafe24 rate header capped: it asks for a longer wait than this client believes",
      );
    }
  }
}
