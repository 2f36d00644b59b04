import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import { sampleToken, tempDir } from "../helpers/token-files.js";

const LEGACY_WITH_SECRET = JSON.stringify({
  access_token: "OldAccessOldAccessOldA",
  refresh_token: "OldRefreshOldRefreshOl",
  expires_in: 7200,
  token_date: "2025-08-05T16:37:10.197740.000",
  client_secret: "ClientSecretClientSecr",
});

describe("FileTokenStore — writing", () => {
  it("writes Cafe24's shape plus metadata, mode 0600, and never a client_secret", async () => {
    const path = join(await tempDir(), "oauth_token.json");
    await writeFile(path, LEGACY_WITH_SECRET, { mode: 0o644 });
    const store = new FileTokenStore({ path, now: () => Date.UTC(2026, 10, 27, 11, 41) });
    const legacy = await store.get("myshop");
    const result = await store.compareAndSet("myshop", legacy?.revision, sampleToken(2));
    expect(result.ok).toBe(true);

    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const json = JSON.parse(await readFile(path, "utf8"));
    expect(json).toEqual({
      access_token: sampleToken(2).accessToken,
      expires_at: "2026-11-27T22:41:00.002",
      refresh_token: sampleToken(2).refreshToken,
      refresh_token_expires_at: "2026-12-11T20:41:00.000",
      client_id: "BrIfqEKoPxeE",
      mall_id: "myshop",
      user_id: "admin",
      scopes: ["mall.read_product", "mall.read_order"],
      issued_at: "2026-11-27T20:41:00.000",
      shop_no: "1",
      token_type: "Bearer",
      _cafe24_doctor: {
        version: 1,
        received_at: "2026-11-27T20:41:00.000+09:00",
        revision: result.ok ? result.revision : "",
      },
    });
    expect(await store.get("myshop")).toEqual({
      token: sampleToken(2),
      revision: result.ok ? result.revision : "",
      receivedAt: Date.UTC(2026, 10, 27, 11, 41),
    });
    expect(await readdir(join(path, ".."))).toEqual(["oauth_token.json"]);
  });

  it("answers a revision conflict with the current token and leaves the file alone", async () => {
    const path = join(await tempDir(), "oauth_token.json");
    const store = new FileTokenStore({ path });
    const first = await store.compareAndSet("myshop", undefined, sampleToken(1));
    const second = await store.compareAndSet("myshop", first.ok ? first.revision : "", sampleToken(2));
    const before = await readFile(path, "utf8");
    const stale = await store.compareAndSet("myshop", first.ok ? first.revision : "", sampleToken(3));
    expect(stale).toEqual({
      ok: false,
      current: {
        token: sampleToken(2),
        revision: second.ok ? second.revision : "",
        receivedAt: expect.any(Number),
      },
    });
    expect(await store.compareAndSet("myshop", undefined, sampleToken(3))).toMatchObject({ ok: false });
    expect(await readFile(path, "utf8")).toBe(before);
  });

  it("keeps one single-mall file to its mall: others read nothing and cannot overwrite it", async () => {
    const path = join(await tempDir(), "oauth_token.json");
    const store = new FileTokenStore({ path });
    await store.compareAndSet("shop-a", undefined, sampleToken(1, "shop-a"));
    expect(await store.get("shop-b")).toBeUndefined();
    await expect(store.compareAndSet("shop-b", undefined, sampleToken(1, "shop-b"))).rejects.toMatchObject({
      code: ERROR_CODES.invalidOptions,
      message: expect.stringContaining("{mall_id}"),
    });
    await store.delete("shop-b");
    expect(await store.list()).toEqual(["shop-a"]);
    expect((await store.get("shop-a"))?.token).toEqual(sampleToken(1, "shop-a"));
  });

  it("lets a legacy file without mall_id serve any mall", async () => {
    const path = join(await tempDir(), "oauth_token.json");
    await writeFile(path, LEGACY_WITH_SECRET);
    const store = new FileTokenStore({ path });
    expect((await store.get("shop-a"))?.token.mallId).toBe("shop-a");
    expect((await store.inspect("shop-b"))?.hasClientSecret).toBe(true);
    expect(await store.list()).toEqual([]);
  });

  it("keeps one file per mall with a {mall_id} template, lists them, and deletes one", async () => {
    const dir = await tempDir();
    const store = new FileTokenStore({ path: join(dir, "tokens", "{mall_id}.token.json") });
    expect(await store.list()).toEqual([]);
    for (const mall of ["shop-b", "shop-a", "shop-c"]) {
      expect((await store.compareAndSet(mall, undefined, sampleToken(1, mall))).ok).toBe(true);
    }
    await writeFile(join(dir, "tokens", "notes.txt"), "not a token");
    expect(await store.list()).toEqual(["shop-a", "shop-b", "shop-c"]);
    expect(store.pathFor("shop-a")).toBe(join(dir, "tokens", "shop-a.token.json"));
    expect((await store.get("shop-b"))?.token.mallId).toBe("shop-b");
    await store.delete("shop-b");
    expect(await store.list()).toEqual(["shop-a", "shop-c"]);
    expect(await store.get("shop-b")).toBeUndefined();
  });

  it("deletes even a corrupt file, so authorization can start over", async () => {
    const path = join(await tempDir(), "oauth_token.json");
    await writeFile(path, "{ truncated");
    const store = new FileTokenStore({ path });
    await expect(store.get("myshop")).rejects.toMatchObject({ code: ERROR_CODES.tokenFileInvalid });
    await store.delete("myshop");
    expect(await store.get("myshop")).toBeUndefined();
  });

  it("refuses mall ids that could escape the directory and templates with {mall_id} in a folder", async () => {
    const store = new FileTokenStore({ path: join(await tempDir(), "{mall_id}.json") });
    expect(() => store.pathFor("../etc/passwd")).toThrowError(
      expect.objectContaining({ code: ERROR_CODES.invalidOptions }),
    );
    expect(() => new FileTokenStore({ path: "./{mall_id}/token.json" })).toThrowError(/file name only/);
  });

  it("reports an unreadable location as TOKEN_STORE_IO naming the path", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "oauth_token.json"));
    const store = new FileTokenStore({ path: join(dir, "oauth_token.json") });
    await expect(store.get("myshop")).rejects.toMatchObject({
      code: ERROR_CODES.tokenStoreIo,
      message: expect.stringContaining(join(dir, "oauth_token.json")),
    });
  });
});

