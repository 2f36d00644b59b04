import { z } from "zod";
import { mallBaseUrl } from "../cafe24/mall-base-url.js";
import { MALL_ID_PATTERN } from "../cafe24/mall-id.js";
import { CAFE24_SCOPES } from "../cafe24/scopes.js";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import { closestMatch } from "./closest-match.js";

// Field schemas shared by the config file and the CAFE24_* variables, so both get the same rules and the same
// messages. Every message says what is wrong and how a right value looks: it is all the user sees. Patterns
// avoid regex flags, which the generated JSON Schema cannot express.

/** `must be <what>`, or `is required — <what>` when the key is missing. */
export function expected(what: string) {
  return {
    error: (issue: { input?: unknown }) =>
      issue.input === undefined ? `is required — ${what}` : `must be ${what}`,
  };
}

export const mallIdSchema = z.string(expected('your mall id as text, e.g. "myshop"')).regex(MALL_ID_PATTERN, {
  error: 'must be a Cafe24 mall id (letters, digits, "-") — e.g. "myshop" for myshop.cafe24.com',
});

export function httpUrlSchema(example: string) {
  const what = `an http(s) URL — e.g. "${example}"`;
  return z.url({ protocol: /^https?$/, ...expected(what) });
}

export const scopeSchema = z.enum(CAFE24_SCOPES as [string, ...string[]], {
  error: (issue) => {
    if (typeof issue.input !== "string") return 'must be a scope name, e.g. "mall.read_product"';
    const near = closestMatch(issue.input, CAFE24_SCOPES);
    const hint = near ? `did you mean "${near}"?` : 'use names like "mall.read_product"';
    return `"${issue.input}" is not a Cafe24 scope — ${hint}`;
  },
});

export const scopeListSchema = z.array(
  scopeSchema,
  expected('a list of scopes, e.g. ["mall.read_product", "mall.read_order"]'),
);

export const apiVersionSchema = z
  .string(expected('a Cafe24 API version date, e.g. "2025-06-01"'))
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)), {
    error: 'must be a Cafe24 API version date (YYYY-MM-DD) — e.g. "2025-06-01"',
  });

const BASE_URL_EXAMPLE =
  '"https://{mall_id}.cafe24api.com" (or the emulator\'s "http://127.0.0.1:8724/malls/{mall_id}")';

/**
 * The rules Cafe24Client applies (mallBaseUrl), checked up front so a bad template is a config error naming
 * the key rather than a failure in the middle of a diagnosis.
 */
function baseUrlProblem(template: string): string | undefined {
  try {
    mallBaseUrl("mall", { baseUrl: template, allowInsecureLoopback: true });
    return undefined;
  } catch (error) {
    if (error instanceof DoctorError && error.code === ERROR_CODES.insecureUrl) {
      return `plain http is allowed only for a loopback host (the local emulator) — use https, e.g. ${BASE_URL_EXAMPLE}`;
    }
    return `must be an https URL template with {mall_id} — e.g. ${BASE_URL_EXAMPLE}`;
  }
}

export const baseUrlSchema = z
  .string(expected(`a URL template, e.g. ${BASE_URL_EXAMPLE}`))
  .refine((value) => baseUrlProblem(value) === undefined, {
    error: (issue) => baseUrlProblem(String(issue.input)),
  });

/** True for a validated template that uses plain http (which baseUrlSchema allows only on loopback). */
export function isInsecureLoopback(template: string): boolean {
  return new URL(template.replaceAll("{mall_id}", "mall")).protocol === "http:";
}

const REDIS_URL_EXAMPLE = '"redis://127.0.0.1:6379/0" (or "rediss://…" for TLS)';

/** Whether a Redis URL carries a password (`redis://:pw@host`, `redis://user:pw@host`). */
export function redisUrlHasPassword(url: string): boolean {
  return URL.canParse(url) && new URL(url).password !== "";
}

/**
 * A Redis URL as the token store takes it: redis:// or rediss:// (TLS) with a host. The password, when there
 * is one, is part of the URL, which is why the URL is read from CAFE24_REDIS_URL and printed only redacted.
 */
export const redisUrlSchema = z
  .string(expected(`a Redis URL, e.g. ${REDIS_URL_EXAMPLE}`))
  .regex(/^rediss?:\/\/[^\s/?#]+/, {
    error: `must be a redis:// or rediss:// URL with a host — e.g. ${REDIS_URL_EXAMPLE}`,
  })
  .refine((value) => URL.canParse(value), {
    error: `must be a redis:// or rediss:// URL with a host — e.g. ${REDIS_URL_EXAMPLE}`,
  });

/** The Redis URL in the config file: no password there (the file is often committed). */
export const redisUrlInFileSchema = redisUrlSchema.refine((value) => !redisUrlHasPassword(value), {
  error:
    "holds a password, and secrets do not belong in this file — move the whole URL to .env as CAFE24_REDIS_URL (and change the Redis password if this file was ever committed)",
});

/** A key prefix for every key cafe24-doctor keeps in Redis. */
export const redisPrefixSchema = z
  .string(expected('a key prefix, e.g. "cafe24-doctor:"'))
  .regex(/^[^\s{}*?[\]\\]+$/, {
    error:
      'must be a key prefix without spaces, braces or glob characters — e.g. "cafe24-doctor:" or "myapp:cafe24:"',
  });
