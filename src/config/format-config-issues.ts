import type { z } from "zod";
import { closestMatch } from "./closest-match.js";

/** `services[0].url`, the way people write paths into JSON. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(top level)";
  return path
    .map((segment, i) =>
      typeof segment === "number" ? `[${segment}]` : `${i > 0 ? "." : ""}${String(segment)}`,
    )
    .join("");
}

const SECRET_KEYS = new Set(["clientSecret", "client_secret", "secret", "CAFE24_CLIENT_SECRET"]);
/** Keys people use for the Redis password, which belongs in CAFE24_REDIS_URL. */
const REDIS_SECRET_KEYS = new Set(["password", "redisPassword", "redis_password", "CAFE24_REDIS_URL"]);
const TOKEN_KEYS = new Set([
  "accessToken",
  "access_token",
  "refreshToken",
  "refresh_token",
  "CAFE24_ACCESS_TOKEN",
]);

/**
 * One line per problem, naming the key and the fix. Unknown keys get their own line each, with the nearest
 * known key as a suggestion; a secret in the file gets told where it belongs instead. Never echoes values.
 * `input` (what was parsed) picks the variant of a union (`store` of type "file" or "redis") whose keys apply.
 */
export function formatConfigIssues(schema: z.ZodType, error: z.ZodError, input?: unknown): string[] {
  return error.issues.flatMap((issue) => {
    if (issue.code !== "unrecognized_keys") return [`${formatKeyPath(issue.path)}: ${issue.message}`];
    const allowed = objectKeysAt(schema, issue.path, input).filter((key) => !key.startsWith("$"));
    return issue.keys.map(
      (key) => `${formatKeyPath([...issue.path, key])}: ${unknownKeyAdvice(key, allowed)}`,
    );
  });
}

function unknownKeyAdvice(key: string, allowed: string[]): string {
  if (REDIS_SECRET_KEYS.has(key)) {
    return 'secrets do not belong in this file — move it to .env as CAFE24_REDIS_URL, the whole URL with the password (e.g. "redis://:password@127.0.0.1:6379/0"), and change the Redis password if this file was ever committed';
  }
  if (SECRET_KEYS.has(key)) {
    return "secrets do not belong in this file — move it to CAFE24_CLIENT_SECRET in .env (and reissue the secret in Developer Center if this file was ever committed)";
  }
  if (TOKEN_KEYS.has(key)) {
    return "tokens do not belong in this file — cafe24-doctor keeps them in the token store (store); remove it";
  }
  const near = closestMatch(key, allowed);
  return near
    ? `unknown setting — did you mean "${near}"?`
    : `unknown setting — remove it (allowed here: ${allowed.join(", ")})`;
}

/** The minimal view of zod 4's schema definitions needed to find an object's keys at a path. */
interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  element?: { _zod: { def: Def } };
  innerType?: { _zod: { def: Def } };
  /** A (discriminated) union's variants and the key that tells them apart. */
  options?: { _zod: { def: Def } }[];
  discriminator?: string;
  /** A literal's values. */
  values?: unknown[];
}

function objectKeysAt(schema: z.ZodType, path: readonly PropertyKey[], input: unknown): string[] {
  let def: Def | undefined = schema._zod.def as unknown as Def;
  let value = input;
  const unwrap = () => {
    for (;;) {
      if (def?.innerType) def = def.innerType._zod.def;
      else if (def?.options) def = variantFor(def, value);
      else return;
    }
  };
  unwrap();
  for (const segment of path) {
    def = typeof segment === "number" ? def?.element?._zod.def : def?.shape?.[String(segment)]?._zod.def;
    value = isRecordLike(value) ? value[String(segment)] : undefined;
    unwrap();
  }
  return Object.keys(def?.shape ?? {});
}

/** The union's variant whose discriminator literal the input has; without one, the union's keys together. */
function variantFor(union: Def, value: unknown): Def | undefined {
  const variants = (union.options ?? []).map((option) => option._zod.def);
  const tag = union.discriminator && isRecordLike(value) ? value[union.discriminator] : undefined;
  const matching = variants.find((variant) => {
    const literal = union.discriminator ? variant.shape?.[union.discriminator]?._zod.def : undefined;
    return literal?.values?.includes(tag);
  });
  if (matching) return matching;
  const shape = Object.assign({}, ...variants.map((variant) => variant.shape ?? {}));
  return { type: "object", shape };
}

function isRecordLike(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
