import { constants } from "node:fs";
import { open, rm } from "node:fs/promises";
import { resolve } from "node:path";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import { isNewerToken } from "../store/newer-token.js";
import { MAX_TOKEN_FILE_BYTES, parseTokenFile, tokenStoreIo } from "../store/token-file-format.js";
import type { Now } from "../util/runtime.js";
import { verificationExitCode } from "./complete-authorization.js";
import { saveNewToken } from "./save-new-token.js";
import { TOKEN_COMMAND } from "./token-health.js";
import type { TokenIo } from "./token-io.js";
import { tokenSummaryLines, verificationLine } from "./token-lines.js";
import type { TokenSetup } from "./token-setup.js";
import { verifyAccessToken } from "./verify-access-token.js";

/**
 * `token restore FILE`: puts a rescue copy (written when the store refused a refreshed token) back, under the
 * mall's lock, only when it is newer than what the store holds (or with --force), then proves it with one live
 * call and removes the rescue file. Exit 0 restored and accepted, 1 nothing to do, 2 Cafe24 refuses it.
 */
export async function runTokenRestore(
  setup: TokenSetup,
  file: string,
  io: TokenIo,
  options: { force: boolean; now?: Now },
): Promise<number> {
  const { t } = io;
  const path = resolve(file);
  const rescued = parseTokenFile(await readRescue(path), { path, mallId: setup.mallId });
  if (rescued.fileMallId !== undefined && rescued.fileMallId !== setup.mallId) {
    throw new DoctorError(
      ERROR_CODES.invalidOptions,
      `${path} holds mall ${rescued.fileMallId}'s token, not ${setup.mallId}'s: run with --mall ${rescued.fileMallId}.`,
    );
  }
  const restored = await setup.store.withLock(setup.mallId, async () => {
    const current = await setup.store.get(setup.mallId).catch(() => undefined);
    if (current && !options.force && !isNewerToken(rescued.token, current.token)) return false;
    await saveNewToken(setup.store, setup.mallId, rescued.token);
    return true;
  });
  if (!restored) {
    io.out(t("token.restore.older", { mallId: setup.mallId, file: path }));
    return 1;
  }
  io.out(t("token.restore.done", { mallId: setup.mallId, file: path, location: setup.store.location }));
  await rm(path, { force: true });
  io.out(t("token.restore.removed", { file: path }));
  const now = options.now ?? Date.now;
  const verification = await verifyAccessToken(setup, rescued.token, now);
  for (const line of tokenSummaryLines(t, rescued.token, now())) io.out(`  ${line}`);
  io.out(`  ${verificationLine(t, verification)}`);
  io.out(t("token.next", { command: TOKEN_COMMAND.status }));
  return verificationExitCode(verification);
}

/** A rescue file is ours and small: refuse links and anything larger than a token file. */
async function readRescue(path: string): Promise<Buffer> {
  try {
    const handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      const { size } = await handle.stat();
      if (size > MAX_TOKEN_FILE_BYTES) throw Object.assign(new Error("too large"), { code: "EFBIG" });
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw tokenStoreIo(path, "read", error);
  }
}
