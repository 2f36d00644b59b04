import type { HttpBindings } from "@hono/node-server";
import { type Context, Hono } from "hono";
import { formatKstIso } from "../../cafe24/kst.js";
import { ERROR_CODES } from "../../errors/doctor-error.js";
import { createTranslator, isLang, type Lang } from "../../i18n/translate.js";
import type { Logger, Now } from "../../util/runtime.js";
import {
  type AccessTokenIssuer,
  AccessTokenUnavailable,
  type IssuedAccessToken,
} from "../access-token-issuer.js";
import { bearerAuth } from "./bearer-auth.js";
import { CallerRateLimit, type CallerRateLimitOptions } from "./caller-rate-limit.js";
import { issuedRecord, refusedRecord, type TokenIssueRecord } from "./token-endpoint-audit.js";

/** Five minutes: an app that caches the token for a few minutes never holds one that expires under it. */
export const DEFAULT_TOKEN_MIN_LIFE_MS = 5 * 60_000;
/** Shorter secrets are refused: the endpoint hands out live access tokens. */
export const MIN_ENDPOINT_SECRET_LENGTH = 32;
/** A rejected-token report is one short JSON object. */
const MAX_BODY_BYTES = 4096;
/** Cafe24 mall ids: lower-case letters and digits; anything else cannot be a mall and is not echoed. */
const MALL_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface TokenEndpointOptions {
  /** The endpoint's own secret (`CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET`), at least 32 characters, required on loopback too. */
  bearerToken: string;
  /** Tokens handed out have at least this long left (capped at half their lifetime). @default 300000 (5 min) */
  minLifeMs?: number;
  /** Requests per caller (remote address): a token bucket. @default { perSecond: 20, burst: 40 } */
  rateLimit?: CallerRateLimitOptions;
  /** Called once per request to a mall's route with the audit record (never the token). */
  onIssue?: (record: TokenIssueRecord) => void;
  /** Gets the same records as info lines ("access token issued" / "access token refused"). */
  logger?: Logger;
  /** Who issues the tokens. @default the status server's source, when it is one (a WatchManager) */
  issuer?: AccessTokenIssuer;
}

type Env = { Bindings: Partial<HttpBindings> };

/**
 * `GET /v1/malls/{mall_id}/access-token` and `POST …/access-token/rejected`: live access tokens for apps in any
 * language, which never refresh themselves (and so never race `watch` for the rotating refresh token).
 */
