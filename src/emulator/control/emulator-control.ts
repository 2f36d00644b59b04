import { isKnownScope } from "../../cafe24/scopes.js";
import { DoctorError, ERROR_CODES } from "../../errors/doctor-error.js";
import { formatZodIssues } from "../../util/format-zod-issues.js";
import {
  APP_INSTALL_STATES,
  APP_STATE_EVENTS,
  type AppInstallState,
} from "../app-state/app-install-state.js";
import type { EmulatorContext } from "../context.js";
import { grantTimes, tokenResponseBody } from "../oauth/token-response.js";
import { type FaultRuleInput, faultRuleSchema } from "../options.js";
import type { MallState } from "../state/mall.js";
import { tokenId } from "../state/tokens.js";
import {
  emptyWebhookStats,
  type WebhookDelivery,
  type WebhookDeliveryStats,
} from "../webhooks/webhook-sender.js";

export interface MallStatistics {
  mallId: string;
  grants: { authorization_code: number; refresh_token: number };
  invalidGrant: number;
  oauthErrors: Record<string, number>;
  responses: Record<string, number>;
  requests: Record<string, number>;
  routes: Record<string, number>;
  revocations: number;
  bucket: { level: number; capacity: number; drainPerSec: number };
  /** Admin calls by serving API version, and how many asked for an expired one and silently fell back. */
  versions: { served: Record<string, number>; fallbacks: Record<string, number>; fellBack: number };
  /** The usage-quota meters now, in percent (0 when the usage limit is off). */
  usage: { callUsage: number; timeUsage: number };
  /** tokenId() of the refresh token of the most recent live grant; null when none is live. */
  currentRefreshTokenId: string | null;
  validRefreshTokenIds: string[];
  liveGrants: number;
  appState: AppInstallState;
  webhooks: WebhookDeliveryStats;
}

export interface AppStateChange {
  mallId: string;
  previous: AppInstallState;
  state: AppInstallState;
  /** Grants revoked by the change (deleting the app kills its tokens). */
  revoked: number;
  /** The webhook sent for the change; absent when no URL is set or the state did not change to deleted/expired. */
  webhook?: Promise<WebhookDelivery>;
}

/**
 * The emulator's control surface for tests and scripts — the same object in-process and behind /__emulator/.
 * Statistics expose token ids (hashes), never tokens.
 */
export class EmulatorControl {
  constructor(
    private readonly ctx: EmulatorContext,
    private readonly resetAll: () => void,
  ) {}

  now(): number {
    return this.ctx.clock.now();
  }

  advanceClock(ms: number): number {
    return this.ctx.clock.advance(ms);
  }

  setClock(epochMs: number): number {
    return this.ctx.clock.set(epochMs);
  }

  freezeClock(): number {
    return this.ctx.clock.freeze();
  }

  resumeClock(): number {
    return this.ctx.clock.resume();
  }

  /** Replaces the fault rules; an invalid rule is EMULATOR_CONFIG_INVALID naming each problem (`faults.N.key`). */
  setFaults(rules: FaultRuleInput[]): void {
    const parsed = faultRuleSchema.array().safeParse(rules);
    if (!parsed.success) {
      throw new DoctorError(ERROR_CODES.emulatorConfigInvalid, "Invalid fault rules.", {
        details: formatZodIssues(parsed.error).map((line) => `faults.${line}`),
      });
    }
    this.ctx.faults.setRules(parsed.data);
  }

  clearFaults(): void {
    this.ctx.faults.setRules([]);
  }

  setAutoApprove(on: boolean): void {
    this.ctx.options.autoApprove = on;
  }

  /**
   * Changes the scopes enabled on the app. Live tokens lose removed scopes unless told otherwise; they never
   * gain added ones, since Cafe24 requires the merchant to consent again for those (§7.7).
   */
  setAppScopes(mallId: string, scopes: string[], options: { applyToTokens?: boolean } = {}): void {
    const unknown = scopes.filter((s) => !isKnownScope(s));
    if (unknown.length > 0) throw new RangeError(`unknown scope(s): ${unknown.join(", ")}`);
    const mall = this.mall(mallId);
    mall.app.scopes = [...scopes];
    if (options.applyToTokens ?? true) mall.tokens.restrictScopes(scopes);
  }

  setAppVersion(mallId: string, version: string): void {
    if (!this.ctx.versions.has(version)) throw new RangeError(`unknown API version ${version}`);
    this.mall(mallId).app.version = version;
  }

  /**
   * The merchant deletes the app, its Store term runs out, or it is installed again ("active"). Deleting revokes
   * every token for good: re-installing needs a new consent. An expired app keeps its grants, refused while
   * expired. A change to deleted/expired sends the webhook (90077/90078) when a URL is set.
   */
  setAppState(mallId: string, state: AppInstallState): AppStateChange {
    if (!APP_INSTALL_STATES.includes(state)) throw new RangeError(`unknown app state ${String(state)}`);
    const mall = this.mall(mallId);
    const previous = mall.appState;
    mall.appState = state;
    const revoked = state === "deleted" ? mall.tokens.revokeAll() : 0;
    const change: AppStateChange = { mallId: mall.mallId, previous, state, revoked };
    if (state === previous || state === "active") return change;
    const webhook = this.ctx.webhooks.send(mall, APP_STATE_EVENTS[state]);
    return webhook ? { ...change, webhook } : change;
  }

