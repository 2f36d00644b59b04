import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { buildReport } from "../../src/doctor/report/build-report.js";
import { renderProblems } from "../../src/doctor/report/render-terminal.js";
import { reportInputOf } from "../../src/doctor/report-input-of.js";
import { judgeProbeAnswer } from "../../src/doctor/verify-client-credentials.js";
import { createTranslator } from "../../src/i18n/translate.js";
import { useStores } from "../helpers/stores.js";
import { doctorEnv, type World, world } from "./scenarios/scenario-kit.js";

/** The CLI reads the host's clock: the emulator runs on it too (else the clock check rightly objects). */
const LIVE_CLOCK = { clock: { frozen: false, start: Date.now() } };

/** Findings a 403 or a refused refresh used to be mistaken for. */
const MISREADINGS = [
  "ACCESS_FORBIDDEN",
  "ACCESS_TOKEN_EXPIRED",
  "ACCESS_TOKEN_REJECTED",
  "SCOPE_MISSING",
  "SCOPE_REVOKED",
  "CLIENT_SECRET_REJECTED",
  "CLIENT_ID_REJECTED",
];

async function cli(w: World, args: string[], lang: "en" | "ko" = "en") {
  let out = "";
  let err = "";
  const code = await runCli([...args, "--lang", lang], {
    cwd: w.dir,
    env: doctorEnv(w.emu, w.mall, w.tokenFile),
    out: (line) => {
      out += `${line}\n`;
    },
    err: (line) => {
      err += `${line}\n`;
    },
  });
  return { code, out, err };
}

describe("the doctor on a mall whose app was removed", () => {
  const stores = useStores("file");

  it.each([
    ["deleted", "check", "APP_DELETED", "APP_DELETED_BY_MERCHANT"],
    ["deleted", "diagnose", "APP_DELETED", "APP_DELETED_BY_MERCHANT"],
    ["expired", "check", "APP_EXPIRED", "APP_EXPIRED"],
    ["expired", "diagnose", "APP_EXPIRED", "APP_EXPIRED"],
  ] as const)(
    "app %s, %s: names the removal only — no scope, token or secret finding beside it",
    async (state, kind, finding, rootCause) => {
      const w = await world({}, stores);
      await w.writeTokens();
      w.emu.control.setAppState(w.mall.mallId, state);
      const run = await w.run({ kind });
      const codes = run.problems.map((p) => p.finding.code);
      expect(codes).toContain(finding);
      expect(codes.filter((code) => MISREADINGS.includes(code))).toEqual([]);
      expect(run.rootCause?.code).toBe(rootCause);
      expect(run.rootCause?.command).toBe(`cafe24-doctor token login --mall ${w.mall.mallId}`);
      const byId = new Map(run.results.map((r) => [r.id, r]));
      expect(byId.get("authentication")?.status).toBe("fail");
      expect(byId.get("authentication")?.findings.map((f) => f.code)).toEqual([finding]);
      expect(byId.get("scope-coverage")?.findings).toEqual([]);
      expect(byId.get("data-apis")?.status).toBe("skipped");
      // Not one Admin call after the one that said so.
      expect(run.apiCalls.spent).toBe(1);
    },
  );

  it("says in both languages that it is neither a scope problem nor an expired token, and what to do", async () => {
    const w = await world({}, stores);
    await w.writeTokens();
    w.emu.control.setAppState(w.mall.mallId, "deleted");
    const run = await w.run({ kind: "check" });
    const en = createTranslator("en");
    const ko = createTranslator("ko");
    const render = (lang: "en" | "ko") =>
      renderProblems(buildReport(reportInputOf(run, lang, w.mall.mallId), lang === "en" ? en : ko), {
        color: false,
      });
    const english = render("en");
    expect(english).toContain("The merchant removed the app from the mall");
    expect(english).toContain("not a scope problem and not an expired token");
    expect(english).toContain("This app is deleted. Receive the consent of the operator again.");
    expect(english).toContain("cafe24-doctor token login --mall demomall");
    const korean = render("ko");
    expect(korean).toContain("쇼핑몰 운영자가 앱을 삭제했습니다");
    expect(korean).toContain("권한(scope) 문제도, 토큰 만료도 아닙니다");
    expect(korean).toContain("cafe24-doctor token login --mall demomall");
  });

  it("names the removal from the token endpoint's answer when no token is stored", async () => {
    const w = await world({}, stores);
    w.emu.control.setAppState(w.mall.mallId, "expired");
    const run = await w.run({ kind: "check" });
    const auth = run.results.find((r) => r.id === "authentication");
    expect(auth?.findings.map((f) => f.code)).toEqual(["APP_EXPIRED"]);
    expect(auth?.evidence.clientCredentials).toBe("inconclusive");
    expect(run.rootCause?.code).toBe("APP_EXPIRED");
  });

  it("goes back to healthy once the merchant reinstalls and a new token is stored", async () => {
    const w = await world({}, stores);
    await w.writeTokens();
    w.emu.control.setAppState(w.mall.mallId, "deleted");
    expect((await w.run()).rootCause?.code).toBe("APP_DELETED_BY_MERCHANT");
    w.emu.control.setAppState(w.mall.mallId, "active");
    // The old token died with the deletion: only a new consent helps, which the doctor says.
    expect((await w.run()).rootCause?.code).toBe("TOKEN_REVOKED_OR_ROTATED_ELSEWHERE");
    await w.writeTokens();
    expect((await w.run()).rootCause).toBeUndefined();
  });
});

