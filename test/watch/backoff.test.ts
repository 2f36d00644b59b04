import { describe, expect, it } from "vitest";
import { backoffDelay } from "../../src/watch/backoff.js";

const policy = { baseMs: 5_000, maxMs: 300_000 };

describe("backoffDelay", () => {
  it.each([
    [1, 5_000],
    [2, 10_000],
    [3, 20_000],
    [6, 160_000],
    [7, 300_000],
    [1000, 300_000],
  ])("after %i failures draws up to %i ms", (failures, ceiling) => {
    expect(backoffDelay(failures, policy, () => 1)).toBe(ceiling);
    expect(backoffDelay(failures, policy, () => 0)).toBe(policy.baseMs);
    const middle = backoffDelay(failures, policy, () => 0.5);
    expect(middle).toBeGreaterThanOrEqual(policy.baseMs);
    expect(middle).toBeLessThanOrEqual(ceiling);
  });
});
