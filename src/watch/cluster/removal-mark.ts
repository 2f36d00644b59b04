import { z } from "zod";
import type { RemovalMark } from "./mall-coordinator.js";

const markSchema = z.object({
  mallId: z.string().min(1),
  removal: z.enum(["deleted", "expired"]),
  source: z.enum(["refresh", "verify", "webhook"]),
  revision: z.string().nullable(),
  by: z.string(),
  at: z.number().finite(),
});

/** One line of JSON; the scripts read `revision` from it to end only the mark they were told about. */
export function encodeRemovalMark(mark: RemovalMark): string {
  return JSON.stringify(mark);
}

/** The mark, or undefined for anything that is not one (written by another version, damaged). */
export function decodeRemovalMark(text: string | null | undefined): RemovalMark | undefined {
  if (!text) return undefined;
  try {
    const parsed = markSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
