import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { adminGet, httpTarget } from "../helpers/emulator.js";
import { DURABLE_REDIS, type Stores, storeKinds, useStores } from "../helpers/stores.js";
import {
  approveConsent,
  authorizeUrlIn,
  expectCleanOutput,
  fileMode,
  tokenProject,
} from "../token/token-cli-kit.js";

const pendingOf = (tokenFile: string) => `${tokenFile}.pending`;

/** Over a token file: the built CLI in child processes. Over Redis: in-process through `storeFor`. */
for (const { kind, unavailable } of storeKinds(["file", "redis"], "token exchange over Redis")) {
  describe.skipIf(unavailable)(`over a ${kind} store`, () => {
    tokenExchange(useStores(kind, DURABLE_REDIS));
  });
}

function tokenExchange(stores: Stores) {
  describe("cafe24-doctor token exchange", () => {
    it("prints an authorize URL with a fresh state, then exchanges the redirected URL, stores and verifies the token", async () => {
      const p = await tokenProject({}, stores);
      const first = await p.cli(["token", "exchange"]);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toContain("60 seconds");
      const url = authorizeUrlIn(first.stdout);
      expect(await fileMode(pendingOf(p.tokenFile))).toBe(0o600);
      const again = authorizeUrlIn((await p.cli(["token", "exchange"])).stdout);
      expect(new URL(again).searchParams.get("state")).not.toBe(new URL(url).searchParams.get("state"));

      const location = await approveConsent(again);
      const second = await p.cli(["token", "exchange", location]);
      expect(second.code, second.stderr).toBe(0);
      expect(second.stdout).toContain("Authorized mall");
      expect(second.stdout).toMatch(/Access token +expires \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00 \(in 2 h\)/);
      expect(second.stdout).toMatch(/\w{2}…\w{2}/);
      expect(second.stdout).toMatch(/GET \/apps → 200: accepted/);
      expect(existsSync(pendingOf(p.tokenFile))).toBe(false);

      const token = await p.readToken();
      expect(token).toBeDefined();
      if (p.kind === "file") expect(await fileMode(p.tokenFile)).toBe(0o600);
      else expect(existsSync(p.tokenFile)).toBe(false);
      const call = await adminGet(httpTarget(p.emu), "/store", token?.accessToken);
      expect(call.status).toBe(200);
      expect(p.emu.control.stats().grants.authorization_code).toBe(1);
      expectCleanOutput(second, p.secrets());
    });

    it("accepts the bare code too", async () => {
      const p = await tokenProject({}, stores);
      const location = await approveConsent(authorizeUrlIn((await p.cli(["token", "exchange"])).stdout));
      const code = new URL(location).searchParams.get("code") ?? "";
      const result = await p.cli(["token", "exchange", code]);
      expect(result.code, result.stderr).toBe(0);
      expect(p.emu.control.stats().grants.authorization_code).toBe(1);
    });

    it("refuses a redirect whose state is not the pending one: exit 2, CAFE24_STATE_MISMATCH, nothing exchanged", async () => {
      const p = await tokenProject({}, stores);
      const location = new URL(
        await approveConsent(authorizeUrlIn((await p.cli(["token", "exchange"])).stdout)),
      );
      location.searchParams.set("state", "forged-state");
      const result = await p.cli(["token", "exchange", location.toString()]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("state does not match");
      expect(result.stderr).toContain("cafe24-doctor token exchange");
      expect(p.emu.control.stats().grants.authorization_code).toBe(0);
      expect(await p.hasToken()).toBe(false);
      expect(existsSync(p.tokenFile)).toBe(false);
      expectCleanOutput(result, p.secrets());
    });

    it("explains a late code: codes live 60 s and work once (exit 2)", async () => {
      const p = await tokenProject({ ttl: { codeSec: 1 } }, stores);
      const location = await approveConsent(authorizeUrlIn((await p.cli(["token", "exchange"])).stdout));
      await new Promise((resolve) => setTimeout(resolve, 1200));
      const result = await p.cli(["token", "exchange", location]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("Codes live 60 s and work once");
      expect(result.stderr).toContain("run `cafe24-doctor token exchange` again");
      expect(result.stderr).toContain("Code time expired");
      expectCleanOutput(result, p.secrets());
    });

    it("explains a reused code (exit 2) and leaves the first token in place", async () => {
      const p = await tokenProject({}, stores);
      const location = await approveConsent(authorizeUrlIn((await p.cli(["token", "exchange"])).stdout));
      expect((await p.cli(["token", "exchange", location])).code).toBe(0);
      const stored = await p.readToken();
      const reused = await p.cli(["token", "exchange", location]);
      expect(reused.code).toBe(2);
      expect(reused.stderr).toContain("already used");
      expect(reused.stderr).toContain("Codes live 60 s and work once");
      expect((await p.readToken())?.refreshToken).toBe(stored?.refreshToken);
      expectCleanOutput(reused, p.secrets());
    });

    it("says the redirect URI must equal Developer Center's exactly (exit 2), in Korean too", async () => {
      const p = await tokenProject({}, stores);
      const location = await approveConsent(authorizeUrlIn((await p.cli(["token", "exchange"])).stdout));
      const code = new URL(location).searchParams.get("code") ?? "";
      const wrong = { CAFE24_REDIRECT_URI: `${p.mall.redirectUri}/` };
      const result = await p.cli(["token", "exchange", code], { env: wrong });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("must equal the Redirect URI registered in Developer Center exactly");
      const ko = await p.cli(["token", "exchange", code, "--lang", "ko"], { env: wrong });
      expect(ko.code).toBe(2);
      expect(ko.stderr).toContain("정확히 같아야 합니다");
      expectCleanOutput(result, p.secrets());
    });

    it("replaces a corrupt stored token instead of failing on it", async () => {
      const p = await tokenProject({}, stores);
      await p.writeRaw('{"access_token": "trunc');
      const location = await approveConsent(authorizeUrlIn((await p.cli(["token", "exchange"])).stdout));
      const result = await p.cli(["token", "exchange", location]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain("corrupt");
      expect(await p.readToken()).toBeDefined();
    });

    it("names every missing setting and exits 3", async () => {
      const p = await tokenProject({}, stores);
      const result = await p.cli(["token", "exchange"], {
        env: { CAFE24_CLIENT_ID: "", CAFE24_REDIRECT_URI: "" },
      });
      expect(result.code).toBe(3);
      expect(result.stderr).toContain("CAFE24_CLIENT_ID");
    });
  });
}
