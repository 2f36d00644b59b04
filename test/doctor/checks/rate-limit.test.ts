import { describe, expect, it } from "vitest";
import { dataApisCheck } from "../../../src/doctor/checks/data-apis.js";
import { rateLimitCheck } from "../../../src/doctor/checks/rate-limit.js";
import { createTranslator } from "../../../src/i18n/translate.js";
import { offlineContext, type Scenario, scenario, testConfig } from "./context-helper.js";

/** One Admin API call, as an earlier check would make it. */
async function earlierCall(h: Scenario): Promise<void> {
  await h.ctx.api?.get("/products/count");
}

describe("check 9: rate-limit headroom", () => {
  it("reads the headroom from earlier answers without a call of its own", async () => {
    const h = await scenario();
    await dataApisCheck.run(h.ctx, h.deps);
    const spent = h.gets();
    const outcome = await rateLimitCheck.run(h.ctx, {});
    expect(h.gets()).toBe(spent);
    expect(outcome.status).toBe("ok");
    expect(outcome.findings).toEqual([]);
    // The emulator's clock is frozen, so the doctor's own five calls are all still in the bucket.
    expect(outcome.evidence).toMatchObject({
      callLimit: "5/40",
      bucketPercent: 13,
      rejected429: 0,
      doctorCalls: 5,
    });
  });

  it("warns when another process keeps the bucket at 80% or more", async () => {
    const h = await scenario();
    h.emu.control.fillBucket(h.mallId, 33);
    await earlierCall(h);
    const outcome = await rateLimitCheck.run(h.ctx, {});
    expect(outcome.status).toBe("warn");
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        code: "BUCKET_NEARLY_FULL",
        urgency: "medium",
        evidence: { callLimit: "34/40", bucketPercent: 85 },
      }),
    ]);
  });

  it("fails when Cafe24 answered 429", async () => {
    const h = await scenario();
    h.emu.control.fillBucket(h.mallId, 40);
    await earlierCall(h);
    const outcome = await rateLimitCheck.run(h.ctx, {});
    expect(outcome.status).toBe("fail");
    expect(outcome.findings.map((f) => [f.code, f.urgency])).toEqual([["RATE_LIMITED", "high"]]);
    expect(outcome.evidence.rejected429).toBe(1);
  });

  it("fails with the block's length when the usage quota is exhausted", async () => {
    const h = await scenario({ emulator: { usage: { enabled: true } } });
    h.emu.control.setUsage(h.mallId, 120, 50);
    await earlierCall(h);
    const outcome = await rateLimitCheck.run(h.ctx, {});
    expect(outcome.status).toBe("fail");
    expect(outcome.findings).toHaveLength(1);
    const [finding] = outcome.findings;
    expect(finding).toMatchObject({ code: "USAGE_EXHAUSTED", urgency: "high" });
    const seconds = finding?.evidence?.remainSeconds;
    expect(seconds).toBeGreaterThan(0);
    const ko = createTranslator("ko")(finding?.cause.key ?? "cli.error.prefix", finding?.cause.params);
    expect(ko).toContain(`${seconds}초`);
  });

  it("warns when a usage quota passes 80%", async () => {
    const h = await scenario({ emulator: { usage: { enabled: true } } });
    h.emu.control.setUsage(h.mallId, 85, 10);
    await earlierCall(h);
    const outcome = await rateLimitCheck.run(h.ctx, {});
    expect(outcome.status).toBe("warn");
    expect(outcome.findings.map((f) => f.code)).toEqual(["USAGE_HIGH"]);
    expect(outcome.evidence.callUsage).toBeGreaterThanOrEqual(85);
  });

  it("is skipped when no check called the API", async () => {
    const outcome = await rateLimitCheck.run(offlineContext(testConfig()), {});
    expect(outcome.status).toBe("skipped");
  });
});
