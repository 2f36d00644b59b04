import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { adminGet, httpTarget, refreshGrant } from "../helpers/emulator.js";
import { DURABLE_REDIS, type Stores, storeKinds, useStores } from "../helpers/stores.js";
import { expectCleanOutput, tokenProject } from "../token/token-cli-kit.js";

const DAY_SEC = 24 * 3600;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Over a token file: the built CLI in child processes. Over Redis: in-process through `storeFor`. */
for (const { kind, unavailable } of storeKinds(["file", "redis"], "the token commands over Redis")) {
  describe.skipIf(unavailable)(`over a ${kind} store`, () => {
    tokenCommands(useStores(kind, DURABLE_REDIS));
  });
}

function tokenCommands(stores: Stores) {
  describe("cafe24-doctor token status", () => {
    it("shows both expiries in KST and relative, scopes and the store; exit 0 when healthy; masks nothing it need not show", async () => {
      const p = await tokenProject({}, stores);
      await p.writeToken();
      const result = await p.cli(["token", "status", "--verify"]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(
        /Access token +expires \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00 \(in (1 h 59 min|2 h)\)/,
      );
      expect(result.stdout).toMatch(/Refresh token +expires .*\+09:00 \(in 1\d d/);
      expect(result.stdout).toContain("mall.read_product");
      expect(result.stdout).toContain(p.location);
      expect(result.stdout).toContain("GET /apps → 200: accepted");
      expect(result.stdout).toContain("Healthy");
      expectCleanOutput(result, p.secrets());

      const ko = await p.cli(["token", "status", "--lang", "ko"]);
      expect(ko.stdout).toMatch(/\(1시간 59분 남음\)|\(2시간 남음\)/);
      expect(ko.stdout).toContain("[정상]");
    });

    it("prints JSON with --json, and prints once when --follow has no terminal", async () => {
      const p = await tokenProject({}, stores);
      await p.writeToken();
      const json = await p.cli(["token", "status", "--json"]);
      const body = JSON.parse(json.stdout);
      expect(body).toMatchObject({ mallId: p.mall.mallId, health: "healthy", exitCode: 0, next: null });
      expect(body.accessToken.expiresAt).toMatch(/\+09:00$/);
      expect(body.accessToken.remainingSeconds).toBeGreaterThan(7000);
      expectCleanOutput(json, p.secrets());
      const follow = await p.cli(["token", "status", "--follow"]);
      expect(follow.code).toBe(0);
      expect(follow.stdout.match(/Tokens of mall/g)).toHaveLength(1);
    });

    it("warns (exit 1) when the refresh token ends within 3 days", async () => {
      const p = await tokenProject({ ttl: { refreshSec: 2 * DAY_SEC } }, stores);
      await p.writeToken();
      const result = await p.cli(["token", "status"]);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain("Warning: the refresh token ends within 3 days");
      expect(result.stdout).toContain("Next: cafe24-doctor token refresh");
    });

    it("says expired (exit 2) and names the refresh; a dead refresh token names token login", async () => {
      const p = await tokenProject({ ttl: { accessSec: 1 } }, stores);
      await p.writeToken();
      await pause(1100);
      const access = await p.cli(["token", "status", "--verify"]);
      expect(access.code).toBe(2);
      expect(access.stdout).toMatch(/Access token +EXPIRED .* ago\)/);
      expect(access.stdout).toContain("expired (");
      expect(access.stdout).toContain("Next: cafe24-doctor token refresh");

      const q = await tokenProject({ ttl: { accessSec: 1, refreshSec: 1 } }, stores);
      await q.writeToken();
      await pause(1100);
      const refresh = await q.cli(["token", "status"]);
      expect(refresh.code).toBe(2);
      expect(refresh.stdout).toContain("Re-authorization needed");
      expect(refresh.stdout).toContain("Next: cafe24-doctor token login");
    });

    it("exits 2 with the next command when there is no token", async () => {
      const p = await tokenProject({}, stores);
      const result = await p.cli(["token", "status"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("cafe24-doctor token login");
    });
  });

  describe("cafe24-doctor token refresh", () => {
    it("refreshes once through the lock, verifies, prints the new expiries with masked tokens only", async () => {
      const p = await tokenProject({}, stores);
      const before = await p.writeToken();
      const result = await p.cli(["token", "refresh"]);
      expect(result.code, result.stderr).toBe(0);
      const after = await p.readToken();
      expect(after?.refreshToken).not.toBe(before.refreshToken);
      expect(result.stdout).toContain("Refreshed the tokens");
      expect(result.stdout).toContain(`${after?.accessToken.slice(0, 2)}…${after?.accessToken.slice(-2)}`);
      expect(result.stdout).toContain("accepted");
      const stats = p.emu.control.stats();
      expect(stats.grants.refresh_token).toBe(1);
      expect(stats.invalidGrant).toBe(0);
      expectCleanOutput(result, p.secrets());
    });

    it("two refreshes at once both succeed without invalid_grant: the lock serialises them", async () => {
      const p = await tokenProject({}, stores);
      await p.writeToken();
      const results = await Promise.all([p.cli(["token", "refresh"]), p.cli(["token", "refresh"])]);
      expect(results.map((r) => r.code)).toEqual([0, 0]);
      const stats = p.emu.control.stats();
      // One refresh when the second process finds the first one's token under the lock, two when it started later.
      expect([1, 2]).toContain(stats.grants.refresh_token);
      expect(stats.invalidGrant).toBe(0);
      expect((await p.cli(["token", "status", "--verify"])).code).toBe(0);
    });

    it("on a dead refresh token says re-authorization is required and names token login (exit 2)", async () => {
      const p = await tokenProject({}, stores);
      await p.writeToken();
      p.emu.control.expireTokens(p.mall.mallId, "refresh");
      const result = await p.cli(["token", "refresh"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        "The merchant must authorize the app again: run `cafe24-doctor token login`",
      );
      expectCleanOutput(result, p.secrets());
      const ko = await p.cli(["token", "refresh", "--lang", "ko"]);
      expect(ko.stderr).toContain("다시 승인해야 합니다");
    });
  });

  describe("cafe24-doctor token revoke", () => {
    it("revokes the refresh token (both die), deletes the stored token and names token login", async () => {
      const p = await tokenProject({}, stores);
      const token = await p.writeToken();
      const result = await p.cli(["token", "revoke", "--yes"]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain("Revoked the refresh token");
      expect(result.stdout).toContain("Next: cafe24-doctor token login");
      expect(await p.hasToken()).toBe(false);
      expect(existsSync(p.tokenFile)).toBe(false);
      const target = { ...httpTarget(p.emu), mall: { ...p.mall, clientSecret: p.clientSecret } };
      expect((await adminGet(target, "/store", token.accessToken)).status).toBe(401);
      // A dead refresh token is answered 401 "Invalid refresh_token", as observed live.
      expect((await refreshGrant(target, token.refreshToken)).status).toBe(401);
      expect(p.emu.control.stats().revocations).toBe(1);
      expectCleanOutput(result, p.secrets());

      const again = await p.cli(["token", "revoke", "--yes"]);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain("nothing to revoke");
    });
  });
}
