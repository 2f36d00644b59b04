import { describe, expect, it } from "vitest";
import type { Emulator } from "../../src/emulator/emulator.js";
import {
  adminGet,
  envelope,
  HOUR,
  httpTarget,
  inProcess,
  issueAccess,
  LOCAL,
  launch,
  localTarget,
  SECOND,
  type Target,
} from "../helpers/emulator.js";

const limitOf = (response: Response) => response.headers.get("x-api-call-limit");

async function calls(
  target: Target,
  token: string,
  n: number,
  path = "/products?limit=1",
): Promise<Response[]> {
  const out: Response[] = [];
  for (let i = 0; i < n; i++) {
    const response = await adminGet(target, path, token);
    // Read a copy so the connection is released and the caller can still read the body.
    await response.clone().arrayBuffer();
    out.push(response);
  }
  return out;
}

function setup(options: Parameters<typeof inProcess>[0] = {}) {
  const emulator = inProcess(options);
  const target = localTarget(emulator);
  const token = issueAccess(emulator, target.mall.mallId);
  return { emulator, target, token };
}

describe("X-Api-Call-Limit", () => {
  it("counts n/40 on successive calls while the clock stands still", async () => {
    const { target, token } = setup();
    const responses = await calls(target, token, 5);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(responses.map(limitOf)).toEqual(["1/40", "2/40", "3/40", "4/40", "5/40"]);
  });

  it("is on 401 answers too, which do not pour into the bucket", async () => {
    const { target, token } = setup();
    await calls(target, token, 2);
    const missing = await adminGet(target, "/products", undefined);
    expect(missing.status).toBe(401);
    expect(limitOf(missing)).toBe("2/40");
    const garbage = await adminGet(target, "/products", "notAToken");
    expect(garbage.status).toBe(401);
    expect(limitOf(garbage)).toBe("2/40");
    expect(limitOf((await calls(target, token, 1))[0] as Response)).toBe("3/40");
  });

  it("is on 403, 404 and 422 answers, which are charged like any call that passed authentication", async () => {
    const { emulator, target } = setup();
    const productsOnly = issueAccess(emulator, target.mall.mallId, ["mall.read_product"]);
    const forbidden = await adminGet(target, "/orders", productsOnly);
    expect(forbidden.status).toBe(403);
    expect(limitOf(forbidden)).toBe("1/40");
    const missing = await adminGet(target, "/no-such-resource", productsOnly);
    expect(missing.status).toBe(404);
    expect(limitOf(missing)).toBe("2/40");
    const invalid = await adminGet(target, "/products?limit=1000", productsOnly);
    expect(invalid.status).toBe(422);
    expect(limitOf(invalid)).toBe("3/40");
  });

  it("is absent when the rate limit is off, and then no call is ever refused", async () => {
    const { target, token } = setup({ rateLimit: { enabled: false } });
    const responses = await calls(target, token, 60);
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(responses.every((r) => limitOf(r) === null)).toBe(true);
  });
});

describe("leaky bucket", () => {
  it("refuses the 41st call with 429 in the error envelope and pours nothing for it", async () => {
    const { emulator, target, token } = setup();
    const responses = await calls(target, token, 41);
    expect(responses.slice(0, 40).every((r) => r.status === 200)).toBe(true);
    expect(limitOf(responses[39] as Response)).toBe("40/40");
    const refused = await adminGet(target, "/products", token);
    expect(refused.status).toBe(429);
    expect(limitOf(refused)).toBe("40/40");
    expect((await envelope(refused)).error.code).toBe(429);
    expect(emulator.control.stats().bucket.level).toBe(40);
    expect(emulator.control.stats().responses).toMatchObject({ "200": 40, "429": 2 });
  });

  it("drains 2 calls per second on the emulator clock", async () => {
    const { emulator, target, token } = setup();
    await calls(target, token, 40);
    expect((await adminGet(target, "/products", token)).status).toBe(429);
    emulator.control.advanceClock(499);
    expect((await adminGet(target, "/products", token)).status).toBe(429);
    emulator.control.advanceClock(1);
    const one = await adminGet(target, "/products", token);
    expect(one.status).toBe(200);
    expect(limitOf(one)).toBe("40/40");
    emulator.control.advanceClock(10 * SECOND);
    const later = await adminGet(target, "/products", token);
    expect(later.status).toBe(200);
    expect(limitOf(later)).toBe("21/40");
    emulator.control.advanceClock(HOUR);
    expect(limitOf(await adminGet(target, "/products", token))).toBe("1/40");
  });

  it("never refuses a steady 2 calls per second", async () => {
    const { emulator, target, token } = setup();
    for (let i = 0; i < 100; i++) {
      const response = await adminGet(target, "/products?limit=1", token);
      expect(response.status).toBe(200);
      expect(limitOf(response)).toBe("1/40");
      emulator.control.advanceClock(500);
    }
  });

  it("takes capacity and drain rate from the options", async () => {
    const { emulator, target, token } = setup({ rateLimit: { capacity: 5, drainPerSec: 0.5 } });
    const responses = await calls(target, token, 6);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429]);
    expect(responses.map(limitOf)).toEqual(["1/5", "2/5", "3/5", "4/5", "5/5", "5/5"]);
    emulator.control.advanceClock(1999);
    expect((await adminGet(target, "/products", token)).status).toBe(429);
    emulator.control.advanceClock(1);
    expect((await adminGet(target, "/products", token)).status).toBe(200);
    expect(emulator.control.stats().bucket).toEqual({ level: 5, capacity: 5, drainPerSec: 0.5 });
  });

  it("keeps one bucket per mall (over real HTTP, /malls/{mall_id}/api/v2)", async () => {
    const running = await launch({ malls: [{ mallId: "alpha" }, { mallId: "beta" }] });
    const alpha = { ...httpTarget(running, 0), base: `${running.url}/malls/alpha` };
    const beta = { ...httpTarget(running, 1), base: `${running.url}/malls/beta` };
    const alphaToken = issueAccess(running, "alpha");
    const betaToken = issueAccess(running, "beta");
    await calls(alpha, alphaToken, 40);
    expect((await adminGet(alpha, "/products", alphaToken)).status).toBe(429);
    // The first mall is also served without the prefix, sharing alpha's bucket.
    const unprefixed = await adminGet(httpTarget(running, 0), "/products", alphaToken);
    expect(unprefixed.status).toBe(429);
    const other = await adminGet(beta, "/products", betaToken);
    expect(other.status).toBe(200);
    expect(limitOf(other)).toBe("1/40");
    expect(running.control.stats("alpha").bucket.level).toBe(40);
    expect(running.control.stats("beta").bucket.level).toBe(1);
    // A token belongs to its mall.
    expect((await adminGet(beta, "/products", alphaToken)).status).toBe(401);
  });
});

