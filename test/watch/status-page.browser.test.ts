import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type RunningStatusServer,
  startStatusServer,
} from "../../src/watch/status-server/start-status-server.js";
import { chromiumUnavailable, launchChromium } from "../helpers/chromium.js";
import { fakeSource, healthyMall, NOW, REAUTH_COMMAND, reauthMall, snapshotOf } from "./fake-watch-source.js";

const SCREENSHOT = "test-results/status-page.png";
const missing = chromiumUnavailable("the status page's browser test");

/** The browser's own clock: a year off from the server's, and it moves only when the test says. */
const BROWSER_START = NOW - 365 * 24 * 3600 * 1000;

describe.skipIf(missing)("the status page in a real browser", () => {
  const source = fakeSource(snapshotOf([healthyMall(), reauthMall()]));
  let serverNow = NOW;
  let server: RunningStatusServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  /** Moves the server's and the browser's clocks on together, firing the page's timers that fall due. */
  async function advance(ms: number): Promise<void> {
    serverNow += ms;
    await page.clock.runFor(ms);
  }

  beforeAll(async () => {
    // The server's clock is the fixtures' NOW (2026), the browser's a year earlier: whatever the machine's own
    // date, the page must count down from the server's clock, not the browser's.
    server = await startStatusServer({ source, lang: "en", now: () => serverNow });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    await page.clock.install({ time: BROWSER_START });
    await page.clock.pauseAt(BROWSER_START + 1000);
    await page.goto(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shop1 = () => page.locator('section[data-mall="shop1"]');
  const shop2 = () => page.locator('section[data-mall="shop2"]');

  it("counts the access token down every second from the server's clock", async () => {
    const countdown = shop1().locator('[data-field="accessTokenExpiresAt"]');
    const seen = [await countdown.textContent()];
    // Two seconds, before the first /status poll at 5 s: only the one-second tick changes the text.
    for (let i = 0; i < 2; i++) {
      await advance(1000);
      seen.push(await countdown.textContent());
    }
    expect(seen).toEqual(["1:32:05", "1:32:04", "1:32:03"]);
    expect(await shop1().locator('[data-field="refreshTokenExpiresAt"]').textContent()).toBe("13 d 4:05:07");
  });

  it("shows the healthy mall as healthy, without a banner", async () => {
    expect(await shop1().getAttribute("data-state")).toBe("ok");
    expect(await shop1().locator(".state").textContent()).toBe("Healthy");
    expect(await shop1().locator(".banner").isVisible()).toBe(false);
  });

  it("shows the mall needing re-authorization with a visible banner and the command to run", async () => {
    const banner = shop2().locator(".banner");
    expect(await banner.isVisible()).toBe(true);
    expect(await banner.locator(".reauth-command").isVisible()).toBe(true);
    expect(await banner.locator(".reauth-command").textContent()).toBe(REAUTH_COMMAND);
    expect(await shop2().locator(".state").textContent()).toBe("Re-authorization required");
    await mkdir("test-results", { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it("takes the manager's new state from /status without a reload, and ran without script errors", async () => {
    source.set(snapshotOf([healthyMall(), { ...healthyMall("shop2"), events: [] }]));
    const banner = shop2().locator(".banner");
    // The page polls /status every 5 s: the poll's answer is drawn without a reload.
    await advance(5000);
    await page.waitForSelector('section[data-mall="shop2"][data-state="ok"]', { timeout: 20_000 });
    expect(await banner.isVisible()).toBe(false);
    expect(await shop2().locator(".state").textContent()).toBe("Healthy");
    expect(await shop2().locator(".events").textContent()).toBe("No events yet.");
    expect(await page.locator(".summary").textContent()).toContain("2 malls · 0 need a person");
    expect(problems).toEqual([]);
  });
});
