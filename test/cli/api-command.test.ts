import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DURABLE_REDIS, type RedisStores, type Stores, storeKinds, useStores } from "../helpers/stores.js";
import { expectCleanOutput, tokenProject } from "../token/token-cli-kit.js";

/** Over a token file: the built CLI in child processes. Over Redis: in-process through `storeFor`. */
for (const { kind, unavailable } of storeKinds(["file", "redis"], "the api command over Redis")) {
  describe.skipIf(unavailable)(`over a ${kind} store`, () => {
    apiCommand(useStores(kind, DURABLE_REDIS));
  });
}

function apiCommand(stores: Stores) {
  describe("cafe24-doctor api", () => {
    it("GETs with -q: JSON to stdout, status, timing and X-Api-Call-Limit to stderr", async () => {
      const p = await tokenProject({}, stores);
      await p.writeToken();
      const result = await p.cli([
        "api",
        "GET",
        "/products",
        "-q",
        "limit=3",
        "-q",
        "fields=product_no,product_name",
      ]);
      expect(result.code, result.stderr).toBe(0);
      const body = JSON.parse(result.stdout);
      expect(body.products).toHaveLength(3);
      expect(Object.keys(body.products[0]).sort()).toEqual(["product_name", "product_no"]);
      expect(result.stderr).toMatch(
        /GET \/api\/v2\/admin\/products → 200 in \d+ ms · X-Api-Call-Limit \d+\/40/,
      );
      // The status is said once (the attempt's line); the summary adds only the rate-limit headers.
      expect(result.stderr.match(/→ 200/g)).toHaveLength(1);
      expect(result.stderr).toMatch(/Rate limit after \d+ ms: X-Api-Call-Limit: \d+\/40/);
      expectCleanOutput(result, p.secrets());
    });

    // Registered for Redis only (a skipped test would read as a skip in CI's count).
    if (stores.kind === "redis")
      it("takes its turn in the mall's shared rate limit when the tokens live in Redis", async () => {
        const p = await tokenProject({}, stores);
        await p.writeToken();
        const result = await p.cli(["api", "GET", "/store"]);
        expect(result.code, result.stderr).toBe(0);
        const redis = await (stores as RedisStores).connect();
        const pace = await redis.hgetall(`${(stores as RedisStores).prefix}pace:{${p.mall.mallId}}`);
        // The answer's X-Api-Call-Limit reached the shared model every instance reads.
        expect(Number(pace.capacity)).toBe(40);
      });

    it("POSTs a JSON body from -d @file", async () => {
      const p = await tokenProject({}, stores);
      await p.writeToken();
      const file = join(p.dir, "product.json");
      await writeFile(
        file,
        JSON.stringify({ request: { product_name: "수동 호출 상품", price: "12000.00" } }),
      );
      const result = await p.cli(["api", "POST", "/products", "-d", "@product.json"]);
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout).product.product_name).toBe("수동 호출 상품");
      expect(result.stderr).toContain("→ 201");
    });

    it("--paginate prints one item per line, as many as the mall has", async () => {
      const p = await tokenProject({}, stores);
      await p.writeToken();
      const count = JSON.parse((await p.cli(["api", "GET", "/products/count"])).stdout).count;
      expect(count).toBeGreaterThan(0);
      const result = await p.cli(["api", "GET", "/products", "--paginate"]);
      expect(result.code, result.stderr).toBe(0);
      const lines = result.stdout.trim().split("\n");
      expect(lines).toHaveLength(count);
      expect(new Set(lines.map((l) => JSON.parse(l).product_no)).size).toBe(count);
      expect(result.stderr).toContain(`${count} items`);
    });

    it("refreshes an expired access token through the manager before calling", async () => {
      const p = await tokenProject({ ttl: { accessSec: 2 } }, stores);
      const before = await p.writeToken();
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const result = await p.cli(["api", "GET", "/store"]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain("refreshed the access token");
      expect((await p.readToken())?.refreshToken).not.toBe(before.refreshToken);
      expect(p.emu.control.stats().grants.refresh_token).toBe(1);
      expectCleanOutput(result, p.secrets());
    });

    it("on 403 names the missing scope on stderr and exits 2", async () => {
      const p = await tokenProject({}, stores);
      await p.writeToken(["mall.read_store", "mall.read_product"]);
      const result = await p.cli(["api", "GET", "/orders"]);
      expect(result.code).toBe(2);
      // Cafe24's error body is the answer (stdout, JSON); the explanation goes to stderr.
      expect(JSON.parse(result.stdout).error.code).toBeDefined();
      expect(result.stderr).toContain("This endpoint needs the scope mall.read_order");
      expect(result.stderr).toContain("GET /api/v2/admin/orders → 403");
      expectCleanOutput(result, p.secrets());
    });

    it("exits 2 on Cafe24's 4xx with its message, and 3 on bad arguments", async () => {
      const p = await tokenProject({}, stores);
      await p.writeToken();
      const missing = await p.cli(["api", "GET", "/products/99999999"]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("404");
      for (const args of [
        ["api", "FETCH", "/products"],
        ["api", "GET", "/products", "-q", "limit"],
        ["api", "POST", "/products", "-d", "{not json"],
        ["api", "POST", "/products", "--paginate"],
        ["api", "GET", "/products", "--shop-no", "zero"],
      ]) {
        const result = await p.cli(args);
        expect(result.code, args.join(" ")).toBe(3);
        expect(result.stderr).not.toMatch(/\n\s+at /);
      }
    });
  });
}
