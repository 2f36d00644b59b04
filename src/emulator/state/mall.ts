import type { AppInstallState } from "../app-state/app-install-state.js";
import type { EmulatorOptions, MallConfig } from "../options.js";
import { seededRandom, seededToken } from "../prng.js";
import { LeakyBucket } from "../rate/leaky-bucket.js";
import { UsageMeter } from "../rate/usage-meter.js";
import { emptyWebhookStats, type WebhookDeliveryStats } from "../webhooks/webhook-sender.js";
import { MallStats } from "./stats.js";
import { TokenRegistry } from "./tokens.js";

export const DEFAULT_APP_SCOPES = [
  "mall.read_store",
  "mall.read_application",
  "mall.write_application",
  "mall.read_product",
  "mall.write_product",
  "mall.read_category",
  "mall.read_order",
  "mall.read_customer",
  "mall.read_privacy",
  "mall.read_community",
];

export const DEFAULT_REDIRECT_URI = "http://127.0.0.1:8788/callback";

export interface AppState {
  name: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Scopes enabled on the app in Developer Center; authorize may request only these. */
  scopes: string[];
  version: string;
  initialVersion: string;
  /** Credentials made up by the emulator (safe to print), as opposed to ones a user configured. */
  generated: boolean;
}

export interface MallState {
  mallId: string;
  shopName: string;
  userId: string;
  app: AppState;
  tokens: TokenRegistry;
  stats: MallStats;
  bucket: LeakyBucket;
  usage: UsageMeter;
  webhook: { receptionStatus: "T" | "F" };
  /** Whether the mall still has the app (control.setAppState); not "active" = every Admin call is refused. */
  appState: AppInstallState;
  /** Outcomes of the app-deleted/expired webhooks the emulator sent for this mall. */
  webhookDeliveries: WebhookDeliveryStats;
}

/** Builds one mall from its config; generated credentials derive from the seed so restarts keep them. */
export function createMall(
  config: MallConfig,
  options: EmulatorOptions,
  latestVersion: string,
  now: number,
): MallState {
  const random = seededRandom(options.seed ^ hashString(config.mallId));
  const app = config.app ?? {};
  const generated = app.clientId === undefined && app.clientSecret === undefined;
  const version = app.version ?? latestVersion;
  return {
    mallId: config.mallId,
    shopName: config.shopName ?? `${config.mallId} 쇼핑몰`,
    userId: config.userId ?? "admin",
    app: {
      name: app.name ?? "cafe24-doctor demo app",
      clientId: app.clientId ?? seededToken(random, 22),
      clientSecret: app.clientSecret ?? seededToken(random, 22),
      redirectUri: app.redirectUri ?? DEFAULT_REDIRECT_URI,
      scopes: [...(app.scopes ?? DEFAULT_APP_SCOPES)],
      version,
      initialVersion: version,
      generated,
    },
    tokens: new TokenRegistry(),
    stats: new MallStats(),
    bucket: new LeakyBucket(options.rateLimit.capacity, options.rateLimit.drainPerSec, now),
    usage: new UsageMeter(options.usage, now),
    webhook: { receptionStatus: "T" },
    appState: "active",
    webhookDeliveries: emptyWebhookStats(),
  };
}

function hashString(value: string): number {
  let h = 2166136261;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 16777619);
  return h >>> 0;
}
