import { describe, expect, it } from "vitest";
import type { Emulator } from "../../src/emulator/emulator.js";
import type { FaultRuleInput } from "../../src/emulator/options.js";
import {
  adminGet,
  envelope,
  httpTarget,
  inProcess,
  issueAccess,
  LOCAL,
  launch,
  localTarget,
  obtainTokens,
  refreshGrant,
  type TokenJson,
} from "../helpers/emulator.js";

const NEW_PRODUCT = JSON.stringify({
  shop_no: 1,
  request: { product_name: "장애 주입 테스트 상품", price: "12000" },
});

function withFaults(faults: FaultRuleInput[], seed = 24) {
  const slept: number[] = [];
  const emulator = inProcess(
    { faults, seed, rateLimit: { enabled: false } },
    {
      sleep: async (ms) => {
        slept.push(ms);
      },
    },
  );
  const target = localTarget(emulator);
  const token = issueAccess(emulator, target.mall.mallId);
  return { emulator, target, token, slept };
}

async function count(emulator: Emulator, token: string): Promise<number> {
  emulator.control.clearFaults();
  const response = await adminGet(localTarget(emulator), "/products/count", token);
  return ((await response.json()) as { count: number }).count;
}

describe("latency", () => {
  it("sleeps a delay drawn from latencyMs before answering normally", async () => {
    const { target, token, slept } = withFaults([{ kind: "latency", latencyMs: [100, 300] }]);
    for (let i = 0; i < 10; i++) expect((await adminGet(target, "/products", token)).status).toBe(200);
    expect(slept).toHaveLength(10);
    for (const ms of slept) {
      expect(ms).toBeGreaterThanOrEqual(100);
      expect(ms).toBeLessThanOrEqual(300);
    }
    expect(new Set(slept).size).toBeGreaterThan(1);
  });

  it("combines with a failing fault", async () => {
    const { target, token, slept } = withFaults([
      { kind: "latency", latencyMs: [50, 50] },
      { kind: "status", status: 504 },
    ]);
    const response = await adminGet(target, "/products", token);
    expect(response.status).toBe(504);
    expect(slept).toEqual([50]);
  });
});

describe("status faults", () => {
  it.each([
    [500, "An internal error occurred. Please try again later."],
    [503, "Service Unavailable."],
    [504, "Gateway Timeout."],
  ] as const)("answers %i in Cafe24's envelope", async (status, message) => {
    const { emulator, target, token } = withFaults([{ kind: "status", status }]);
    const response = await adminGet(target, "/products", token);
    expect(response.status).toBe(status);
    expect((await envelope(response)).error).toEqual({ code: status, message });
    expect(emulator.control.stats().responses).toEqual({ [status]: 1 });
  });

  it("never fires at probability 0 and always at probability 1", async () => {
    const never = withFaults([{ kind: "status", status: 500, probability: 0 }]);
    const always = withFaults([{ kind: "status", status: 500, probability: 1 }]);
    for (let i = 0; i < 20; i++) {
      expect((await adminGet(never.target, "/products", never.token)).status).toBe(200);
      expect((await adminGet(always.target, "/products", always.token)).status).toBe(500);
    }
  });

  it("fires at roughly the given probability", async () => {
    const { target, token } = withFaults([{ kind: "status", status: 503, probability: 0.3 }], 99);
    let failures = 0;
    for (let i = 0; i < 200; i++) if ((await adminGet(target, "/products", token)).status === 503) failures++;
    expect(failures).toBeGreaterThan(30);
    expect(failures).toBeLessThan(90);
  });
});

describe("connection reset", () => {
  it("makes a real fetch over the socket reject, and the server keeps serving", async () => {
    const running = await launch({ faults: [{ kind: "reset", route: "/api/v2/admin/orders" }] });
    const target = httpTarget(running);
    const token = issueAccess(running, target.mall.mallId);
    await expect(adminGet(target, "/orders", token)).rejects.toThrow(TypeError);
    expect((await adminGet(target, "/products", token)).status).toBe(200);
    const stats = running.control.stats();
    expect(stats.routes["GET /api/v2/admin/orders"]).toBe(1);
    expect(stats.responses).toEqual({ "200": 1 });
  });

  it("makes the in-process fetch reject like undici does (TypeError, cause ECONNRESET)", async () => {
    const { target, token } = withFaults([{ kind: "reset" }]);
    const failure = await adminGet(target, "/products", token).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as TypeError & { cause: { code: string } }).cause.code).toBe("ECONNRESET");
  });
});

