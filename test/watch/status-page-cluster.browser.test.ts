import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type RunningStatusServer,
  startStatusServer,
} from "../../src/watch/status-server/start-status-server.js";
import { chromiumUnavailable, launchChromium } from "../helpers/chromium.js";
import { clusterSnapshotOf, fakeSource, healthyMall, NOW, reauthMall } from "./fake-watch-source.js";

const missing = chromiumUnavailable("the replica page's browser test");

describe.skipIf(missing)("the status page of a watch replica in a real browser", () => {
  const source = fakeSource(clusterSnapshotOf([healthyMall(), reauthMall()]));
  let serverNow = NOW;
  let server: RunningStatusServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startStatusServer({ source, lang: "ko", now: () => serverNow });
    browser = await launchChromium();
    page = await browser.newPage();
    page.on("pageerror", (error) => problems.push(error.message));
    await page.clock.install({ time: NOW });
    await page.clock.pauseAt(NOW + 1000);
    await page.goto(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows the replicas and who handled each mall", async () => {
    expect(
      await page
        .locator("tr[data-replica]")
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-replica"))),
    ).toEqual(["r1", "r2"]);
    expect(await page.locator('tr[data-replica="r1"]').textContent()).toContain("(이 페이지)");
    expect(await page.locator('section[data-mall="shop1"] .replica').textContent()).toBe("r1 (마지막 처리)");
    expect(await page.locator('section[data-mall="shop2"] .replica').textContent()).toBe("r2 (마지막 처리)");
    expect(await page.locator(".cluster-summary").textContent()).toContain("레플리카 2개가 쇼핑몰 2개를");
  });

  it("follows a mall taken by another replica from /status without a reload", async () => {
    // Kept only if the page is not reloaded.
    await page.evaluate("window.marker = true");
    const next = clusterSnapshotOf([healthyMall(), reauthMall()]);
    const [shop1] = next.malls;
    if (!shop1?.cluster || !next.cluster?.replicas[1]) throw new Error("fixture");
    shop1.cluster.holder = "r2";
    next.cluster.replicas[1].held = 1;
    next.cluster.inFlight = 1;
    source.set(next);
    serverNow += 5000;
    await page.clock.runFor(5000);
    await page
      .locator('section[data-mall="shop1"] .replica', { hasText: "r2 (지금 작업 중)" })
      .waitFor({ timeout: 20_000 });
    expect(await page.locator('tr[data-replica="r2"] [data-field="mallsHeld"]').textContent()).toBe("1");
    expect(await page.locator(".cluster-summary").textContent()).toContain("작업 중 1개");
    expect(await page.evaluate("window.marker")).toBe(true);
    expect(problems).toEqual([]);
  });
});
