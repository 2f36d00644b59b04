import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { tokenId } from "../../src/emulator/state/tokens.js";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import { launch, secretOf } from "../helpers/emulator.js";
import { type LineProcess, startLineProcess } from "../helpers/line-process.js";
import { liveTempFile as hasLiveTempFile, tempDir } from "../helpers/token-files.js";
import { authorize, webhookReceiver } from "./watch-setup.js";

const RUNNER = fileURLToPath(new URL("../fixtures/watch-runner.mjs", import.meta.url));
const KILLS = 50;

type Runner = LineProcess;

const startRunner = (env: Record<string, string>): Runner => startLineProcess(RUNNER, env, "the runner");

const count = (lines: string[], line: string) => lines.filter((l) => l === line).length;

describe("watch killed with SIGKILL and restarted", () => {
  it(`${KILLS} times: no refresh token lost except between Cafe24's answer and the temp file, a complete temp file adopted, and one reauth alert per loss`, {
    // Real processes on a real clock: generous, since on a busy machine each start alone can take seconds.
    timeout: 300_000,
  }, async () => {
    let current: Runner | undefined;
    let killOnNextAnswer = false;
    // Access tokens of 1 s are refreshed every half second, so kills land in every phase of a refresh.
    const running = await launch(
      { ttl: { accessSec: 1, refreshSec: 600 }, clock: { frozen: false, start: Date.now() } },
      {
        // Kills inside the window that cannot be made safe: Cafe24 has rotated, the answer is not yet sent.
        onRequest: (entry) => {
          if (killOnNextAnswer && entry.path === "/api/v2/oauth/token" && entry.status === 200) {
            killOnNextAnswer = false;
            current?.child.kill("SIGKILL");
          }
        },
      },
    );
    const { control } = running;
    const mall = running.malls[0];
    if (!mall) throw new Error("no mall");
    const dir = await tempDir();
    const path = join(dir, "{mall_id}.json");
    const store = new FileTokenStore({ path });
    await authorize(running, store, mall.mallId);
    const receiver = await webhookReceiver();
    const env = {
      TOKEN_FILE: path,
      MALL: mall.mallId,
      CLIENT_ID: mall.clientId,
      CLIENT_SECRET: secretOf(mall),
      BASE_URL: running.baseUrlTemplate,
      WEBHOOK_URL: receiver.url,
    };
    const storedIsLive = async () => {
      const stored = await store.get(mall.mallId);
      return control
        .stats(mall.mallId)
        .validRefreshTokenIds.includes(tokenId(stored?.token.refreshToken ?? ""));
    };

    const liveTempFile = () =>
      hasLiveTempFile(dir, mall.mallId, (refreshToken) =>
        control.stats(mall.mallId).validRefreshTokenIds.includes(tokenId(refreshToken)),
      );

    let losses = 0;
    let recovered = 0;
    for (let i = 0; i < KILLS; i++) {
      const rotationsBefore = control.stats(mall.mallId).grants.refresh_token;
      current = startRunner(env);
      const runner = current;
      await runner.printed((lines) => lines.includes("READY"), "it started");
      if (i % 20 === 19) killOnNextAnswer = true;
      else setTimeout(() => runner.child.kill("SIGKILL"), Math.random() * 300);
      await runner.exited;
      killOnNextAnswer = false;
      const rotations = control.stats(mall.mallId).grants.refresh_token - rotationsBefore;
      if (await storedIsLive()) continue;

      if (await liveTempFile()) {
        // Killed after the temp file was complete, before its rename: the restarted manager adopts it.
        recovered++;
        const invalidBefore = control.stats(mall.mallId).invalidGrant;
        const alertsBefore = receiver.bodies.length;
        const restarted = startRunner(env);
        await restarted.printed((lines) => lines.includes("W"), "a refresh from the adopted token");
        expect(await storedIsLive()).toBe(true);
        expect(control.stats(mall.mallId).invalidGrant).toBe(invalidBefore);
        expect(receiver.bodies.length).toBe(alertsBefore);
        restarted.child.kill("SIGTERM");
        await restarted.exited;
        continue;
      }

      // Lost: Cafe24 rotated more often than this runner wrote, so the kill fell between an answer and its write.
      losses++;
      expect(rotations).toBeGreaterThan(count(runner.lines, "W"));
      const alertsBefore = receiver.bodies.length;
      const restarted = startRunner(env);
      await restarted.printed(
        (lines) => lines.includes("S reauth-required"),
        "reauth-required after the loss",
      );
      await receiver.received(alertsBefore + 1);
      const ticksSeen = count(restarted.lines, "T");
      await restarted.printed((lines) => count(lines, "T") >= ticksSeen + 2, "20 more ticks");
      expect(receiver.bodies.slice(alertsBefore)).toEqual([
        expect.objectContaining({ event: "reauth-required", mallId: mall.mallId }),
      ]);
      restarted.child.kill("SIGTERM");
      await restarted.exited;
      // A person runs `token login`.
      await authorize(running, store, mall.mallId);
    }

    console.info(
      `${KILLS} kills: ${losses} lost between Cafe24's answer and the temp file, ${recovered} recovered from it`,
    );
    expect(losses).toBeGreaterThanOrEqual(1);
    expect(receiver.bodies).toHaveLength(losses);
    // Each loss cost exactly one refused refresh: the restarted manager stopped retrying at once.
    expect(control.stats(mall.mallId).invalidGrant).toBe(losses);
    expect(await storedIsLive()).toBe(true);
  });
});
