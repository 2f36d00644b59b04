import { stat } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import type { TokenSet } from "../../src/cafe24/token-set.js";
import { tokenId } from "../../src/emulator/state/tokens.js";
import { DoctorError, ERROR_CODES } from "../../src/errors/doctor-error.js";
import { MemoryTokenStore } from "../../src/store/memory-token-store.js";
import { readTokenFile } from "../../src/store/token-file-format.js";
import type { CompareAndSetResult } from "../../src/store/token-store.js";
import { TokenManager } from "../../src/tokens/token-manager.js";
import { type Sleep, silentLogger } from "../../src/util/runtime.js";
import { HOUR, launch, oauthOf } from "../helpers/emulator.js";
import { tempDir } from "../helpers/token-files.js";

/** A memory store whose writes fail with ENOSPC while `full` is true: an injected disk-full. */
class DiskFullStore extends MemoryTokenStore {
  full = false;
  writesRefused = 0;

  override async compareAndSet(
    mallId: string,
    expected: string | undefined,
    next: TokenSet,
  ): Promise<CompareAndSetResult> {
    if (this.full) {
      this.writesRefused += 1;
      const cause = Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
      throw new DoctorError(ERROR_CODES.tokenStoreIo, "Could not write the token file (ENOSPC).", { cause });
    }
    return super.compareAndSet(mallId, expected, next);
  }
}

/** A sleep the test advances by hand: `next()` lets the next sleeper go (waiting for one to arrive first). */
function manualSleep() {
  const waiting: (() => void)[] = [];
  let arrived = () => {};
  const sleep: Sleep = () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      arrived();
    });
  const next = async () => {
    if (waiting.length === 0)
      await new Promise<void>((resolve) => {
        arrived = resolve;
      });
    waiting.shift()?.();
  };
  return { sleep, next };
}

const previousStateHome = process.env.XDG_STATE_HOME;
afterEach(() => {
  if (previousStateHome === undefined) delete process.env.XDG_STATE_HOME;
  else process.env.XDG_STATE_HOME = previousStateHome;
});

async function setup() {
  process.env.XDG_STATE_HOME = await tempDir();
  const emu = await launch();
  const mall = emu.malls[0];
  if (!mall?.clientSecret) throw new Error("demo mall expected");
  const store = new DiskFullStore({ now: () => emu.control.now() });
  const seed = toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId);
  await store.compareAndSet(mall.mallId, undefined, seed);
  const clock = manualSleep();
  const warnings: string[] = [];
  let warned = () => {};
  const logger = {
    ...silentLogger,
    warn: (_fields: Record<string, unknown>, message: string) => {
      warnings.push(message);
      warned();
    },
  };
  /** Resolves at the manager's next warning (e.g. a save retry that failed again). */
  const nextWarning = () =>
    new Promise<void>((resolve) => {
      warned = resolve;
    });
  const manager = new TokenManager({
    store,
    now: () => emu.control.now(),
    sleep: clock.sleep,
    logger,
    oauth: oauthOf(emu, mall),
  });
  const failures: { code: string; rescuedTo?: string | undefined; message: string }[] = [];
  manager.on("refresh-failed", (event) => failures.push(event));
  return { emu, mall, store, manager, seed, clock, failures, warnings, nextWarning };
}

const isLive = (emu: Awaited<ReturnType<typeof launch>>, refreshToken: string) =>
  tokenId(refreshToken) === emu.control.stats().currentRefreshTokenId;

describe("TokenManager — a rotated token the store refuses is never dropped", () => {
  it("serves the new token from memory, reports refresh-failed with the store error and writes a 0600 rescue copy", async () => {
    const { emu, mall, store, manager, seed, failures } = await setup();
    store.full = true;
    emu.control.advanceClock(3 * HOUR);

    const token = await manager.getAccessToken();
    expect(token).not.toBe(seed.accessToken);
    const answer = await fetch(`${emu.url}/api/v2/admin/store`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(answer.status).toBe(200);

    expect(failures).toHaveLength(1);
    expect(failures[0]?.code).toBe(ERROR_CODES.tokenStoreIo);
    const rescue = failures[0]?.rescuedTo as string;
    expect(rescue.startsWith(process.env.XDG_STATE_HOME as string)).toBe(true);
    expect((await stat(rescue)).mode & 0o777).toBe(0o600);
    const rescued = await readTokenFile(rescue, mall.mallId);
    expect(isLive(emu, rescued?.token.refreshToken ?? "")).toBe(true);
    expect(failures[0]?.message).toContain(`cafe24-doctor token restore ${rescue}`);
    expect(failures[0]?.message).not.toContain(rescued?.token.refreshToken);

    // Served again without another refresh, while the store still holds the dead token.
    expect(await manager.getAccessToken()).toBe(token);
    expect(emu.control.stats().grants.refresh_token).toBe(1);
    expect((await store.get(mall.mallId))?.token.refreshToken).toBe(seed.refreshToken);
  });

  it("refreshes from the unsaved token, not the dead one in the store, so Cafe24 never says invalid_grant", async () => {
    const { emu, store, manager } = await setup();
    store.full = true;
    emu.control.advanceClock(3 * HOUR);
    await manager.getAccessToken();
    const second = await manager.forceRefresh();
    expect(emu.control.stats().invalidGrant).toBe(0);
    expect(isLive(emu, second.refreshToken)).toBe(true);
    expect(await manager.getAccessToken()).toBe(second.accessToken);
  });

  it("retries the save with backoff and stores the token once the store takes writes again", async () => {
    const { emu, mall, store, manager, clock, warnings, nextWarning } = await setup();
    store.full = true;
    emu.control.advanceClock(3 * HOUR);
    const token = await manager.getAccessToken();
    expect(manager.unsavedToken?.error.code).toBe(ERROR_CODES.tokenStoreIo);

    const refusedAgain = nextWarning();
    await clock.next();
    await refusedAgain;
    expect(warnings).toEqual(["saving the refreshed token failed again"]);
    expect(store.writesRefused).toBe(2);
    store.full = false;
    const saved = new Promise<{ attempts: number }>((resolve) => manager.once("saved", resolve));
    await clock.next();
    expect((await saved).attempts).toBe(3);
    expect(manager.unsavedToken).toBeUndefined();
    expect((await store.get(mall.mallId))?.token.accessToken).toBe(token);
    expect(isLive(emu, (await store.get(mall.mallId))?.token.refreshToken ?? "")).toBe(true);
  });

  it("flush() throws TOKEN_NOT_SAVED naming the rescue copy and its restore command while the store refuses, and resolves once saved", async () => {
    const { emu, store, manager, failures } = await setup();
    store.full = true;
    emu.control.advanceClock(3 * HOUR);
    await manager.getAccessToken();
    const error = await manager.flush().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ERROR_CODES.tokenNotSaved });
    const rescue = failures[0]?.rescuedTo as string;
    expect((error as DoctorError).details).toContain(`cafe24-doctor token restore ${rescue}`);
    store.full = false;
    await manager.flush();
    expect(manager.unsavedToken).toBeUndefined();
  });

  it("drops its unsaved token when a new authorization replaced the stored one meanwhile", async () => {
    const { emu, mall, store, manager } = await setup();
    store.full = true;
    emu.control.advanceClock(3 * HOUR);
    await manager.getAccessToken();
    store.full = false;
    const fresh = toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId);
    const current = await store.get(mall.mallId);
    await store.compareAndSet(mall.mallId, current?.revision, fresh);
    expect(await manager.getAccessToken()).toBe(fresh.accessToken);
    expect(manager.unsavedToken).toBeUndefined();
  });
});
