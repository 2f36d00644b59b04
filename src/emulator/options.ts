import { z } from "zod";
import { MALL_ID_PATTERN } from "../cafe24/mall-id.js";
import { isKnownScope } from "../cafe24/scopes.js";

const scopeList = z
  .array(z.string())
  .refine((list) => list.every(isKnownScope), { message: "contains a scope Cafe24 does not define" });

export const appConfigSchema = z.strictObject({
  name: z.string().min(1).optional(),
  clientId: z.string().min(1).optional(),
  clientSecret: z.string().min(1).optional(),
  redirectUri: z.url().optional(),
  scopes: scopeList.optional(),
  version: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date-like version such as 2025-12-01")
    .optional(),
});

export const mallConfigSchema = z.strictObject({
  mallId: z
    .string()
    .regex(MALL_ID_PATTERN, "must be a Cafe24 mall id: letters, digits and '-', up to 40 characters"),
  shopName: z.string().min(1).optional(),
  userId: z.string().min(1).optional(),
  app: appConfigSchema.optional(),
});

export const faultRuleSchema = z.strictObject({
  /** Path prefix after the mall prefix, e.g. "/api/v2/admin/products"; omitted = every API route. */
  route: z.string().startsWith("/").optional(),
  method: z.string().toUpperCase().optional(),
  kind: z.enum(["latency", "status", "reset", "html", "rate-limit"]),
  probability: z.number().min(0).max(1).default(1),
  /** For "latency": added delay, uniformly in [min, max] ms. */
  latencyMs: z.tuple([z.number().min(0), z.number().min(0)]).optional(),
  /** For "status": 500, 503 or 504. */
  status: z.union([z.literal(500), z.literal(503), z.literal(504)]).optional(),
  /** "before": the request never reaches the handler; "after": it is processed, then the answer is lost. */
  phase: z.enum(["before", "after"]).default("before"),
});
export type FaultRule = z.output<typeof faultRuleSchema>;
export type FaultRuleInput = z.input<typeof faultRuleSchema>;

export const apiVersionSchema = z.strictObject({
  version: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Release instant; the version expires one year after the next version's release (§1). */
  releasedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export const emulatorOptionsSchema = z.strictObject({
  malls: z.array(mallConfigSchema).min(1).optional(),
  autoApprove: z.boolean().default(false),
  seed: z.number().int().default(24),
  clock: z
    .strictObject({ frozen: z.boolean().default(false), start: z.union([z.number(), z.string()]).optional() })
    .default({ frozen: false }),
  ttl: z
    .strictObject({
      codeSec: z.number().positive().default(60),
      accessSec: z.number().positive().default(7200),
      refreshSec: z
        .number()
        .positive()
        .default(14 * 24 * 3600),
    })
    .default({ codeSec: 60, accessSec: 7200, refreshSec: 14 * 24 * 3600 }),
  rateLimit: z
    .strictObject({
      enabled: z.boolean().default(true),
      capacity: z.number().int().positive().default(40),
      drainPerSec: z.number().positive().default(2),
    })
    .default({ enabled: true, capacity: 40, drainPerSec: 2 }),
  usage: z
    .strictObject({
      /** On by default: Cafe24 meters every mall this way since 2025-12-01 (§4, §10). */
      enabled: z.boolean().default(true),
      /** §10: about 3,000 calls and 600 s of processing time per 10-minute window (third-party reading). */
      windowSec: z.number().positive().default(600),
      callQuota: z.number().int().positive().default(3000),
      timeQuotaMs: z.number().positive().default(600_000),
      /** Simulated processing time charged per call to the time quota (our assumption: unpublished). */
      costMs: z.number().min(0).default(100),
    })
    .default({ enabled: true, windowSec: 600, callQuota: 3000, timeQuotaMs: 600_000, costMs: 100 }),
  faults: z.array(faultRuleSchema).default([]),
  data: z
    .strictObject({
      products: z.number().int().min(0).max(100_000).default(1000),
      orders: z.number().int().min(0).max(200_000).default(5000),
      orderDays: z.number().int().min(1).max(3650).default(180),
      customers: z.number().int().min(0).max(100_000).default(300),
      categories: z.number().int().min(4).max(5000).default(60),
      boards: z.number().int().min(0).max(100).default(8),
    })
    .default({ products: 1000, orders: 5000, orderDays: 180, customers: 300, categories: 60, boards: 8 }),
  versions: z
    .strictObject({
      list: z.array(apiVersionSchema).min(1).optional(),
      /**
       * What an expired version does: Cafe24's documented silent fallback to the oldest version still served
       * (default, §10), or the strict 400 naming it that the emulator answered before.
       */
      expired: z.enum(["fallback", "error"]).default("fallback"),
    })
    .default({ expired: "fallback" }),
  oauth: z
    .strictObject({
      /**
       * Observed in the wild both ways, each with 401 (§10): which `error` a wrong client secret yields. The
       * description is "Invalid client_secret" either way.
       */
      wrongSecretError: z.enum(["invalid_grant", "invalid_client"]).default("invalid_grant"),
      /** Which `error` an expired (14-day) refresh token yields. */
      expiredRefreshError: z.enum(["invalid_grant", "invalid_client"]).default("invalid_grant"),
      /**
       * How a refused refresh token (expired or already rotated) is answered: "observed" = 401 with
       * "Invalid refresh_token" (§10); "legacy" = the emulator's first choice (400, an expired one described
       * as "refresh_token time expired", 401 only for invalid_client).
       */
      refreshErrorShape: z.enum(["observed", "legacy"]).default("observed"),
      /**
       * `error_description` on authorize error redirects: "double" = percent-encoded twice as observed
       * (`The%2Bscope%2Badded…`, §10); "single" = plain form encoding.
       */
      redirectErrorEncoding: z.enum(["double", "single"]).default("double"),
      /** Refuse an authorize request without `state` (the guide calls it required; live Cafe24 accepts it, §10). */
      requireState: z.boolean().default(false),
      /** Accept client_id/client_secret as form fields instead of Basic (the quick-start guide's way). */
      acceptBodyCredentials: z.boolean().default(true),
      /** Older token responses lack token_type, shop_no and refresh_token_expires_at (§2.4). */
      legacyTokenShape: z.boolean().default(false),
    })
    .default({
      wrongSecretError: "invalid_grant",
      expiredRefreshError: "invalid_grant",
      refreshErrorShape: "observed",
      redirectErrorEncoding: "double",
      requireState: false,
      acceptBodyCredentials: true,
      legacyTokenShape: false,
    }),
  /**
   * Where app-deleted (90077) and app-expired (90078) webhooks go, signed with OUR shared-secret HMAC (Cafe24's
   * own webhook authentication is not in the evidence). No url = no delivery; no secret = unsigned.
   */
  webhooks: z
    .strictObject({
      url: z.url({ protocol: /^https?$/ }).optional(),
      secret: z.string().min(1).optional(),
    })
    .default({}),
  /** Serve the HTTP control API under /__emulator/ (loopback clients only). */
  controlApi: z.boolean().default(false),
  maxBodyBytes: z
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
});

export type EmulatorOptionsInput = z.input<typeof emulatorOptionsSchema>;
export type EmulatorOptions = z.output<typeof emulatorOptionsSchema>;
export type MallConfig = z.output<typeof mallConfigSchema>;
