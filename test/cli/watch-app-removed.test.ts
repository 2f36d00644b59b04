import { describe, expect, it } from "vitest";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import { startCli } from "../helpers/run-cli.js";
import { runInProcess } from "../token/token-cli-kit.js";
import { authorizedWatchProject } from "./watch-project.js";

const SECRET = "whsec-cli-0123456789abcdef0123456789";

/** The authorized project, with `watch` run in-process in it. */
async function project() {
  const { emu, mall, dir, tokenFile, env } = await authorizedWatchProject("c24-watch-app-");
  const watch = (args: string[], extraEnv: Record<string, string> = {}) =>
    runInProcess(args, {
      env: { ...env, ...extraEnv },
      cwd: dir,
      storeFor: () => new FileTokenStore({ path: tokenFile }),
    });
  return { emu, mall, env, watch };
}

/** Resolves once the child's stdout matches, failing after 15 s (the child writes; nothing here sleeps). */
function outputMatching(run: ReturnType<typeof startCli>, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!pattern.test(run.output().stdout)) return;
      clearTimeout(timer);
      run.child.stdout.off("data", check);
      resolve();
    };
    const timer = setTimeout(() => {
      run.child.stdout.off("data", check);
      reject(new Error(`no output matching ${pattern}: ${run.output().stdout}`));
    }, 15_000);
    run.child.stdout.on("data", check);
    check();
  });
}

describe("cafe24-doctor watch and a removed app", () => {
  it("--once exits 2 with a line naming the deletion and what to run, in English and Korean", async () => {
    const p = await project();
    const id = p.mall.mallId;
    p.emu.control.setAppState(id, "deleted");

    const en = await p.watch(["watch", "--once", "--lang", "en"]);
    expect(en.code, en.stderr).toBe(2);
    expect(en.stdout).toMatch(
      new RegExp(
        `${id}: APP DELETED · .* · the merchant deleted the app: no longer refreshed; once it is installed again, run cafe24-doctor token login --mall ${id}`,
      ),
    );
    expect(en.stdout).toContain(`App removed from the mall (the merchant must install or renew it): ${id}`);

    const ko = await p.watch(["watch", "--once", "--json", "--lang", "ko"]);
    expect(ko.code, ko.stderr).toBe(2);
    expect(ko.stderr).toContain(`${id}: 앱 삭제됨 · `);
    expect(ko.stderr).toContain("운영자가 앱을 삭제함: 더 이상 갱신하지 않음");
    const report = JSON.parse(ko.stdout) as {
      summary: { appRemoved: string[] };
      malls: { action: string }[];
    };
    expect(report.summary.appRemoved).toEqual([id]);
    expect(report.malls[0]?.action).toBe("app-deleted");
  });

  it("--once names an expired app as expired", async () => {
    const p = await project();
    p.emu.control.setAppState(p.mall.mallId, "expired");
    const result = await p.watch(["watch", "--once", "--lang", "en"]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toContain(`${p.mall.mallId}: APP EXPIRED · `);
    expect(result.stdout).toContain("the app's term expired: no longer refreshed");
  });

  it("--receive-webhooks without CAFE24_WEBHOOK_SECRET exits 3 before starting, saying why in English and Korean", async () => {
    const p = await project();
    const en = await p.watch(["watch", "--receive-webhooks", "--lang", "en"]);
    expect(en.code).toBe(3);
    expect(en.stderr).toContain("--receive-webhooks needs the shared secret");
    expect(en.stderr).toContain("CAFE24_WEBHOOK_SECRET");

    const ko = await p.watch(["watch", "--receive-webhooks", "--lang", "ko"]);
    expect(ko.code).toBe(3);
    expect(ko.stderr).toContain(
      "--receive-webhooks에는 웹훅 서명에 쓰는 공유 비밀값이 CAFE24_WEBHOOK_SECRET",
    );
    // Nothing reached Cafe24: the refusal came before the credentials probe.
    expect(p.emu.control.stats(p.mall.mallId).grants.refresh_token).toBe(0);
    expect(p.emu.control.stats(p.mall.mallId).routes["POST /api/v2/oauth/token"] ?? 0).toBe(0);
  });

  it("--receive-webhooks with --no-status exits 3: there is no server to receive on", async () => {
    const p = await project();
    const result = await p.watch(["watch", "--receive-webhooks", "--no-status", "--lang", "en"], {
      CAFE24_WEBHOOK_SECRET: SECRET,
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("drop --no-status");
  });

  it("a running watch --receive-webhooks stops the mall when the emulator's webhook arrives", async () => {
    const p = await project();
    const run = startCli(["watch", "--receive-webhooks", "--status-port", "0", "--lang", "en"], {
      ...p.env,
      CAFE24_WEBHOOK_SECRET: SECRET,
    });
    try {
      const started = await run.firstLine;
      const url = /Status page: (http:\/\/127\.0\.0\.1:\d+)/.exec(started)?.[1];
      expect(url, started).toBeDefined();
      p.emu.control.setWebhook(`${url}/v1/webhooks/cafe24`, SECRET);

      const delivery = await p.emu.control.setAppState(p.mall.mallId, "deleted").webhook;

      expect(delivery).toMatchObject({ outcome: "delivered", status: 200 });
      const status = (await (await fetch(`${url}/status`)).json()) as { malls: { state: string }[] };
      expect(status.malls.map((m) => m.state)).toEqual(["app-deleted"]);
      expect((await fetch(`${url}/healthz`)).status).toBe(503);
      // The delivery's log line is written before the answer; it reaches this process through a pipe.
      const logged = new RegExp(`webhook \\S+: event 90077, mall ${p.mall.mallId} → applied`);
      await outputMatching(run, logged);
      const { stdout } = run.output();
      expect(stdout).toContain(`Receiving Cafe24 webhooks at ${url}/v1/webhooks/cafe24`);
      expect(stdout).toMatch(logged);
      expect(stdout + run.output().stderr).not.toContain(SECRET);
    } finally {
      run.child.kill("SIGTERM");
    }
    expect(await run.exited).toBe(0);
  });
});
