import { maskSecret } from "./mask-secret.js";
import {
  isCredentialKey,
  isCredentialValue,
  SCRUB_DEFAULT_MAX_LENGTH,
  scrubSecrets,
} from "./scrub-secrets.js";

export interface ScrubDeepOptions {
  /** Longest string anywhere in the result. @default 1000 */
  maxLength?: number;
  /** Values (strings, numbers, array items, object entries) kept in all; the rest is cut. @default 200 */
  maxNodes?: number;
}

/** Nesting kept: Cafe24's `more_info` is one or two levels deep. */
const MAX_DEPTH = 6;
const CUT = "(…)";

/**
 * `scrubSecrets` for structured values about to be kept in an error or shown (Cafe24's `more_info`, an error's
 * fields): every string is scrubbed, a string under a credential-named key (`access_token`, `clientSecret`,
 * `code` when it looks like an authorization code) is masked whole, and the result is bounded in depth and
 * size. Plain objects and arrays are copied (never modified); anything else becomes scrubbed text.
 */
export function scrubSecretsDeep(
  value: unknown,
  known: readonly string[] = [],
  options: ScrubDeepOptions = {},
): unknown {
  let budget = options.maxNodes ?? 200;
  const maxLength = options.maxLength ?? SCRUB_DEFAULT_MAX_LENGTH;
  const visit = (item: unknown, depth: number, key: string | undefined): unknown => {
    if (budget-- <= 0) return CUT;
    if (item === null || item === undefined || typeof item === "number" || typeof item === "boolean") {
      return item;
    }
    if (typeof item === "string") {
      const scrubbed = scrubSecrets(item, known, { maxLength });
      // `authorization: "Bearer x"` keeps its scheme; a bare value under a credential name is masked whole.
      if (scrubbed !== item || key === undefined || !isCredentialKey(key)) return scrubbed;
      return isCredentialValue(key, item) ? maskSecret(item) : scrubbed;
    }
    if (Array.isArray(item)) {
      if (depth >= MAX_DEPTH) return CUT;
      const items: unknown[] = [];
      for (const entry of item) {
        if (budget <= 0) {
          items.push(CUT);
          break;
        }
        items.push(visit(entry, depth + 1, undefined));
      }
      return items;
    }
    if (isPlainObject(item)) {
      if (depth >= MAX_DEPTH) return CUT;
      const copy: Record<string, unknown> = {};
      for (const [name, entry] of Object.entries(item)) {
        if (budget <= 0) {
          copy["…"] = CUT;
          break;
        }
        copy[scrubSecrets(name, known, { maxLength: 100 })] = visit(entry, depth + 1, name);
      }
      return copy;
    }
    return scrubSecrets(String(item), known, { maxLength });
  };
  return visit(value, 0, undefined);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
