import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import type { DiagnoseMall } from "../../src/watch/diagnose-mall.js";
import { launch, SECOND } from "../helpers/emulator.js";
import { tempDir } from "../helpers/token-files.js";
import { authorize, manualWatch, oauthOf } from "./watch-setup.js";

describe("watch with a periodic check", () => {
  it("runs the check every checkEveryMs per mall and shows its last result", async () => {
    const running = await launch({ ttl: { accessSec: 3600, refreshSec: 7200 } });
    const { control } = running;
    const mallId = running.malls[0]?.mallId ?? "";
    const store = new FileTokenStore({ path: join(await tempDir(), "{mall_id}.json") });
    await authorize(running, store, mallId);
    const checked: string[] = [];
    const diagnose: DiagnoseMall = async (id) => {
      checked.push(id);
      return {
        status: "warnings",
        exitCode: 1,
        rootCause: { code: "API_VERSION_ENDING", title: "t", command: null },
        apiCalls: 2,
      };
    };
    const { manager, ticks } = manualWatch({
      store,
      oauth: oauthOf(running),
      malls: [mallId],
      now: () => control.now(),
      checkEveryMs: 60 * SECOND,
      diagnose,
    });
    await manager.start();
    try {
      await ticks.until(() => checked.length === 1, "the first check");
      control.advanceClock(59 * SECOND);
      await ticks.pass(5);
      expect(checked).toHaveLength(1);
      control.advanceClock(SECOND);
      await ticks.until(() => checked.length === 2, "the second check");
    } finally {
      await manager.stop();
    }
    const snapshot = manager.snapshot();
    expect(snapshot.malls[0]?.lastDiagnosis).toEqual({
      at: control.now(),
      status: "warnings",
      exitCode: 1,
      rootCause: { code: "API_VERSION_ENDING", title: "t", command: null },
    });
    expect(snapshot.counters.apiCalls[mallId]).toBe(4);
  });
});
