import type { TokenSet } from "../cafe24/token-set.js";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";

/** A refreshed token the store refused: in memory and (if any directory took it) in a rescue file. */
export interface UnsavedToken {
  token: TokenSet;
  /** The store revision it replaces; while the store still holds that one, this token is the live one. */
  basedOn: string | undefined;
  /** Why the store refused it (TOKEN_STORE_IO with ENOSPC, a lost connection, …). */
  error: DoctorError;
  /** The rescue copy, when one could be written. */
  rescuedTo: string | undefined;
  attempts: number;
}

/** TOKEN_NOT_SAVED: what was lost where, and the exact way back — restore the rescue copy, or authorize again. */
export function tokenNotSaved(
  mallId: string,
  location: string,
  unsaved: Pick<UnsavedToken, "error" | "rescuedTo">,
  kept: "kept in memory" | "not kept" = "kept in memory",
): DoctorError {
  const restore = unsaved.rescuedTo
    ? `A rescue copy is at ${unsaved.rescuedTo}: once the store is writable, run \`cafe24-doctor token restore ${unsaved.rescuedTo}\`.`
    : "No rescue copy could be written anywhere; keep this process running until the store is writable, or authorize again (cafe24-doctor token login).";
  return new DoctorError(
    ERROR_CODES.tokenNotSaved,
    `Mall ${mallId}'s new token could not be saved to ${location} (${unsaved.error.message}).${kept === "kept in memory" ? " It is kept in memory and served; saving is retried." : ""} ${restore}`,
    {
      cause: unsaved.error,
      details: [
        location,
        unsaved.error.message,
        unsaved.rescuedTo ? `cafe24-doctor token restore ${unsaved.rescuedTo}` : "cafe24-doctor token login",
      ],
    },
  );
}
