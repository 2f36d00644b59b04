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

/** Next to the token file, so two projects on one machine never check each other's state. */
export const pendingPathOf = (tokenPath: string): string => `${tokenPath}.pending-state.json`;

/** Remembers the state of the printed authorize URL between two `token exchange` runs (mode 0600). */
export async function savePending(
  path: string,
  pending: Omit<PendingAuthorization, "expiresAt">,
  now: number,
): Promise<void> {
  await rm(path, { force: true });
  await writeFile(path, `${JSON.stringify({ ...pending, expiresAt: now + PENDING_TTL_MS })}\n`, {
    mode: 0o600,
    flag: "wx",
  });
}

/** The pending authorization, or undefined when there is none, it expired, or the file is not ours. */
export async function loadPending(path: string, now: number): Promise<PendingAuthorization | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return undefined;
  }
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

export async function clearPending(path: string): Promise<void> {
  await rm(path, { force: true });
}
