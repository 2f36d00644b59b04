import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import { tokenId } from "../../src/emulator/state/tokens.js";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import { readTokenFile } from "../../src/store/token-file-format.js";
import { TokenManager } from "../../src/tokens/token-manager.js";
import type { Sleep } from "../../src/util/runtime.js";
import { HOUR, launch, oauthOf } from "../helpers/emulator.js";
import { fillDisk, mountSmallTmpfs, tmpfsUnavailable, unmount } from "../helpers/small-tmpfs.js";
import { tempDir } from "../helpers/token-files.js";

const unavailable = await tmpfsUnavailable("the real disk-full test");

const previousStateHome = process.env.XDG_STATE_HOME;
afterEach(() => {
  if (previousStateHome === undefined) delete process.env.XDG_STATE_HOME;
  else process.env.XDG_STATE_HOME = previousStateHome;
});

describe.skipIf(unavailable)("FileTokenStore on a full disk", () => {
  it("keeps serving the rotated token, rescues it elsewhere and saves it once space is back", async () => {
    const dir = (await mountSmallTmpfs()) as string;
    onTestFinished(() => unmount(dir));
    process.env.XDG_STATE_HOME = await tempDir();
    const emu = await launch();
    const mall = emu.malls[0];
    if (!mall?.clientSecret) throw new Error("demo mall expected");
    const path = join(dir, "oauth_token.json");
    const store = new FileTokenStore({ path, now: () => emu.control.now() });
    await store.compareAndSet(
      mall.mallId,
      undefined,
      toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId),
    );
    const filler = await fillDisk(dir);

    const waiting: (() => void)[] = [];
    const sleep: Sleep = () => new Promise<void>((resolve) => waiting.push(resolve));
    const manager = new TokenManager({
      store,
      now: () => emu.control.now(),
      sleep,
      oauth: oauthOf(emu, mall),
    });
    const failures: { code: string; message: string; rescuedTo?: string | undefined }[] = [];
    manager.on("refresh-failed", (event) => failures.push(event));
    emu.control.advanceClock(3 * HOUR);

    const token = await manager.getAccessToken();
    const answer = await fetch(`${emu.url}/api/v2/admin/store`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(answer.status).toBe(200);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      code: ERROR_CODES.tokenStoreIo,
      message: expect.stringContaining("ENOSPC"),
    });
    const rescue = failures[0]?.rescuedTo as string;
    expect(rescue.startsWith(process.env.XDG_STATE_HOME as string)).toBe(true);
    const live = emu.control.stats().currentRefreshTokenId;
    expect(tokenId((await readTokenFile(rescue, mall.mallId))?.token.refreshToken ?? "")).toBe(live);
    // Nothing half-written was left on the full disk.
    expect((await readdir(dir)).sort()).toEqual(["filler", "oauth_token.json"]);

    await rm(filler);
    const saved = new Promise((resolve) => manager.once("saved", resolve));
    expect(waiting).toHaveLength(1);
    waiting.shift()?.();
    await saved;
    expect(tokenId((await store.get(mall.mallId))?.token.refreshToken ?? "")).toBe(live);
    expect(emu.control.stats().invalidGrant).toBe(0);
  });
});