export function tokenEndpointRoutes(
  options: TokenEndpointOptions & { issuer: AccessTokenIssuer },
  lang: Lang,
  now: Now,
): Hono<Env> {
  const { issuer, onIssue, logger } = options;
  const minLifeMs = options.minLifeMs ?? DEFAULT_TOKEN_MIN_LIFE_MS;
  const limiter = new CallerRateLimit(options.rateLimit ?? {}, now);
  const app = new Hono<Env>();

  const audit = (record: TokenIssueRecord) => {
    onIssue?.(record);
    const { outcome, ...fields } = record;
    logger?.info(
      { ...fields, outcome },
      outcome === "refused" ? "access token refused" : "access token issued",
    );
  };
  const translator = (c: Context<Env>) => {
    const requested = c.req.query("lang");
    return createTranslator(requested && isLang(requested) ? requested : lang);
  };
  const refuse = (
    c: Context<Env>,
    status: 400 | 401 | 404 | 429 | 503,
    error: string,
    message: string,
    extra: Record<string, unknown> = {},
  ) => {
    audit(refusedRecord(now(), callerOf(c), mallParam(c), error));
    return c.json({ error, message, ...extra }, status);
  };

  // The limit comes first: a caller guessing the secret is slowed down too.
  app.use("/malls/*", async (c, next) => {
    const decision = limiter.take(callerOf(c));
    if (decision.allowed) return next();
    c.header("Retry-After", String(decision.retryAfterSeconds));
    return refuse(
      c,
      429,
      "rate_limited",
      translator(c)("status.endpoint.rateLimited", { seconds: decision.retryAfterSeconds }),
    );
  });
  const auth = bearerAuth(options.bearerToken, [], lang, "status.endpoint.unauthorized");
  app.use("/malls/*", async (c, next) => {
    let passed = false;
    const answer = await auth(c, async () => {
      passed = true;
      await next();
    });
    if (!passed) audit(refusedRecord(now(), callerOf(c), mallParam(c), "unauthorized"));
    return answer;
  });

  const answer = async (c: Context<Env>, issue: (signal: AbortSignal) => Promise<IssuedAccessToken>) => {
    const t = translator(c);
    const mallId = c.req.param("mallId") ?? "";
    if (!MALL_ID.test(mallId) || !(await issuer.watches(mallId)))
      return refuse(c, 404, "unknown_mall", t("status.endpoint.unknownMall"));
    let issued: IssuedAccessToken;
    try {
      issued = await issue(c.req.raw.signal);
    } catch (error) {
      if (!(error instanceof AccessTokenUnavailable)) throw error;
      if (error.reauthCommand !== null) {
        const key =
          error.code === ERROR_CODES.tokenNotFound
            ? "status.endpoint.noToken"
            : "status.endpoint.reauthRequired";
        return refuse(c, 503, "reauth_required", t(key, { mall: mallId, command: error.reauthCommand }), {
          mall_id: mallId,
          code: error.code,
          command: error.reauthCommand,
        });
      }
      const seconds = Math.max(1, Math.ceil(((error.retryAt ?? now()) - now()) / 1000));
      c.header("Retry-After", String(seconds));
      return refuse(
        c,
        503,
        "refresh_failed",
        t("status.endpoint.refreshFailed", { mall: mallId, code: error.code, seconds }),
        { mall_id: mallId, code: error.code },
      );
    }
    audit(issuedRecord(now(), callerOf(c), issued));
    // Exactly these four fields: the refresh token and the app's secret never leave watch.
    return c.json({
      access_token: issued.accessToken,
      expires_at: formatKstIso(issued.expiresAt),
      scopes: issued.scopes,
      mall_id: issued.mallId,
    });
  };

  app.get("/malls/:mallId/access-token", (c) =>
    answer(c, (signal) => issuer.accessTokenFor(c.req.param("mallId"), { minLifeMs, signal })),
  );

  app.post("/malls/:mallId/access-token/rejected", async (c) => {
    const rejected = await rejectedToken(c);
    if (rejected === undefined)
      return refuse(c, 400, "bad_request", translator(c)("status.endpoint.badRequest"));
    return answer(c, (signal) =>
      issuer.replaceRejectedToken(c.req.param("mallId"), rejected, { minLifeMs, signal }),
    );
  });

  return app;
}

/**
 * The connection's remote address. X-Forwarded-For is ignored on purpose: anyone can send it, and believing it
 * would let one caller spread its requests over made-up addresses (and forge the audit log).
 */
function callerOf(c: Context<Env>): string {
  return c.env?.incoming?.socket?.remoteAddress ?? "unknown";
}

function mallParam(c: Context<Env>): string | null {
  const match = /^\/v1\/malls\/([^/]+)\//.exec(c.req.path);
  const mallId = match?.[1];
  return mallId !== undefined && MALL_ID.test(mallId) ? mallId : null;
}

/** `{"access_token": "…"}`, small and well-formed; undefined otherwise. */
async function rejectedToken(c: Context<Env>): Promise<string | undefined> {
  if (!/^application\/json\b/i.test(c.req.header("content-type") ?? "")) return undefined;
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return undefined;
  const text = await c.req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return undefined;
  try {
    const body = JSON.parse(text) as { access_token?: unknown };
    const token = body?.access_token;
    return typeof token === "string" && token.length > 0 && token.length <= 1024 ? token : undefined;
  } catch {
    return undefined;
  }
}