describe("usage limit (X-Cafe24-*-Usage / -Remain)", () => {
  const usageHeaders = (r: Response) => ({
    callUsage: r.headers.get("x-cafe24-call-usage"),
    callRemain: r.headers.get("x-cafe24-call-remain"),
    timeUsage: r.headers.get("x-cafe24-time-usage"),
    timeRemain: r.headers.get("x-cafe24-time-remain"),
  });

  it("meters usage by default: one call of 3,000 calls and 100 ms of 600 s per window, no -Remain", async () => {
    const { target, token } = setup();
    const response = await adminGet(target, "/products", token);
    expect(usageHeaders(response)).toEqual({
      callUsage: "0.03",
      callRemain: null,
      timeUsage: "0.02",
      timeRemain: null,
    });
  });

  it("sends no usage headers when usage.enabled is false", async () => {
    const { target, token } = setup({ usage: { enabled: false } });
    const response = await adminGet(target, "/products", token);
    expect(usageHeaders(response)).toEqual({
      callUsage: null,
      callRemain: null,
      timeUsage: null,
      timeRemain: null,
    });
  });

  function usageSetup(): { emulator: Emulator; target: Target; token: string } {
    return setup({
      rateLimit: { enabled: false },
      usage: { enabled: true, windowSec: 60, callQuota: 10, timeQuotaMs: 1000, costMs: 20 },
    });
  }

  it("reports usage percentages and adds -Remain only from 100 %", async () => {
    const { target, token } = usageSetup();
    const responses = await calls(target, token, 10);
    expect(usageHeaders(responses[0] as Response)).toEqual({
      callUsage: "10.00",
      callRemain: null,
      timeUsage: "2.00",
      timeRemain: null,
    });
    expect(responses.slice(0, 9).every((r) => r.headers.get("x-cafe24-call-remain") === null)).toBe(true);
    const last = responses[9] as Response;
    expect(last.status).toBe(200);
    expect(usageHeaders(last)).toMatchObject({ callUsage: "100.00", timeUsage: "20.00", timeRemain: null });
    expect(Number(last.headers.get("x-cafe24-call-remain"))).toBeGreaterThanOrEqual(1);
  });

  it("blocks with 429 at 100 %, and every blocked call raises usage and lengthens Remain", async () => {
    const { target, token } = usageSetup();
    await calls(target, token, 10);
    const blocked = await calls(target, token, 3);
    expect(blocked.map((r) => r.status)).toEqual([429, 429, 429]);
    expect(blocked.map((r) => r.headers.get("x-cafe24-call-usage"))).toEqual(["110.00", "120.00", "130.00"]);
    const remains = blocked.map((r) => Number(r.headers.get("x-cafe24-call-remain")));
    expect(remains[0]).toBeGreaterThan(0);
    expect(remains[1]).toBeGreaterThan(remains[0] as number);
    expect(remains[2]).toBeGreaterThan(remains[1] as number);
    expect((await envelope(blocked[2] as Response)).error.code).toBe(429);
  });

  it("recovers as the window passes", async () => {
    const { emulator, target, token } = usageSetup();
    await calls(target, token, 12);
    emulator.control.advanceClock(60 * SECOND);
    const response = await adminGet(target, "/products", token);
    expect(response.status).toBe(200);
    expect(usageHeaders(response).callRemain).toBeNull();
  });

  it("reports the time quota separately: Time-Remain appears when processing time is used up", async () => {
    const { target, token } = setup({
      rateLimit: { enabled: false },
      usage: { enabled: true, windowSec: 60, callQuota: 1000, timeQuotaMs: 100, costMs: 25 },
    });
    const responses = await calls(target, token, 5);
    expect(responses.map((r) => r.headers.get("x-cafe24-time-usage"))).toEqual([
      "25.00",
      "50.00",
      "75.00",
      "100.00",
      "125.00",
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 429]);
    expect(responses.slice(0, 3).every((r) => r.headers.get("x-cafe24-time-remain") === null)).toBe(true);
    expect(Number(responses[4]?.headers.get("x-cafe24-time-remain"))).toBeGreaterThan(0);
    expect(responses.every((r) => r.headers.get("x-cafe24-call-remain") === null)).toBe(true);
  });
});

it("serves the in-process handler with any origin", async () => {
  const emulator = inProcess();
  const token = issueAccess(emulator, "demomall");
  const response = await emulator.fetch(`${LOCAL}/api/v2/admin/products?limit=1`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  expect(limitOf(response)).toBe("1/40");
});