describe("cafe24-doctor check on a deleted app", () => {
  const stores = useStores("file");

  it.each([[["check"]], [[]]])(
    "cafe24-doctor %j --json exits 2 naming the merchant's removal",
    async (args) => {
      const w = await world(LIVE_CLOCK, stores);
      await w.writeTokens();
      w.emu.control.setAppState(w.mall.mallId, "deleted");
      const result = await cli(w, [...args, "--json"]);
      expect(result.code, result.err).toBe(2);
      const report = JSON.parse(result.out);
      expect(report.rootCause.code).toBe("APP_DELETED_BY_MERCHANT");
      expect(report.rootCause.command).toBe("cafe24-doctor token login --mall demomall");
      expect(JSON.stringify(report.problems)).not.toMatch(/SCOPE_|ACCESS_TOKEN_|CLIENT_SECRET_REJECTED/);
    },
  );

  it("prints the cause in Korean on the terminal", async () => {
    const w = await world(LIVE_CLOCK, stores);
    await w.writeTokens();
    w.emu.control.setAppState(w.mall.mallId, "expired");
    const result = await cli(w, ["check"], "ko");
    expect(result.code, result.err).toBe(2);
    expect(result.out).toContain("쇼핑몰의 앱 사용 기간이 만료되었습니다");
    expect(result.out).toContain("cafe24-doctor token login --mall demomall");
  });
});

describe("the client-credentials probe", () => {
  it.each([
    ["This app is deleted.", "APP_DELETED"],
    ["This app has expired.", "APP_EXPIRED"],
  ])("does not read invalid_client %j as a wrong secret", (description, code) => {
    expect(
      judgeProbeAnswer({
        status: 401,
        oauthError: "invalid_client",
        description,
        code: "CAFE24_INVALID_CLIENT",
      }),
    ).toEqual({ verdict: "inconclusive", status: 401, error: "invalid_client", description, code });
  });

  it("still convicts a secret Cafe24 names as invalid", () => {
    expect(
      judgeProbeAnswer({
        status: 401,
        oauthError: "invalid_client",
        description: "Invalid client_secret",
        code: "CAFE24_INVALID_CLIENT",
      }),
    ).toMatchObject({ verdict: "rejected", which: "secret" });
  });
});
