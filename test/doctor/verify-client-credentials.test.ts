import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import {
  assertClientCredentials,
  judgeProbeAnswer,
  verifyClientCredentials,
} from "../../src/doctor/verify-client-credentials.js";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { createTranslator } from "../../src/i18n/translate.js";
import { launch, secretOf } from "../helpers/emulator.js";
import { redisUnavailable } from "../helpers/redis-server.js";
import { DURABLE_REDIS, useStores } from "../helpers/stores.js";
import { doctorEnv, world } from "./scenarios/scenario-kit.js";

const answer = (oauthError: string, description: string, status = 400) => ({
  status,
  oauthError,
  description,
  code: ERROR_CODES.oauthFailed,
});

describe("judging the probe grant: error and description together (docs/cafe24-facts.md §2.7)", () => {
  it.each([
    ["invalid_client", "Invalid client_secret", "rejected"],
    ["invalid_grant", "Invalid client_secret", "rejected"],
    ["invalid_client", "Invalid client_id", "rejected"],
    ["invalid_grant", "Invalid refresh_token", "accepted"],
    // One report has a dead refresh token answered invalid_client: the description decides.
    ["invalid_client", "refresh_token time expired", "accepted"],
    ["invalid_grant", "", "accepted"],
    // invalid_client alone convicts nothing.
    ["invalid_client", "", "inconclusive"],
    ["server_error", "", "inconclusive"],
  ] as const)("%s %j → %s", (error, description, verdict) => {
    expect(judgeProbeAnswer(answer(error, description)).verdict).toBe(verdict);
  });
});

describe("verifyClientCredentials against the emulator", () => {
  it.each([
    ["as observed live: 401 invalid_grant", "invalid_grant"],
    ["in the other reported shape: 401 invalid_client", "invalid_client"],
  ] as const)(
    "accepts the app's secret and rejects another answered %s, without touching any grant",
    async (_label, shape) => {
      const emu = await launch({ oauth: { wrongSecretError: shape } });
      const mall = emu.malls[0];
      if (!mall) throw new Error("no mall");
      const config = {
        mallId: mall.mallId,
        clientId: mall.clientId,
        baseUrl: emu.baseUrlTemplate,
        allowInsecureLoopback: true,
      };
      expect((await verifyClientCredentials({ ...config, clientSecret: secretOf(mall) })).verdict).toBe(
        "accepted",
      );
      const wrong = await verifyClientCredentials({ ...config, clientSecret: "WrongSecret123" });
      expect(wrong).toMatchObject({
        verdict: "rejected",
        which: "secret",
        error: shape,
        description: "Invalid client_secret",
        status: 401,
      });
    },
  );

  it("assertClientCredentials throws CAFE24_INVALID_CLIENT with the doctor's cause and fix, in ko and en", async () => {
    const emu = await launch();
    const mall = emu.malls[0];
    if (!mall) throw new Error("no mall");
    const config = {
      mallId: mall.mallId,
      clientId: mall.clientId,
      clientSecret: "WrongSecret123",
      baseUrl: emu.baseUrlTemplate,
      allowInsecureLoopback: true,
    };
    for (const [lang, fix] of [
      ["en", "Copy the current client secret from Cafe24 Developer Center"],
      ["ko", "현재 client secret을 복사해 .env"],
    ] as const) {
      const error = await assertClientCredentials(config, createTranslator(lang)).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: ERROR_CODES.invalidClient });
      expect((error as { details: string[] }).details.join("\n")).toContain(fix);
    }
    await expect(
      assertClientCredentials({ ...config, clientSecret: secretOf(mall) }, createTranslator("en")),
    ).resolves.toBeUndefined();
  });
});

describe("watch refuses to start on a secret Cafe24 rejects", () => {
  const stores = useStores("file");

  it("exits 3 with the cause and the fix, before watching anything", async () => {
    const w = await world({}, stores);
    await w.writeTokens();
    let err = "";
    const code = await runCli(["watch", "--once", "--no-status", "--lang", "en"], {
      cwd: w.dir,
      env: { ...doctorEnv(w.emu, w.mall, w.tokenFile), CAFE24_CLIENT_SECRET: "WrongSecret123" },
      out: () => {},
      err: (line) => {
        err += `${line}\n`;
      },
    });
    expect(code).toBe(3);
    expect(err).toContain("Cafe24 rejects the app's client secret (invalid_grant: Invalid client_secret)");
    expect(err).toContain("into .env (CAFE24_CLIENT_SECRET, no spaces) and redeploy");
    expect(err).not.toContain("WrongSecret123");
  });
});

describe.skipIf(redisUnavailable("the watch credentials check over Redis"))(
  "watch over Redis without CAFE24_MALL_ID",
  () => {
    const stores = useStores("redis", DURABLE_REDIS);

    it("probes the credentials on the first mall the store holds and refuses a wrong secret", async () => {
      const w = await world({}, stores);
      await w.writeTokens();
      const { CAFE24_MALL_ID: _named, ...env } = doctorEnv(w.emu, w.mall, w.tokenFile);
      let err = "";
      const code = await runCli(["watch", "--once", "--no-status", "--lang", "en"], {
        cwd: w.dir,
        env: { ...env, CAFE24_CLIENT_SECRET: "WrongSecret123" },
        storeFor: () => stores.open({ clientId: w.mall.clientId }),
        out: () => {},
        err: (line) => {
          err += `${line}\n`;
        },
      });
      expect(code).toBe(3);
      expect(err).toContain("Cafe24 rejects the app's client secret");
      expect(err).not.toContain("WrongSecret123");
    });
  },
);