describe("FileTokenStore — locking within one process", () => {
  it("lets compareAndSet run inside withLock without deadlocking", async () => {
    const store = new FileTokenStore({ path: join(await tempDir(), "oauth_token.json") });
    const result = await store.withLock("myshop", () =>
      store.compareAndSet("myshop", undefined, sampleToken(1)),
    );
    expect(result.ok).toBe(true);
  });

  it("queues concurrent sections of two stores on one file, so 30 increments all count", async () => {
    const path = join(await tempDir(), "oauth_token.json");
    const stores = [new FileTokenStore({ path }), new FileTokenStore({ path })];
    await stores[0]?.compareAndSet("myshop", undefined, { ...sampleToken(1), accessToken: "0" });
    await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const store = stores[i % 2] as FileTokenStore;
        await store.withLock("myshop", async () => {
          const current = await store.get("myshop");
          const next = { ...sampleToken(1), accessToken: String(Number(current?.token.accessToken) + 1) };
          expect((await store.compareAndSet("myshop", current?.revision, next)).ok).toBe(true);
        });
      }),
    );
    expect((await stores[1]?.get("myshop"))?.token.accessToken).toBe("30");
  });

  it("makes an unlocked compareAndSet wait for a section that holds the lock", async () => {
    const store = new FileTokenStore({ path: join(await tempDir(), "oauth_token.json") });
    const first = await store.compareAndSet("myshop", undefined, sampleToken(1));
    const events: string[] = [];
    const section = store.withLock("myshop", async () => {
      events.push("locked");
      await new Promise((resolve) => setTimeout(resolve, 100));
      const current = await store.get("myshop");
      events.push("writing");
      await store.compareAndSet("myshop", current?.revision, sampleToken(2));
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const outside = store
      .compareAndSet("myshop", first.ok ? first.revision : "", sampleToken(3))
      .then((result) => {
        events.push("outside");
        return result;
      });
    await section;
    expect((await outside).ok).toBe(false);
    expect(events).toEqual(["locked", "writing", "outside"]);
  });
});
