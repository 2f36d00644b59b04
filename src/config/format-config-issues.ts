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
 */
export function formatConfigIssues(schema: z.ZodType, error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    if (issue.code !== "unrecognized_keys") return [`${formatKeyPath(issue.path)}: ${issue.message}`];
    const allowed = objectKeysAt(schema, issue.path).filter((key) => !key.startsWith("$"));
    return issue.keys.map(
      (key) => `${formatKeyPath([...issue.path, key])}: ${unknownKeyAdvice(key, allowed)}`,
    );
  });
}

function unknownKeyAdvice(key: string, allowed: string[]): string {
  if (SECRET_KEYS.has(key)) {
    return "secrets do not belong in this file — move it to CAFE24_CLIENT_SECRET in .env (and reissue the secret in Developer Center if this file was ever committed)";
  }
  if (TOKEN_KEYS.has(key)) {
    return "tokens do not belong in this file — cafe24-doctor keeps them in the token file (tokenStore.path); remove it";
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
}

function objectKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let def: Def | undefined = schema._zod.def as unknown as Def;
  const unwrap = () => {
    while (def?.innerType) def = def.innerType._zod.def;
  };
  unwrap();
  for (const segment of path) {
    def = typeof segment === "number" ? def?.element?._zod.def : def?.shape?.[String(segment)]?._zod.def;
    unwrap();
  }
  return Object.keys(def?.shape ?? {});
}
