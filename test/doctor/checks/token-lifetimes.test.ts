import { describe, expect, it } from "vitest";
import { formatKstNaive } from "../../../src/cafe24/kst.js";
import type { TokenSet } from "../../../src/cafe24/token-set.js";
import { createTokenLifetimesCheck } from "../../../src/doctor/checks/token-lifetimes.js";
import { DAY, HOUR } from "../../helpers/emulator.js";
import {
  expectNoSecrets,
  findingOf,
  runUpTo,
  type Scenario,
  scenario,
  writeTokenFile,
} from "./context-helper.js";

async function lifetimes(s: Scenario, timeZone = "Asia/Seoul") {
  const deps = Object.fromEntries(await runUpTo(s.ctx, "token-store"));
  const result = await createTokenLifetimesCheck({ timeZone: () => timeZone }).run(s.ctx, deps);
  expectNoSecrets([result], s.secrets);
  return result;
}

describe("token-lifetimes check", () => {
  it("reports a fresh token's remaining lives from its KST instants", async () => {
    const s = await scenario();
    s.emu.control.advanceClock(28 * 60_000);
    const result = await lifetimes(s);
    expect(result.status).toBe("ok");
    expect(result.findings).toEqual([]);
    expect(result.summary).toEqual({
      key: "check.token-lifetimes.summary.valid",
      params: { accessMs: 92 * 60_000, refreshMs: (14 * 24 * 60 - 28) * 60_000 },
    });
    expect(result.evidence).toMatchObject({
      accessExpiresAt: "2026-11-27T22:41:00+09:00",
      accessRemainingSeconds: 92 * 60,
      refreshExpiresAt: "2026-12-11T20:41:00+09:00",
    });
  });

  it("gives the same verdict whatever the host's time zone (no naive local time)", async () => {
    const s = await scenario();
    s.emu.control.advanceClock(HOUR);
    const seoul = await lifetimes(s, "Asia/Seoul");
    const utc = await lifetimes(s, "UTC");
    const la = await lifetimes(s, "America/Los_Angeles");
    expect(utc.summary).toEqual(seoul.summary);
    expect(la.summary).toEqual(seoul.summary);
    expect(utc.findings).toEqual([]);
  });

  it("calls an access token 3 h past its 2 h life expired (high), fixed by a refresh", async () => {
    const s = await scenario();
    s.emu.control.advanceClock(3 * HOUR);
    const result = await lifetimes(s);
    expect(result.status).toBe("expired");
    const finding = findingOf(result, "ACCESS_TOKEN_EXPIRED");
    expect(finding.urgency).toBe("high");
    expect(finding.command).toBe("cafe24-doctor token refresh");
    expect(result.summary.params).toMatchObject({ accessMs: HOUR });
  });

  it("calls a refresh token past 14 days expired (critical): only a new authorization helps", async () => {
    const s = await scenario();
    s.emu.control.advanceClock(15 * DAY);
    const result = await lifetimes(s);
    expect(result.status).toBe("expired");
    const finding = findingOf(result, "REFRESH_TOKEN_EXPIRED");
    expect(finding.urgency).toBe("critical");
    expect(finding.command).toBe("cafe24-doctor token login");
    expect(result.summary).toEqual({
      key: "check.token-lifetimes.summary.refreshExpired",
      params: { refreshMs: DAY },
    });
  });

  it("rates a refresh token under 3 days high and under 7 days medium", async () => {
    const s = await scenario();
    s.emu.control.advanceClock(12 * DAY);
    const soon = await lifetimes(s);
    expect(soon.status).toBe("expired");
    const urgent = findingOf(soon, "REFRESH_TOKEN_EXPIRING");
    expect(urgent.urgency).toBe("high");
    expect(urgent.command).toBe("cafe24-doctor token refresh");
    expect(urgent.cause.params).toMatchObject({ refreshMs: 2 * DAY });

    s.emu.control.setClock(s.emu.control.now() - 4 * DAY);
    const week = await lifetimes(s);
    expect(findingOf(week, "REFRESH_TOKEN_EXPIRING").urgency).toBe("medium");
    expect(findingOf(week, "ACCESS_TOKEN_EXPIRED").urgency).toBe("high");
  });

  it("warns when the old toolkit's local-time stamps are read on a host that is not on Korean time", async () => {
    const s = await scenario();
    const token = s.token as TokenSet;
    const stamp = (ms: number) => `${formatKstNaive(ms).slice(0, 19)}.197740.000`;
    await writeTokenFile(
      s,
      JSON.stringify({
        access_token: token.accessToken,
        refresh_token: token.refreshToken,
        expires_in: 7200,
        token_date: stamp(token.issuedAt ?? 0),
        scopes: token.scopes.join(","),
      }),
    );
    const onUtc = await lifetimes(s, "UTC");
    expect(onUtc.status).toBe("warn");
    const finding = findingOf(onUtc, "LEGACY_LOCAL_TIME_EXPIRY");
    expect(finding.urgency).toBe("medium");
    expect(finding.command).toBe("cafe24-doctor token refresh");
    expect(finding.cause.params).toMatchObject({ zone: "UTC", offset: "+00:00", hours: 9 });

    const onTokyo = await lifetimes(s, "Asia/Tokyo");
    expect(onTokyo.findings.map((f) => f.code)).not.toContain("LEGACY_LOCAL_TIME_EXPIRY");
  });

  it("says the lifetime is unknown for the old toolkit's bare CAFE24_ACCESS_TOKEN", async () => {
    const s = await scenario({
      token: "none",
      config: { legacyAccessToken: "LegacyEnvAccessToken0123456789" },
    });
    const result = await lifetimes(s);
    expect(result.status).toBe("warn");
    const finding = findingOf(result, "TOKEN_LIFETIME_UNKNOWN");
    expect(finding.urgency).toBe("medium");
    expect(finding.command).toBe("cafe24-doctor token login");
  });

  it("notes an unrecorded refresh expiry (older Cafe24 answers) as low", async () => {
    const s = await scenario();
    const token = s.token as TokenSet;
    await writeTokenFile(
      s,
      JSON.stringify({
        access_token: token.accessToken,
        refresh_token: token.refreshToken,
        expires_at: formatKstNaive(token.accessTokenExpiresAt),
        mall_id: s.mallId,
        scopes: token.scopes,
      }),
    );
    const result = await lifetimes(s);
    expect(result.summary.key).toBe("check.token-lifetimes.summary.validRefreshUnknown");
    expect(findingOf(result, "REFRESH_TOKEN_EXPIRY_UNKNOWN").urgency).toBe("low");
  });

  it("is skipped without a token, and says why", async () => {
    const s = await scenario({ token: "none" });
    const result = await lifetimes(s);
    expect(result.status).toBe("skipped");
    expect(result.summary.key).toBe("check.token-lifetimes.summary.noToken");
  });
});
