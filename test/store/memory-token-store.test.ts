import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { MemoryTokenStore } from "../../src/store/memory-token-store.js";
import { sampleToken } from "../helpers/token-files.js";

describe("MemoryTokenStore", () => {
  it("stores a first token only when nothing is stored yet, stamped with the receive time", async () => {
    const store = new MemoryTokenStore({ now: () => 1234 });
    const first = await store.compareAndSet("myshop", undefined, sampleToken(1));
    expect(first.ok).toBe(true);
    expect(await store.get("myshop")).toEqual({
      token: sampleToken(1),
      revision: first.ok ? first.revision : "",
      receivedAt: 1234,
    });
    expect(await store.compareAndSet("myshop", undefined, sampleToken(2))).toMatchObject({
      ok: false,
      current: { token: sampleToken(1) },
    });
  });

  it("returns the current value on a revision conflict and writes nothing", async () => {
    const store = new MemoryTokenStore();
    await store.compareAndSet("myshop", undefined, sampleToken(1));
    const read = await store.get("myshop");
    const won = await store.compareAndSet("myshop", read?.revision, sampleToken(2));
    const lost = await store.compareAndSet("myshop", read?.revision, sampleToken(3));
    expect(won.ok).toBe(true);
    expect(lost).toEqual({ ok: false, current: await store.get("myshop") });
    expect((await store.get("myshop"))?.token).toEqual(sampleToken(2));
  });

  it("hands out copies, so a caller's edits never reach the store", async () => {
    const store = new MemoryTokenStore();
    const token = sampleToken(1);
    await store.compareAndSet("myshop", undefined, token);
    token.scopes.push("mall.write_order");
    const read = await store.get("myshop");
    read?.token.scopes.push("mall.write_product");
    expect((await store.get("myshop"))?.token.scopes).toEqual(sampleToken(1).scopes);
  });

  it("runs one locked section per mall at a time, and lets a section re-enter its own lock", async () => {
    const store = new MemoryTokenStore();
    const events: string[] = [];
    const section = (name: string) =>
      store.withLock("myshop", async () => {
        events.push(`${name}+`);
        await new Promise((resolve) => setTimeout(resolve, 10));
        await store.withLock("myshop", async () => events.push(`${name}:nested`));
        events.push(`${name}-`);
      });
    const other = store.withLock("othershop", async () => events.push("other"));
    await Promise.all([section("a"), section("b"), other]);
    expect(events.filter((e) => e !== "other")).toEqual(["a+", "a:nested", "a-", "b+", "b:nested", "b-"]);
    expect(events.indexOf("other")).toBeLessThan(events.indexOf("a-"));
  });

  it("keeps 50 concurrent lock → read → compare-and-set increments exact", async () => {
    const store = new MemoryTokenStore();
    await store.compareAndSet("myshop", undefined, { ...sampleToken(1), accessToken: "0" });
    await Promise.all(
      Array.from({ length: 50 }, () =>
        store.withLock("myshop", async () => {
          const current = await store.get("myshop");
          await new Promise((resolve) => setImmediate(resolve));
          const next = { ...sampleToken(1), accessToken: String(Number(current?.token.accessToken) + 1) };
          expect((await store.compareAndSet("myshop", current?.revision, next)).ok).toBe(true);
        }),
      ),
    );
    expect((await store.get("myshop"))?.token.accessToken).toBe("50");
  });

  it("lists and deletes malls, and refuses a token filed under another mall", async () => {
    const store = new MemoryTokenStore();
    await store.compareAndSet("shop-b", undefined, sampleToken(1, "shop-b"));
    await store.compareAndSet("shop-a", undefined, sampleToken(1, "shop-a"));
    expect(await store.list()).toEqual(["shop-a", "shop-b"]);
    await store.delete("shop-a");
    expect(await store.list()).toEqual(["shop-b"]);
    await expect(store.compareAndSet("shop-a", undefined, sampleToken(1, "shop-b"))).rejects.toMatchObject({
      code: ERROR_CODES.invalidOptions,
    });
  });
});
