import { describe, expect, it } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { tokenId } from "../../src/emulator/state/tokens.js";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { Cafe24Client } from "../../src/http/cafe24-client.js";
import { MemoryTokenStore } from "../../src/store/memory-token-store.js";
import { TokenManager } from "../../src/tokens/token-manager.js";
import type { FetchLike } from "../../src/util/runtime.js";
import { HOUR, launch, oauthOf } from "../helpers/emulator.js";
import { signal } from "../helpers/signal.js";

/**
 * A token endpoint whose traffic the test releases by hand: `sent` resolves when a refresh reaches the
 * gate; with `hold: "answer"` Cafe24 has already rotated by then (the answer waits), with `hold: "request"`
 * the request waits before it reaches Cafe24.
 */
function gatedFetch(hold: "answer" | "request") {
  const { done: gate, fire: open } = signal();
  const { done: sent, fire: reached } = signal();
  const fetchFn: FetchLike = async (input, init) => {
    if (!String(input).includes("/oauth/token")) return fetch(input, init);
    if (hold === "request") {
      reached();
      await gate;
      return fetch(input, init);
    }
    const response = await fetch(input, init);
    reached();
    await gate;
    return response;
  };
  return { fetch: fetchFn, sent, open };
}

async function setup(gate: { fetch: FetchLike }) {
  const emu = await launch();
  const mall = emu.malls[0];
  if (!mall?.clientSecret) throw new Error("demo mall expected");
  const store = new MemoryTokenStore({ now: () => emu.control.now() });
  await store.compareAndSet(
    mall.mallId,
    undefined,
    toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId),
  );
  const oauth = oauthOf(emu, mall, { fetch: gate.fetch });
  const manager = new TokenManager({ store, now: () => emu.control.now(), oauth });
  emu.control.advanceClock(3 * HOUR);
  return { emu, mall, store, manager };
}

/** The store holds the refresh token Cafe24 considers current, and no refresh was refused. */
async function expectStoreLive(emu: RunningEmulator, store: MemoryTokenStore, mallId: string) {
  const stored = await store.get(mallId);
  expect(tokenId(stored?.token.refreshToken ?? "")).toBe(emu.control.stats().currentRefreshTokenId);
  expect(emu.control.stats().invalidGrant).toBe(0);
}

const aborted = { code: ERROR_CODES.aborted };

