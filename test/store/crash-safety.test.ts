import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import { parseTokenFile } from "../../src/store/token-file-format.js";
import { exited, sampleToken, spawnFixture, tempDir, waitForLine } from "../helpers/token-files.js";

const LANES = 4;
const KILLS_PER_LANE = 25;
const STATES = [sampleToken(1), { ...sampleToken(2), scopes: ["mall.read_store"], shopNo: "2" }];

/** Kills a writer that loops over the two states at random moments; returns temp files seen after kills. */
async function killRepeatedly(dir: string): Promise<number> {
  const path = join(dir, "oauth_token.json");
  let orphansSeen = 0;
  for (let kill = 0; kill < KILLS_PER_LANE; kill++) {
    const writer = spawnFixture("alternate-writes.mjs", [path, "myshop", JSON.stringify(STATES)]);
    await waitForLine(writer, "ready");
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 25));
    writer.kill("SIGKILL");
    await exited(writer);

    const contents = parseTokenFile(await readFile(path), { path, mallId: "myshop" });
    expect(STATES).toContainEqual(contents.token);
    orphansSeen += (await readdir(dir)).filter((name) =>
      /^oauth_token\.json\.tmp-[0-9a-f]{24}$/.test(name),
    ).length;
    // The dead writer's lock would hold the next one off for the stale time; lock takeover is tested elsewhere.
    await rm(`${path}.lock`, { recursive: true, force: true });
  }
  return orphansSeen;
}

describe("FileTokenStore — crash safety", () => {
  it("leaves the whole old or the whole new file when a writer is SIGKILLed at random moments, 100 times", async () => {
    const dirs = await Promise.all(Array.from({ length: LANES }, () => tempDir()));
    const orphans = await Promise.all(dirs.map(killRepeatedly));
    // Evidence the kills landed inside writes, not only between them: interrupted writes leave temp files.
    expect(orphans.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

    const dir = dirs[0] as string;
    const store = new FileTokenStore({ path: join(dir, "oauth_token.json") });
    // What the kills left behind is either adopted (a whole newer token) or removed, never left to pile up.
    await store.recover("myshop");
    expect(await readdir(dir)).toEqual(["oauth_token.json"]);
    const current = await store.get("myshop");
    expect(STATES).toContainEqual(current?.token);
    expect((await store.compareAndSet("myshop", current?.revision, sampleToken(3))).ok).toBe(true);
    expect(await readdir(dir)).toEqual(["oauth_token.json"]);
  }, 60_000);
});
