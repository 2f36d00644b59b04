import type { TokenSet } from "../cafe24/token-set.js";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import { storeLocationOf } from "../store/store-location.js";
import type { TokenStore } from "../store/token-store.js";

/**
 * Stores a freshly granted token atomically. A fresh grant supersedes whatever the store held, so a concurrent
 * write only makes us retry against its revision; a corrupt file (which compare-and-set cannot read past) is
 * deleted first. Returns whether a corrupt file was replaced.
 */
export async function saveNewToken(store: TokenStore, mallId: string, token: TokenSet): Promise<boolean> {
  let replacedCorrupt = false;
  let revision: string | undefined;
  try {
    revision = (await store.get(mallId))?.revision;
  } catch (error) {
    if (!(error instanceof DoctorError && error.code === ERROR_CODES.tokenFileInvalid)) throw error;
    await store.delete(mallId);
    replacedCorrupt = true;
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const written = await store.compareAndSet(mallId, revision, token);
    if (written.ok) return replacedCorrupt;
    revision = written.current?.revision;
  }
  throw new DoctorError(
    ERROR_CODES.tokenStoreIo,
    `Could not save the new token to ${storeLocationOf(store, mallId)}: another process keeps writing it.`,
  );
}
