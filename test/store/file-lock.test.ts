import { mkdir, utimes } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/errors/doctor-error.js";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import { realSleep } from "../../src/util/runtime.js";
import { exited, sampleToken, spawnFixture, tempDir, waitForLine } from "../helpers/token-files.js";

describe("FileTokenStore — locking across processes", () => {
  it("excludes this process while another process holds the lock, then lets it in", async () => {
    const path = join(await tempDir(), "oauth_token.json");
    const holder = spawnFixture("hold-token-lock.mjs", [path, "myshop"]);
    await waitForLine(holder, "locked");

    const impatient = new FileTokenStore({ path, lockRetries: 2 });
    await expect(impatient.withLock("myshop", async () => "got it")).rejects.toMatchObject({
      code: ERROR_CODES.tokenLockTimeout,
      message: expect.stringContaining(`${path}.lock`),
    });

    // The holder lets go only once the patient store has found the lock taken and is waiting to retry.
    const order: string[] = [];
    const patient = new FileTokenStore({
      path,
      sleep: (ms, signal) => {
        if (!order.includes("released")) {
          order.push("released");
          holder.stdin?.write("release\n");
        }
        return realSleep(ms, signal);
      },
    });
    await patient.withLock("myshop", async () => order.push("entered"));
    expect(order).toEqual(["released", "entered"]);
    expect(await exited(holder)).toBe(0);
  });

  it("takes over a lock left by a process killed while holding it, once it is older than the stale time", async () => {
    const path = join(await tempDir(), "oauth_token.json");
    const holder = spawnFixture("hold-token-lock.mjs", [path, "myshop"]);
    await waitForLine(holder, "locked");
    holder.kill("SIGKILL");
    await exited(holder);

    // Time passes without waiting for it: nobody refreshes the dead holder's lock, so its mtime falls behind.
    const old = new Date(Date.now() - 2000 - 1000);
    await utimes(`${path}.lock`, old, old);
    const store = new FileTokenStore({ path, lockStaleMs: 2000, lockRetries: 0 });
    expect(await store.withLock("myshop", async () => "mine")).toBe("mine");
  });

  it("recovers a lock directory older than the stale time at once", async () => {
    const path = join(await tempDir(), "oauth_token.json");
    await mkdir(`${path}.lock`);
    const old = new Date(Date.now() - 60_000);
    await utimes(`${path}.lock`, old, old);
    const store = new FileTokenStore({ path, lockStaleMs: 10_000, lockRetries: 0 });
    expect((await store.compareAndSet("myshop", undefined, sampleToken(1))).ok).toBe(true);
  });

  it("keeps 4 processes × 15 lock → read → compare-and-set increments exact", async () => {
    const path = join(await tempDir(), "oauth_token.json");
    const store = new FileTokenStore({ path });
    await store.compareAndSet("myshop", undefined, { ...sampleToken(1), accessToken: "Count0" });
    const children = Array.from({ length: 4 }, () =>
      spawnFixture("count-with-lock.mjs", [path, "myshop", "15"]),
    );
    expect(await Promise.all(children.map(exited))).toEqual([0, 0, 0, 0]);
    expect((await store.get("myshop"))?.token.accessToken).toBe("Count60");
  });
});
