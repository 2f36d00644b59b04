import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { MessageKey } from "../../i18n/en.js";
import { createTranslator, isLang, type Lang } from "../../i18n/translate.js";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Requires `Authorization: Bearer <token>` on every route but the ones listed as open. Both sides are hashed
 * before the constant-time compare so that neither the token's content nor its length leaks through timing
 * (timingSafeEqual itself needs equal lengths).
 */
export function bearerAuth(
  token: string,
  openPaths: readonly string[],
  lang: Lang = "en",
  /** What the 401 tells the caller to send (the status page's token, or the token endpoint's secret). */
  messageKey: MessageKey = "status.unauthorized",
): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    if (openPaths.includes(c.req.path)) return next();
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(c.req.header("authorization") ?? "");
    if (match?.[1] && timingSafeEqual(digest(match[1]), expected)) return next();
    c.header("WWW-Authenticate", 'Bearer realm="cafe24-doctor watch"');
    // `error` stays the machine-readable code; `message` is for the person who forgot the header (?lang=ko|en).
    const requested = c.req.query("lang");
    const t = createTranslator(requested && isLang(requested) ? requested : lang);
    return c.json({ error: "unauthorized", message: t(messageKey) }, 401);
  };
}