describe("TokenManager — a caller's cancellation never cancels the shared refresh", () => {
  it("serves the other caller and stores the rotated token when the first caller aborts after Cafe24 answered", async () => {
    const gate = gatedFetch("answer");
    const { emu, mall, store, manager } = await setup(gate);
    const first = new AbortController();
    const a = manager.getAccessToken({ signal: first.signal });
    const b = manager.getAccessToken();
    await gate.sent;
    first.abort();
    // Rejected while Cafe24's answer is still held: the aborting caller does not wait for the refresh.
    await expect(a).rejects.toMatchObject(aborted);
    gate.open();
    const token = await b;
    const status = await fetch(`${emu.url}/api/v2/admin/store`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(status.status).toBe(200);
    await expectStoreLive(emu, store, mall.mallId);
    // The next refresh uses the stored (rotated) refresh token and is accepted.
    await manager.forceRefresh();
    expect(emu.control.stats().grants.refresh_token).toBe(2);
    await expectStoreLive(emu, store, mall.mallId);
  });

  it("finishes and stores the refresh when its only caller aborts while the request is in flight", async () => {
    const gate = gatedFetch("request");
    const { emu, mall, store, manager } = await setup(gate);
    const caller = new AbortController();
    const refreshed = new Promise((resolve) => manager.once("refreshed", resolve));
    const call = manager.getAccessToken({ signal: caller.signal });
    await gate.sent;
    caller.abort();
    await expect(call).rejects.toMatchObject(aborted);
    gate.open();
    await refreshed;
    expect(emu.control.stats().grants.refresh_token).toBe(1);
    await expectStoreLive(emu, store, mall.mallId);
  });

  it("lets a caller waiting for the lock give up without stopping the refresh that follows", async () => {
    const gate = gatedFetch("request");
    gate.open();
    const { emu, mall, store, manager } = await setup(gate);
    const { done: held, fire: release } = signal();
    const { done: lockTaken, fire: locked } = signal();
    const holder = store.withLock(mall.mallId, async () => {
      locked();
      await held;
    });
    await lockTaken;
    const caller = new AbortController();
    const refreshed = new Promise((resolve) => manager.once("refreshed", resolve));
    const call = manager.getAccessToken({ signal: caller.signal });
    caller.abort();
    await expect(call).rejects.toMatchObject(aborted);
    expect(emu.control.stats().grants.refresh_token).toBe(0);
    release();
    await holder;
    await refreshed;
    await expectStoreLive(emu, store, mall.mallId);
  });

  it("serves every waiting caller but the two that abort, with one refresh", async () => {
    const gate = gatedFetch("answer");
    const { emu, mall, store, manager } = await setup(gate);
    const controllers = Array.from({ length: 5 }, () => new AbortController());
    const calls = controllers.map((c) => manager.getAccessToken({ signal: c.signal }));
    await gate.sent;
    controllers[1]?.abort();
    controllers[3]?.abort();
    gate.open();
    const settled = await Promise.allSettled(calls);
    expect(settled.map((s) => s.status)).toEqual([
      "fulfilled",
      "rejected",
      "fulfilled",
      "rejected",
      "fulfilled",
    ]);
    const tokens = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    expect(new Set(tokens).size).toBe(1);
    expect(emu.control.stats().grants.refresh_token).toBe(1);
    await expectStoreLive(emu, store, mall.mallId);
  });

  it("fails every waiting caller with CAFE24_TIMEOUT when the refresh POST itself times out, keeping the stored token", async () => {
    const emu = await launch();
    const mall = emu.malls[0];
    if (!mall?.clientSecret) throw new Error("demo mall expected");
    const store = new MemoryTokenStore({ now: () => emu.control.now() });
    const seed = toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId);
    await store.compareAndSet(mall.mallId, undefined, seed);
    // A black hole: the request never reaches Cafe24 and only its own timeout ends it.
    const blackHole: FetchLike = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason), { once: true });
      });
    const manager = new TokenManager({
      store,
      now: () => emu.control.now(),
      refreshTimeoutMs: 5,
      oauth: oauthOf(emu, mall, { fetch: blackHole }),
    });
    const failures: string[] = [];
    manager.on("refresh-failed", (event) => failures.push(event.code));
    emu.control.advanceClock(3 * HOUR);
    const results = await Promise.allSettled([manager.getAccessToken(), manager.getAccessToken()]);
    for (const result of results) {
      expect(result.status).toBe("rejected");
      expect((result as PromiseRejectedResult).reason).toMatchObject({ code: ERROR_CODES.timeout });
    }
    expect(failures).toEqual([ERROR_CODES.timeout]);
    expect((await store.get(mall.mallId))?.token.refreshToken).toBe(seed.refreshToken);
  });

  it("answers a Cafe24Client call that is aborted during the refresh with CAFE24_ABORTED and serves the others", async () => {
    const gate = gatedFetch("answer");
    const { emu, mall, store, manager } = await setup(gate);
    const client = new Cafe24Client({
      mallId: mall.mallId,
      tokens: manager,
      baseUrl: emu.baseUrlTemplate,
      allowInsecureLoopback: true,
    });
    const impatient = new AbortController();
    const cancelled = client.get("/store", { signal: impatient.signal });
    const patient = client.get("/store");
    await gate.sent;
    impatient.abort();
    await expect(cancelled).rejects.toMatchObject(aborted);
    gate.open();
    expect((await patient).status).toBe(200);
    await expectStoreLive(emu, store, mall.mallId);
  });
});
