import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/i18n/translate.js";
import { createStatusApp } from "../../src/watch/status-server/create-status-app.js";
import type { MallWatchState, MallWatchStatus } from "../../src/watch/watch-status.js";
import { fakeSource, healthyMall, NOW, snapshotOf } from "./fake-watch-source.js";

const COMMAND = "cafe24-doctor token login --mall shop3";

/** A mall whose app is gone: not refreshed any more, waiting for the merchant and a new consent. */
function removedMall(state: MallWatchState & ("app-deleted" | "app-expired")): MallWatchStatus {
  return {
    ...healthyMall("shop3"),
    state,
    nextRefreshAt: null,
    events: [
      { at: NOW - 60_000, kind: "app-removed", message: "The merchant deleted the app from mall shop3." },
    ],
    reauthCommand: COMMAND,
  };
}

async function page(state: "app-deleted" | "app-expired", lang: Lang) {
  const app = createStatusApp({
    source: fakeSource(snapshotOf([healthyMall(), removedMall(state)])),
    lang,
    now: () => NOW,
  });
  return (await app.request("/")).text();
}

const card = (html: string, mallId: string) =>
  new RegExp(`<section class="mall" data-mall="${mallId}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? "";

describe("the status page for a mall whose app was removed", () => {
  it.each([
    [
      "app-deleted",
      "en",
      "App deleted by the merchant",
      "The merchant deleted the app from this mall",
      "app removed from the mall",
    ],
    [
      "app-deleted",
      "ko",
      "운영자가 앱을 삭제함",
      "운영자가 이 쇼핑몰에서 앱을 삭제했습니다",
      "쇼핑몰에서 앱이 제거됨",
    ],
    ["app-expired", "en", "App expired", "term on this mall has expired", "app removed from the mall"],
    ["app-expired", "ko", "앱 사용 기간 만료", "앱의 사용 기간이 만료됐습니다", "쇼핑몰에서 앱이 제거됨"],
  ] as const)(
    "names %s in %s: state, a red banner with the cause and the command, the event",
    async (state, lang, label, banner, event) => {
      const html = card(await page(state, lang), "shop3");

      expect(html).toContain(`data-state="${state}"`);
      expect(html).toContain(`<span class="state">${label}</span>`);
      expect(html).toMatch(/<div class="banner" role="alert">/);
      expect(html).toContain(banner);
      expect(html).toContain(`<code class="reauth-command">${COMMAND}</code>`);
      expect(html).toContain(event);
      // Not worded as an expired token or a scope problem.
      expect(html).not.toMatch(/refresh token is expired|refresh token이 만료/);
    },
  );

  it("gives the live script the state labels and banners in the page's language", async () => {
    const html = await page("app-deleted", "ko");
    const labels = JSON.parse(
      (/data-labels="([^"]*)"/.exec(html)?.[1] ?? "{}").replaceAll("&quot;", '"').replaceAll("&amp;", "&"),
    );
    expect(labels.states["app-deleted"]).toBe("운영자가 앱을 삭제함");
    expect(labels.states["app-expired"]).toBe("앱 사용 기간 만료");
    expect(labels.banners.appDeleted).toContain("운영자가 이 쇼핑몰에서 앱을 삭제했습니다");
    expect(labels.events["app-removed"]).toBe("쇼핑몰에서 앱이 제거됨");
  });

  it("counts it among the malls that need a person, in /status and /healthz", async () => {
    const app = createStatusApp({
      source: fakeSource(snapshotOf([healthyMall(), removedMall("app-expired")])),
      lang: "en",
      now: () => NOW,
    });
    const status = (await (await app.request("/status")).json()) as { malls: MallWatchStatus[] };
    expect(status.malls[1]).toMatchObject({
      state: "app-expired",
      needsReauth: true,
      reauthCommand: COMMAND,
    });
    const health = await app.request("/healthz");
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ malls: [{ mallId: "shop3", state: "app-expired" }] });
  });
});
