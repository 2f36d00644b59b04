import { readFile, rm, writeFile } from "node:fs/promises";
import { z } from "zod";

/** How long an authorize URL printed by `token exchange` stays matchable (Cafe24's consent page times out too). */
export const PENDING_TTL_MS = 10 * 60 * 1000;

const pendingSchema = z.object({
  state: z.string().min(1),
  redirectUri: z.string(),
  expiresAt: z.number(),
});
export type PendingAuthorization = z.infer<typeof pendingSchema>;

const PENDING_SUFFIX = ".pending";
/** The name before 0.2, still read (and removed) so an exchange started by an older version can finish. */
const LEGACY_PENDING_SUFFIX = ".pending-state.json";

/**
 * Next to the token file, so two projects on one machine never check each other's state; named after it
 * (`oauth_token.json.pending`), so the one ignore line `oauth_token.json*` covers the token, its lock and this.
 */
export const pendingPathOf = (tokenPath: string): string => `${tokenPath}${PENDING_SUFFIX}`;

/** `oauth_token.json.pending-state.json` for `oauth_token.json.pending`; undefined for any other name. */
function legacyPathOf(path: string): string | undefined {
  return path.endsWith(PENDING_SUFFIX)
    ? `${path.slice(0, -PENDING_SUFFIX.length)}${LEGACY_PENDING_SUFFIX}`
    : undefined;
}

/** Remembers the state of the printed authorize URL between two `token exchange` runs (mode 0600). */
export async function savePending(
  path: string,
  pending: Omit<PendingAuthorization, "expiresAt">,
  now: number,
): Promise<void> {
  await clearPending(path);
  await writeFile(path, `${JSON.stringify({ ...pending, expiresAt: now + PENDING_TTL_MS })}\n`, {
    mode: 0o600,
    flag: "wx",
  });
}

/** The pending authorization, or undefined when there is none, it expired, or the file is not ours. */
export async function loadPending(path: string, now: number): Promise<PendingAuthorization | undefined> {
  const legacy = legacyPathOf(path);
  const text =
    (await readFile(path, "utf8").catch(() => undefined)) ??
    (legacy === undefined ? undefined : await readFile(legacy, "utf8").catch(() => undefined));
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = pendingSchema.safeParse(json);
  if (!parsed.success || parsed.data.expiresAt <= now) {
    await clearPending(path);
    return undefined;
  }
  return parsed.data;
}

/** Removes the pending state, under its current name and its pre-0.2 one. */
export async function clearPending(path: string): Promise<void> {
  const legacy = legacyPathOf(path);
  await rm(path, { force: true });
  if (legacy !== undefined) await rm(legacy, { force: true });
}