describe("other fault kinds", () => {
  it("serves an HTML error page instead of JSON", async () => {
    const { target, token } = withFaults([{ kind: "html" }]);
    const response = await adminGet(target, "/products", token);
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const text = await response.text();
    expect(text).toMatch(/^<!DOCTYPE html>/);
    expect(() => JSON.parse(text)).toThrow();
  });

  it("forces a 429 in the envelope even with an empty bucket", async () => {
    const { emulator, target, token } = withFaults([{ kind: "rate-limit" }]);
    const response = await adminGet(target, "/products", token);
    expect(response.status).toBe(429);
    expect((await envelope(response)).error.code).toBe(429);
    expect(emulator.control.stats().bucket.level).toBe(0);
  });

  it("applies to the OAuth endpoints as well", async () => {
    const { target } = withFaults([{ kind: "status", status: 503, route: "/api/v2/oauth/token" }]);
    const response = await target.fetch(`${LOCAL}/api/v2/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=refresh_token&refresh_token=x",
    });
    expect(response.status).toBe(503);
  });
});

describe("rule matching", () => {
  it("limits a rule to a route prefix", async () => {
    const { target, token } = withFaults([{ kind: "status", status: 500, route: "/api/v2/admin/orders" }]);
    expect((await adminGet(target, "/products", token)).status).toBe(200);
    expect((await adminGet(target, "/orders", token)).status).toBe(500);
    expect((await adminGet(target, "/orders/count", token)).status).toBe(500);
  });

  it("matches the route after the /malls/{mall_id} prefix", async () => {
    const { target, token } = withFaults([{ kind: "status", status: 500, route: "/api/v2/admin/orders" }]);
    const prefixed = await target.fetch(`${LOCAL}/malls/${target.mall.mallId}/api/v2/admin/orders`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(prefixed.status).toBe(500);
  });

  it("limits a rule to a method (case-insensitive in the rule)", async () => {
    const { emulator, target, token } = withFaults([{ kind: "status", status: 503, method: "post" }]);
    expect((await adminGet(target, "/products", token)).status).toBe(200);
    const before = await count(emulator, token);
    emulator.control.setFaults([{ kind: "status", status: 503, method: "post" }]);
    const post = await target.fetch(`${LOCAL}/api/v2/admin/products`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: NEW_PRODUCT,
    });
    expect(post.status).toBe(503);
    expect(await count(emulator, token)).toBe(before);
  });
});

describe('phase "after"', () => {
  it("processes the POST, then loses the answer: counted once, the product exists", async () => {
    const { emulator, target, token } = withFaults([]);
    const before = await count(emulator, token);
    emulator.control.resetStats();
    emulator.control.setFaults([
      { kind: "status", status: 504, method: "POST", route: "/api/v2/admin/products", phase: "after" },
    ]);
    const post = await target.fetch(`${LOCAL}/api/v2/admin/products`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: NEW_PRODUCT,
    });
    expect(post.status).toBe(504);
    const stats = emulator.control.stats();
    expect(stats.routes["POST /api/v2/admin/products"]).toBe(1);
    expect(stats.requests.POST).toBe(1);
    expect(await count(emulator, token)).toBe(before + 1);
  });

  it('phase "before" keeps the POST from being processed', async () => {
    const { emulator, target, token } = withFaults([]);
    const before = await count(emulator, token);
    emulator.control.setFaults([{ kind: "status", status: 504, method: "POST", phase: "before" }]);
    const post = await target.fetch(`${LOCAL}/api/v2/admin/products`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: NEW_PRODUCT,
    });
    expect(post.status).toBe(504);
    expect(await count(emulator, token)).toBe(before);
  });

  it("a refresh whose answer is lost has still rotated the refresh token", async () => {
    const running = await launch({ autoApprove: true });
    const target = httpTarget(running);
    const first: TokenJson = await obtainTokens(target);
    running.control.setFaults([{ kind: "reset", route: "/api/v2/oauth/token", phase: "after" }]);
    await expect(refreshGrant(target, first.refresh_token)).rejects.toThrow(TypeError);
    running.control.clearFaults();
    const retry = await refreshGrant(target, first.refresh_token);
    expect(retry.status).toBe(401);
    expect(((await retry.json()) as { error: string }).error).toBe("invalid_grant");
    expect(running.control.stats().grants.refresh_token).toBe(1);
  });
});

describe("determinism under a seed", () => {
  const rules: FaultRuleInput[] = [
    { kind: "latency", latencyMs: [10, 500], probability: 0.5 },
    { kind: "status", status: 500, probability: 0.2 },
    { kind: "status", status: 503, probability: 0.2 },
    { kind: "html", probability: 0.1 },
    { kind: "rate-limit", probability: 0.1 },
  ];

  async function run(seed: number): Promise<{ statuses: number[]; slept: number[] }> {
    const { target, token, slept } = withFaults(rules, seed);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await adminGet(target, "/products?limit=1", token)).status);
    return { statuses, slept };
  }

  it("replays the same outcomes and delays for the same seed, and others for another seed", async () => {
    const a = await run(7);
    const b = await run(7);
    const c = await run(8);
    expect(new Set(a.statuses).size).toBeGreaterThanOrEqual(4);
    expect(b).toEqual(a);
    expect(c.statuses).not.toEqual(a.statuses);
  });

  it("replays from the start after control.reset()", async () => {
    const { emulator, target, token } = withFaults(rules, 7);
    const sequence = async (accessToken: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++)
        statuses.push((await adminGet(target, "/products?limit=1", accessToken)).status);
      return statuses;
    };
    const first = await sequence(token);
    emulator.control.reset();
    const statuses = await sequence(issueAccess(emulator, target.mall.mallId));
    expect(statuses).toEqual(first);
  });
});
