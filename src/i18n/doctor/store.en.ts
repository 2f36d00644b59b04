/** English messages about keeping a token safe: interrupted refreshes, unsaved tokens, rescue and restore. */
export const storeEn = {
  "cli.interrupt.waiting":
    "Interrupted. Waiting for the refreshed token to be saved first: Cafe24 has already replaced the old one, so stopping now could lose the authorization…",
  "cli.interrupt.saved": "The token is saved; stopping as asked.",
  "token.restore.description":
    "put a rescued token (from a save that failed) back into the token store, when it is newer than the stored one",
  "token.restore.argument": "the rescue file named by the error (cafe24-doctor-rescue-….json)",
  "token.option.force": "replace the stored token even when it is as new or newer",
  "token.restore.done": "Restored mall {mallId}'s token from {file} into {location}.",
  "token.restore.removed": "Removed the rescue file {file}.",
  "token.restore.older":
    "The stored token of mall {mallId} is as new as {file} or newer; nothing was changed (--force replaces it anyway).",
  "error.TOKEN_STORE_UNSAFE":
    "The token file is a symbolic link; cafe24-doctor does not read or write tokens through links, since whoever placed it would receive them:",
  "error.TOKEN_STORE_UNSAFE.fix":
    'Replace the link with the file itself; or, if you made the link, allow it with "store": { "type": "file", "followSymlinks": true } in cafe24-doctor.config.json.',
  "error.TOKEN_NOT_SAVED":
    "The refreshed token could not be saved to the token store (where, why, and the command that restores it):",
  "error.TOKEN_NOT_SAVED.fix":
    "Free space or fix permissions where the token store lives, then run the command above. Until then the token in the store is dead (Cafe24 already rotated it).",
} as const;
