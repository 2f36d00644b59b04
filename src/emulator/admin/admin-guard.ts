import type { MiddlewareHandler } from "hono";
import { HEADER } from "../../cafe24/headers.js";
import { scopeForAdminPath } from "../../cafe24/scopes.js";
import type { EmulatorContext } from "../context.js";
import { Cafe24ApiError, MESSAGES } from "../http/cafe24-error.js";
import type { EmulatorEnv } from "../http/env.js";
import { mallPath } from "../http/mall-pipeline.js";
import { errorResponse } from "../http/respond.js";
import type { UsageReading } from "../rate/usage-meter.js";
import { SERVED_VERSION_HEADER, versionNotAvailable } from "../versions.js";

/**
 * The checks Cafe24 makes before an Admin handler runs, in order: token (401), API version (400), usage quota
 * (429), call bucket (429), scope (403), body Content-Type (400). Every Admin answer, success or error, carries
 * `X-Api-Call-Limit` and, when the usage limit is on (the default), the usage headers (§4); an answer that got
 * past the version check names the version that served it in the emulator-only `X-Emulator-Served-Version`.
 */
export function adminGuard(ctx: EmulatorContext): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const mall = c.get("mall");
    const now = ctx.clock.now();
    let usage: UsageReading | undefined;
    let served: string | undefined;
    try {
      const auth = c.req.header("authorization") ?? "";
      const bearer = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
      const access = mall.tokens.checkAccess(bearer, now);
      if (!access.ok) {
        const message =
          access.reason === "expired"
            ? MESSAGES.expiredToken
            : access.reason === "missing"
              ? MESSAGES.noToken
              : MESSAGES.invalidToken;
        throw new Cafe24ApiError(401, message);
      }

      const requested = c.req.header(HEADER.apiVersion);
      const version = ctx.versions.resolve(requested, mall.app.version, now, ctx.options.versions.expired);
      if (!version.ok) {
        // The unknown-version wording is observed live (§10); the strict expired answer is our own option.
        const message =
          version.reason === "unknown"
            ? versionNotAvailable(version.version)
            : `The API version '${version.version}' has expired. Use a newer version in X-Cafe24-Api-Version.`;
        throw new Cafe24ApiError(400, message);
      }
      served = version.version;
      mall.stats.countServedVersion(version.version, version.fellBack ? version.requested : undefined);
      c.set("apiVersion", version.version);

      if (ctx.options.usage.enabled) {
        const blocked = mall.usage.read(now).blocked;
        usage = mall.usage.charge(now);
        if (blocked) throw new Cafe24ApiError(429, MESSAGES.usageExceeded);
      }
      if (ctx.options.rateLimit.enabled && !mall.bucket.tryAdd(now))
        throw new Cafe24ApiError(429, MESSAGES.tooMany);

      const needed = scopeForAdminPath(mallPath(c.req.path), c.req.method);
      if (needed && !access.grant.scopes.includes(needed)) {
        throw new Cafe24ApiError(403, MESSAGES.noScope);
      }

      const bodyText = c.get("bodyText");
      if (bodyText.length > 0) {
        const type = c.req.header("content-type") ?? "";
        if (!/^application\/json\b/i.test(type)) throw new Cafe24ApiError(400, MESSAGES.contentType);
      }
      await next();
    } catch (error) {
      c.res = errorResponse(error);
    }
    if (ctx.options.rateLimit.enabled) c.res.headers.set(HEADER.callLimit, mall.bucket.header(now));
    if (usage) setUsageHeaders(c.res.headers, usage);
    if (served) c.res.headers.set(SERVED_VERSION_HEADER, served);
  };
}

function setUsageHeaders(headers: Headers, usage: UsageReading): void {
  headers.set(HEADER.callUsage, usage.callUsage.toFixed(2));
  headers.set(HEADER.timeUsage, usage.timeUsage.toFixed(2));
  if (usage.callRemain !== undefined) headers.set(HEADER.callRemain, String(usage.callRemain));
  if (usage.timeRemain !== undefined) headers.set(HEADER.timeRemain, String(usage.timeRemain));
}