  /** Points the app-deleted/expired webhooks at `url` (undefined = stop sending), signed with `secret`. */
  setWebhook(url: string | undefined, secret?: string): void {
    if (url !== undefined) {
      const protocol = URL.canParse(url) ? new URL(url).protocol : "";
      if (protocol !== "http:" && protocol !== "https:")
        throw new RangeError("the webhook URL must be an http(s) URL");
    }
    this.ctx.webhooks.configure({ url, secret });
  }

  /** Resolves when every webhook delivery under way has finished, retries included. */
  webhooksSettled(): Promise<void> {
    return this.ctx.webhooks.settled();
  }

  revokeAll(mallId: string): number {
    return this.mall(mallId).tokens.revokeAll();
  }

  /** Makes every live access (or refresh) token of the mall already expired, leaving the clock alone. */
  expireTokens(mallId: string, kind: "access" | "refresh"): void {
    this.mall(mallId).tokens.expireAll(kind, this.ctx.clock.now());
  }

  /** Issues a grant without the browser dance (test setup); returns Cafe24's token JSON. */
  issueTokens(mallId: string, options: { scopes?: string[] } = {}): Record<string, unknown> {
    const mall = this.mall(mallId);
    const now = this.ctx.clock.now();
    const grant = mall.tokens.createGrant({
      clientId: mall.app.clientId,
      userId: mall.userId,
      shopNo: "1",
      scopes: [...(options.scopes ?? mall.app.scopes)],
      ...grantTimes(now, this.ctx.options),
    });
    return tokenResponseBody(mall, grant, this.ctx.options);
  }

  setRateLimit(mallId: string, limit: { capacity?: number; drainPerSec?: number }): void {
    const mall = this.mall(mallId);
    mall.bucket.reconfigure(
      limit.capacity ?? mall.bucket.capacity,
      limit.drainPerSec ?? mall.bucket.drainPerSec,
      this.now(),
    );
  }

  /** Sets the bucket's content, e.g. full (capacity) to stage a rate-limit scenario. */
  fillBucket(mallId: string, level: number): void {
    this.mall(mallId).bucket.fill(level, this.now());
  }

  /** Sets usage-quota percentages (takes effect when the usage limit is enabled). */
  setUsage(mallId: string, callPercent: number, timePercent: number): void {
    this.mall(mallId).usage.set(callPercent, timePercent, this.now());
  }

  stats(mallId?: string): MallStatistics {
    const mall = this.mall(mallId ?? this.ctx.defaultMallId);
    const now = this.now();
    const live = mall.tokens.liveGrants().filter((g) => now < g.refreshExpiresAt);
    const latest = [...live].sort((a, b) => b.id - a.id)[0];
    const s = mall.stats;
    const meter = mall.usage.read(now);
    return {
      mallId: mall.mallId,
      grants: { ...s.grants },
      invalidGrant: s.invalidGrant,
      oauthErrors: { ...s.oauthErrors },
      responses: { ...s.responses },
      requests: { ...s.requests },
      routes: { ...s.routes },
      revocations: s.revocations,
      bucket: {
        level: Math.round(mall.bucket.levelAt(now) * 1000) / 1000,
        capacity: mall.bucket.capacity,
        drainPerSec: mall.bucket.drainPerSec,
      },
      versions: {
        served: { ...s.servedVersions },
        fallbacks: { ...s.versionFallbacks },
        fellBack: Object.values(s.versionFallbacks).reduce((sum, n) => sum + n, 0),
      },
      usage: this.ctx.options.usage.enabled
        ? { callUsage: meter.callUsage, timeUsage: meter.timeUsage }
        : { callUsage: 0, timeUsage: 0 },
      currentRefreshTokenId: latest ? tokenId(latest.refreshToken) : null,
      validRefreshTokenIds: live.map((g) => tokenId(g.refreshToken)),
      liveGrants: live.length,
      appState: mall.appState,
      webhooks: { ...mall.webhookDeliveries },
    };
  }

  resetStats(mallId?: string): void {
    for (const mall of mallId ? [this.mall(mallId)] : this.ctx.malls.values()) {
      mall.stats.reset();
      mall.webhookDeliveries = emptyWebhookStats();
    }
  }

  /** Back to the state at start: tokens, statistics, buckets, usage, faults, app settings, data and clock. */
  reset(): void {
    this.resetAll();
  }

  private mall(mallId: string): MallState {
    const mall = this.ctx.malls.get(mallId);
    if (!mall)
      throw new RangeError(`unknown mall ${mallId}; known: ${[...this.ctx.malls.keys()].join(", ")}`);
    return mall;
  }
}
