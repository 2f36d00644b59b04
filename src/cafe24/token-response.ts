import { z } from "zod";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import { formatZodIssues } from "../util/format-zod-issues.js";
import { parseCafe24Time } from "./kst.js";
import { splitScopes } from "./scopes.js";
import type { TokenSet } from "./token-set.js";

/**
 * A Cafe24 token timestamp as epoch ms. Offset-less values are KST (§2.4); parsing them with `new Date()`
 * would read them in the host's zone and skew expiry by up to 9 hours.
 */
export const cafe24Instant = z.string().transform((value, ctx) => {
  const ms = parseCafe24Time(value);
  if (ms !== undefined) return ms;
  ctx.issues.push({
    code: "custom",
    input: value,
    message: "not a timestamp like 2026-11-27T20:41:00.000 (KST)",
  });
  return z.NEVER;
});

/**
 * Cafe24's token JSON (§2.4), tolerant of older answers without refresh_token_expires_at, shop_no and
 * token_type, and of `scopes` given as a comma/space separated string.
 */
export const cafe24TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_at: cafe24Instant,
  refresh_token: z.string().min(1),
  refresh_token_expires_at: cafe24Instant.nullish(),
  client_id: z.string().nullish(),
  mall_id: z.string().nullish(),
  user_id: z.string().nullish(),
  scopes: z.union([z.array(z.string()), z.string().transform(splitScopes)]).nullish(),
  issued_at: cafe24Instant.nullish(),
  shop_no: z.union([z.string(), z.number().transform(String)]).nullish(),
  token_type: z.string().nullish(),
});

export type Cafe24TokenResponse = z.output<typeof cafe24TokenResponseSchema>;

/** Validates the token endpoint's answer and turns it into the library's TokenSet. */
export function toTokenSet(json: unknown, mallId: string): TokenSet {
  const parsed = cafe24TokenResponseSchema.safeParse(json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "(top level)"))];
    throw new DoctorError(
      ERROR_CODES.badResponse,
      `Cafe24's token answer is unusable: ${fields.join(", ")} missing or malformed. Try again; if it persists, report it with the details.`,
      { details: formatZodIssues(parsed.error) },
    );
  }
  if (parsed.data.mall_id && parsed.data.mall_id !== mallId) {
    throw new DoctorError(
      ERROR_CODES.badResponse,
      `Cafe24's token answer is for mall_id "${parsed.data.mall_id.slice(0, 40)}", not "${mallId}". Check the base URL and mall id.`,
    );
  }
  return tokenSetFrom(parsed.data, mallId);
}

/** The TokenSet of already validated fields; `mallId` stands in when the JSON has no mall_id. */
export function tokenSetFrom(data: Cafe24TokenResponse, mallId: string): TokenSet {
  return {
    mallId: data.mall_id || mallId,
    accessToken: data.access_token,
    accessTokenExpiresAt: data.expires_at,
    refreshToken: data.refresh_token,
    refreshTokenExpiresAt: data.refresh_token_expires_at ?? null,
    scopes: data.scopes ?? [],
    issuedAt: data.issued_at ?? null,
    ...(data.client_id ? { clientId: data.client_id } : {}),
    ...(data.user_id ? { userId: data.user_id } : {}),
    ...(data.shop_no ? { shopNo: data.shop_no } : {}),
  };
}
