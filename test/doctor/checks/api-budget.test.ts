import { describe, expect, it } from "vitest";
import { apiVersionCheck } from "../../../src/doctor/checks/api-version.js";
import { dataApisCheck, MAX_DATA_CALLS } from "../../../src/doctor/checks/data-apis.js";
import { rateLimitCheck } from "../../../src/doctor/checks/rate-limit.js";
import { MAX_SCOPE_PROBES, scopeCoverageCheck } from "../../../src/doctor/checks/scope-coverage.js";
import type { CheckDefinition } from "../../../src/doctor/context.js";
import { DEFAULT_API_BUDGET } from "../../../src/doctor/doctor-api.js";
import { createDoctorApi } from "../../../src/doctor/run-doctor.js";
import { ERROR_CODES } from "../../../src/errors/doctor-error.js";
import { scenario } from "./context-helper.js";

/** Declared shares of the 20-call budget: scope probes, data reads, GET /apps, headers only. */
const SHARES: [CheckDefinition, number][] = [
  [scopeCoverageCheck, MAX_SCOPE_PROBES],
  [dataApisCheck, MAX_DATA_CALLS],
  [apiVersionCheck, 1],
  [rateLimitCheck, 0],
];

describe("checks 7–10 together", () => {
  it("stay within their declared shares of the API budget, counted by the emulator", async () => {
    const h = await scenario({
      config: {
        requiredScopes: [
          "mall.read_store",
          "mall.read_product",
          "mall.read_order",
          "mall.read_category",
          "mall.read_application",
          "mall.read_community",
        ],
      },
    });
    let deps = h.deps;
    for (const [check, share] of SHARES) {
      const before = h.gets();
      const outcome = await check.run(h.ctx, deps);
      expect(h.gets() - before, check.id).toBeLessThanOrEqual(share);
      deps = { ...deps, [check.id]: { ...outcome, id: check.id, startedAt: 0, durationMs: 0 } };
    }
    const total = SHARES.reduce((sum, [, share]) => sum + share, 0);
    expect(total).toBeLessThanOrEqual(DEFAULT_API_BUDGET);
    expect(h.gets()).toBe(h.ctx.api?.callsSpent);
    expect(Object.values(deps).every((r) => r?.status === "ok")).toBe(true);
  });
});

describe("the diagnosis budget", () => {
  it("answers a call beyond it with DIAGNOSIS_BUDGET_SPENT, sending nothing: not Cafe24's rate limit", async () => {
    const h = await scenario();
    const api = createDoctorApi({ config: h.ctx.config, mallId: h.mallId, store: h.store, fetch, budget: 1 });
    expect((await api?.get("/store"))?.ok).toBe(true);
    const held = await api?.get("/store");
    expect(held).toMatchObject({ ok: false, status: undefined, error: { code: ERROR_CODES.budgetSpent } });
    expect(h.gets()).toBe(1);
  });

  it("counts data reads it held back as not sent: incomplete, without a finding", async () => {
    const h = await scenario();
    const api = createDoctorApi({ config: h.ctx.config, mallId: h.mallId, store: h.store, fetch, budget: 1 });
    const outcome = await dataApisCheck.run({ ...h.ctx, api }, h.deps);
    expect(outcome.status).toBe("warn");
    expect(outcome.summary.key).toBe("check.data-apis.summary.incomplete");
    expect(outcome.summary.params?.items).toContain("not sent");
    expect(outcome.findings).toEqual([]);
  });
});
