import { describe, expect, it } from "vitest";
import { createClockCheck, ntpCommand } from "../../../src/doctor/checks/clock.js";
import { HOUR } from "../../helpers/emulator.js";
import { expectNoSecrets, findingOf, runUpTo, type Scenario, scenario } from "./context-helper.js";

/** The clock check after network and authentication, with the host zone and platform fixed. */
async function clock(s: Scenario, timeZone = "UTC") {
  const deps = Object.fromEntries(await runUpTo(s.ctx, "authentication"));
  const result = await createClockCheck({ timeZone: () => timeZone, platform: "linux" }).run(s.ctx, deps);
  expectNoSecrets([result], s.secrets);
  return result;
}

describe("clock check", () => {
  it("finds the host in step with Cafe24's Date header, and reports the host zone", async () => {
    const s = await scenario();
    const result = await clock(s, "Asia/Seoul");
    expect(result.status).toBe("ok");
    expect(result.evidence).toMatchObject({
      hostTimeZone: "Asia/Seoul",
      hostUtcOffset: "+09:00",
      skewSeconds: 0,
      serverTimeFrom: "api",
      serverTime: "2026-11-27T20:41:00+09:00",
    });
  });

  it("names the 9-hour trap when the host clock is Korean wall time taken for UTC", async () => {
    const s = await scenario({ now: (t) => t + 9 * HOUR });
    const result = await clock(s);
    expect(result.status).toBe("fail");
    expect(result.summary.key).toBe("check.clock.summary.nineAhead");
    const finding = findingOf(result, "CLOCK_NINE_HOUR_SKEW");
    expect(finding.urgency).toBe("high");
    expect(finding.command).toBe("timedatectl set-ntp true");
    expect(result.evidence.skewSeconds).toBe(9 * 3600);
  });

  it("names the trap the other way round, give or take a few minutes of drift", async () => {
    const s = await scenario({ now: (t) => t - 9 * HOUR + 90_000 });
    const result = await clock(s);
    expect(result.summary.key).toBe("check.clock.summary.nineBehind");
    expect(findingOf(result, "CLOCK_NINE_HOUR_SKEW").cause.key).toBe("check.clock.nineBehind.cause");
  });

  it("warns (high) about a clock minutes off", async () => {
    const s = await scenario({ now: (t) => t + 5 * 60_000 });
    const result = await clock(s);
    expect(result.status).toBe("warn");
    const finding = findingOf(result, "CLOCK_SKEW");
    expect(finding.urgency).toBe("high");
    expect(finding.cause.params).toMatchObject({ seconds: 300 });
  });

  it("tolerates the Date header's one-second grain and ordinary drift", async () => {
    const s = await scenario({ now: (t) => t - 45_000 });
    expect((await clock(s)).status).toBe("ok");
  });

  it("uses the network probe's Date header when no API call was made, and makes none itself", async () => {
    const s = await scenario({ token: "none", now: (t) => t + 9 * HOUR });
    const result = await clock(s);
    expect(result.evidence.serverTimeFrom).toBe("network");
    expect(findingOf(result, "CLOCK_NINE_HOUR_SKEW").urgency).toBe("high");
    expect(s.ctx.api?.callsSpent).toBe(0);
  });

  it("is skipped when Cafe24 never answered, and says why", async () => {
    const s = await scenario({
      token: "none",
      lookup: async () => {
        throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
      },
    });
    const result = await clock(s);
    expect(result.status).toBe("skipped");
    expect(result.summary.key).toBe("check.clock.summary.noServerTime");
    expect(result.evidence.hostTimeZone).toBe("UTC");
  });

  it("gives each platform its own time-sync command", () => {
    expect(ntpCommand("linux")).toBe("timedatectl set-ntp true");
    expect(ntpCommand("darwin")).toBe("sudo sntp -sS time.apple.com");
    expect(ntpCommand("win32")).toBe("w32tm /resync");
  });
});
