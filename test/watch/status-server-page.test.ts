import { afterEach, describe, expect, it } from "vitest";
import type { Lang } from "../../src/i18n/translate.js";
import { createTranslator } from "../../src/i18n/translate.js";
import { clockText, countdownText } from "../../src/watch/status-server/page-text.js";
import {
  type RunningStatusServer,
  startStatusServer,
} from "../../src/watch/status-server/start-status-server.js";
import {
  fakeSource,
  HOSTILE,
  healthyMall,
  NOW,
  REAUTH_COMMAND,
  reauthMall,
  snapshotOf,
} from "./fake-watch-source.js";

let server: RunningStatusServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function page(lang: Lang = "en", query = "") {
  const source = fakeSource(snapshotOf([healthyMall(), reauthMall()]));
  server = await startStatusServer({ source, lang, now: () => NOW });
  return (await fetch(`${server.url}/${query}`)).text();
}

/** The HTML of one mall's card. */
const card = (html: string, mallId: string) =>
  new RegExp(`<section class="mall" data-mall="${mallId}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? "";

describe("the status page", () => {
  it("holds each token's expiry as epoch ms for the live countdown, with the value rendered for no-JS", async () => {
    const shop1 = card(await page(), "shop1");
    const access = healthyMall().accessTokenExpiresAt;
    const refresh = healthyMall().refreshTokenExpiresAt;
    expect(shop1).toContain(
      `<span class="countdown" data-countdown data-field="accessTokenExpiresAt" data-at="${access}">1:32:05</span>`,
    );
    expect(shop1).toContain(`data-field="refreshTokenExpiresAt" data-at="${refresh}">13 d 4:05:09</span>`);
    expect(shop1).toMatch(/data-relative data-field="lastRefreshAt" data-at="\d+">0:28:00 ago</);
    expect(shop1).toMatch(/data-relative data-field="nextRefreshAt" data-at="\d+">in 1:22:05</);
    expect(shop1).toContain("2026-03-01 13:32:05 KST");
  });

  it("shows an expired token as expired, in red", async () => {
    const shop2 = card(await page(), "shop2");
    expect(shop2).toContain('class="countdown expired"');
    expect(shop2).toContain("expired 0:10:00 ago");
  });

  it("raises a red banner with the command to run for a mall needing re-authorization, and not for a healthy one", async () => {
    const html = await page();
    expect(card(html, "shop2")).toContain(
      `<div class="banner" role="alert">\n<p class="banner-text">This mall needs a person`,
    );
    expect(card(html, "shop2")).toContain(`<pre><code class="reauth-command">${REAUTH_COMMAND}</code></pre>`);
    expect(card(html, "shop1")).toContain('<div class="banner" role="alert" hidden>');
    expect(html).toMatch(/\.banner\{background:var\(--bad\)/);
    expect(html).toContain("2 malls · 1 need a person");
  });

  it("shows state, recent events and the last diagnosis with its root cause and command", async () => {
    const html = await page();
    expect(card(html, "shop1")).toContain('<span class="state">Healthy</span>');
    expect(card(html, "shop1")).toContain("<strong>refreshed</strong> <span>access token refreshed</span>");
    expect(card(html, "shop1")).toContain(
      '<span class="verdict v-healthy">Healthy — every check passed</span>',
    );
    const shop2 = card(html, "shop2");
    expect(shop2).toContain('<span class="state">Re-authorization required</span>');
    expect(shop2).toContain('<span class="verdict v-problems">Problems');
    expect(shop2).toContain('<p class="cause">Refresh token expired &lt;script&gt;');
    expect(shop2).toContain(`<pre><code>${REAUTH_COMMAND}</code></pre>`);
    expect(shop2).toContain("1 consecutive failures; last: CAFE24_REAUTH_REQUIRED invalid_grant");
  });

  it("is in Korean or English by option, and ?lang overrides it", async () => {
    const ko = await page("ko");
    expect(ko).toContain('<html lang="ko">');
    expect(ko).toContain('<span class="state">재인증 필요</span>');
    expect(ko).toContain("13일 4:05:09");
    expect(ko).toContain("0:28:00 전");
    expect(ko).toContain("사람의 조치가 필요합니다");
    await server?.close();
    const en = await page("ko", "?lang=en");
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<span class="state">Re-authorization required</span>');
    await server?.close();
    expect(await page("en", "?lang=fr")).toContain('<html lang="en">');
  });

  it("gives the live script its labels in the page's language", async () => {
    const ko = await page("ko");
    const labels = JSON.parse(
      (/data-labels="([^"]*)"/.exec(ko)?.[1] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&"),
    );
    expect(labels.days).toBe("{n}일");
    expect(labels.states["reauth-required"]).toBe("재인증 필요");
    expect(labels.summary).toContain("{malls}");
  });

  it("escapes hostile text from events, errors and diagnoses: the only script is its own", async () => {
    const html = await page();
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toMatch(/<img/i);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;",
    );
  });

  it("escapes a hostile mall id in attributes and text", async () => {
    const evil = { ...healthyMall('"><script>alert(1)</script>'), events: [] };
    server = await startStatusServer({ source: fakeSource(snapshotOf([evil])), lang: "en", now: () => NOW });
    const html = await (await fetch(server.url)).text();
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('data-mall="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it("is self-contained and readable on a phone: nothing fetched from elsewhere", async () => {
    const html = await page();
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.filter((tag) => /\b(src|href|action|srcset)\s*=|https?:/i.test(tag))).toEqual([]);
    expect(html).not.toMatch(/url\(|@import/i);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('fetch("status"');
  });

  it("says so when there is no mall to show", async () => {
    server = await startStatusServer({ source: fakeSource(snapshotOf([])), lang: "en", now: () => NOW });
    expect(await (await fetch(server.url)).text()).toContain("No malls are being watched.");
  });
});

describe("the page's time texts", () => {
  const en = createTranslator("en");
  it("count down as a ticking clock, with days once over 24 hours", () => {
    expect(clockText(59_999, en)).toBe("0:00:59");
    expect(clockText((3600 + 32 * 60 + 5) * 1000, en)).toBe("1:32:05");
    expect(clockText((2 * 86_400 + 5) * 1000, createTranslator("ko"))).toBe("2일 0:00:05");
  });

  it("say unknown or expired when there is no time left to count", () => {
    expect(countdownText(null, NOW, en)).toBe("unknown");
    expect(countdownText(NOW - 61_000, NOW, en)).toBe("expired 0:01:01 ago");
    expect(countdownText(NOW, NOW, en)).toBe("0:00:00");
  });
});
