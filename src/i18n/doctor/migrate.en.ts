/** English messages of `token migrate`: moving every mall's tokens between the token file and Redis. */
export const migrateEn = {
  "token.migrate.description":
    "Move every mall's tokens between the token file and Redis (--to redis|file): copy without overwriting a newer token, read each back to verify, then retire the source (a file is renamed to <file>.migrated-<stamp>, Redis records are deleted). Exit 0 done, 1 nothing to migrate, 2 a mall needs a person, 3 could not run.",
  "token.migrate.option.to":
    "the store to move the tokens to: redis (from the token file) or file (from Redis)",
  "token.migrate.option.dryRun": "only say what would happen: nothing is written, locked or retired",
  "token.migrate.option.keepSource":
    "leave the source as it is after verifying (both then hold the same live refresh token: switch every app at once)",
  "token.migrate.option.file":
    "the token file to move from or to (default: CAFE24_TOKEN_FILE or the config's store.path; {mall_id} in the name for one file per mall)",
  "token.migrate.option.json": "print the result as JSON",

  "token.migrate.kind.file": "the token file {location}",
  "token.migrate.kind.redis": "Redis {location}",
  "token.migrate.nothing":
    "{source} holds no token: nothing to migrate. (--to names where the tokens go; they come from the other store.)",
  "token.migrate.start": "Moving the tokens of {count} mall(s) from {source} to {target}:",
  "token.migrate.mall.moved": "{mallId}: moved (refresh token {refresh}, expires {expires})",
  "token.migrate.mall.would-move": "{mallId}: would be moved (refresh token {refresh}, expires {expires})",
  "token.migrate.mall.already": "{mallId}: already in {target} (the same refresh token {refresh})",
  "token.migrate.mall.target-newer":
    "{mallId}: {target} already holds a token as new or newer ({targetRefresh}); it was not overwritten and the source's ({refresh}) was not copied",
  "token.migrate.mall.other-app":
    "{mallId}: the token belongs to another app (another client id than CAFE24_CLIENT_ID); not copied",
  "token.migrate.mall.mismatch":
    "{mallId}: verification failed: read back from {target}, the token differs in {field}",
  "token.migrate.mall.source-changed":
    "{mallId}: the source changed during the migration (a refresh); it was kept — run the migration again",
  "token.migrate.mall.failed": "{mallId}: failed — {code}: {message}",
  "token.migrate.retired.file": "source retired: {file}",
  "token.migrate.retired.redis": "source retired: the record was deleted from {source}",
  "token.migrate.dryRun": "Dry run: nothing was written, locked or retired.",
  "token.migrate.verified":
    "Verified {count} of {total} mall(s) in {target}: refresh token, access token, expiries and scopes match the source.",
  "token.migrate.incomplete":
    "Not every mall is in {target}: a mall that was not moved and verified kept its source untouched (the lines above say why); the moved ones were retired. Fix it and run the migration again: it picks up exactly the malls still in the source.",
  "token.migrate.keptSource":
    "The source was kept (--keep-source): both stores now hold the same tokens, and the first refresh through either kills the other's copy. Switch every app to {target} now, then remove the source.",
  "token.migrate.next.redis":
    'Next: point every app and `cafe24-doctor watch` at Redis (CAFE24_REDIS_URL in .env, "store": { "type": "redis" } in cafe24-doctor.config.json), restart them, and run `cafe24-doctor check`. Delete the renamed file once they all run on Redis.',
  "token.migrate.next.file":
    'Next: remove CAFE24_REDIS_URL and "store": { "type": "redis" } so every app and `cafe24-doctor watch` use {target}, restart them, and run `cafe24-doctor check`.',
} as const;
