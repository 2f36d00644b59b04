import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toTokenSet } from "../../../src/cafe24/token-response.js";
import { canFixByRefresh, refreshForFix } from "../../../src/doctor/fix-by-refresh.js";
import { buildReport } from "../../../src/doctor/report/build-report.js";
import { renderProblems, renderStatusLines } from "../../../src/doctor/report/render-terminal.js";
import { verdictOf } from "../../../src/doctor/report/verdict.js";
import { reportInputOf } from "../../../src/doctor/report-input-of.js";
import { createTranslator } from "../../../src/i18n/translate.js";
import type { TokenStore } from "../../../src/store/token-store.js";
import { HOUR } from "../../helpers/emulator.js";
import { DURABLE_REDIS, type Stores, storeKinds, useStores } from "../../helpers/stores.js";
import { type World, world, writeFile } from "./scenario-kit.js";

/** A store of the kind holding a token the world's emulator issued; the configured token file is never made. */
async function storeOf(stores: Stores, w: World): Promise<TokenStore> {
  const store = stores.open({ clientId: w.mall.clientId });
  const json = w.emu.control.issueTokens(w.mall.mallId);
  await store.compareAndSet(w.mall.mallId, undefined, toTokenSet(json, w.mall.mallId));
  return store;
}

for (const { kind, unavailable } of storeKinds(["memory", "redis"], "the doctor over a Redis store")) {
  describe.skipIf(unavailable)(`the doctor reads the ${kind} token store it is given`, () => {
    givenStore(useStores(kind, DURABLE_REDIS));
  });
}

function givenStore(stores: Stores) {
  it(`diagnoses over a ${stores.kind} store, quick and full: healthy, and no file findings`, async () => {
    const w = await world();
    const store = await storeOf(stores, w);
    const askedGit: string[] = [];
    for (const kind of ["diagnose", "check"] as const) {
      const run = await w.run({
        kind,
        store,
        isTrackedByGit: async (path) => {
          askedGit.push(path);
          return false;
        },
      });
      expect(
        run.problems.map((p) => p.finding.code),
        kind,
      ).toEqual([]);
      expect(verdictOf(run.results), kind).toEqual({ status: "healthy", exitCode: 0 });
      const tokenStore = run.results.find((r) => r.id === "token-store");
      expect(tokenStore?.status).toBe("ok");
      expect(tokenStore?.evidence).toEqual({ store: store.location, scopes: w.mall.scopes.length });
      expect(run.results.find((r) => r.id === "authentication")?.status).toBe("ok");
    }
    expect(askedGit).toEqual([]);
    expect(existsSync(w.tokenFile)).toBe(false);
    if (stores.kind === "memory") expect(store.location).toBe("memory");
  });

  it("--fix refreshes into the same store, after which the diagnosis is healthy again", async () => {
    const w = await world();
    const store = await storeOf(stores, w);
    const before = (await store.get(w.mall.mallId))?.token.refreshToken;
    w.emu.control.advanceClock(3 * HOUR);
    const expired = await w.run({ kind: "diagnose", store });
    expect(expired.rootCause?.code).toBe("ACCESS_TOKEN_NOT_REFRESHED");
    expect(canFixByRefresh(expired)).toBe(true);

    await refreshForFix(await w.config(), { store });
    expect((await store.get(w.mall.mallId))?.token.refreshToken).not.toBe(before);
    expect(verdictOf((await w.run({ kind: "diagnose", store })).results).exitCode).toBe(0);
    expect(existsSync(w.tokenFile)).toBe(false);
  });
}

describe("a corrupt token file", () => {
  it("is reported as corrupt (TOKEN_FILE_INVALID), never as a missing access token, in both languages", async () => {
    const w = await world();
    await writeFile(w.tokenFile, '{"access_token": "trunc', { mode: 0o600 });
    const run = await w.run();
    expect(run.problems[0]?.finding.code).toBe("TOKEN_FILE_INVALID");
    expect(run.problems.map((p) => p.finding.code)).not.toContain("TOKEN_FILE_MISSING");
    expect(run.results.find((r) => r.id === "authentication")?.summary.key).toBe(
      "check.authentication.summary.tokenUnusable",
    );
    for (const lang of ["en", "ko"] as const) {
      const t = createTranslator(lang);
      const report = buildReport(reportInputOf(run, lang, w.mall.mallId), t);
      const text = `${renderStatusLines(report, { color: false })}\n${renderProblems(report, { color: false })}`;
      expect(text).toContain(t("check.token-store.invalid.cause", { file: "oauth_token.json" }));
      expect(text).not.toContain(t("check.authentication.summary.noToken"));
      expect(text).not.toContain(t("check.token-store.summary.missing", { file: "oauth_token.json" }));
    }
  });
});
