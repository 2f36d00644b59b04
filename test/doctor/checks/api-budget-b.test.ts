import { describe, expect, it } from "vitest";
import { apiVersionCheck } from "../../../src/doctor/checks/api-version.js";
import { dataApisCheck, MAX_DATA_CALLS } from "../../../src/doctor/checks/data-apis.js";
import { rateLimitCheck } from "../../../src/doctor/checks/rate-limit.js";
import { MAX_SCOPE_PROBES, scopeCoverageCheck } from "../../../src/doctor/checks/scope-coverage.js";
import type { CheckDefinition } from "../../../src/doctor/context.js";
import { DEFAULT_API_BUDGET } from "../../../src/doctor/doctor-api.js";
import { emulatorHarness } from "./context-b-helper.js";

/** Declared shares of the 20-call budget: scope probes, data reads, GET /apps, headers only. */
const SHARES: [CheckDefinition, number][] = [
  [scopeCoverageCheck, MAX_SCOPE_PROBES],
  [dataApisCheck, MAX_DATA_CALLS],
  [apiVersionCheck, 1],
  [rateLimitCheck, 0],
];

describe("checks 7–10 together", () => {
  it("stay within their declared shares of the API budget, counted by the emulator", async () => {
    const h = await emulatorHarness({
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
