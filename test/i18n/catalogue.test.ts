import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en.js";
import { ko } from "../../src/i18n/ko.js";
import { createTranslator, formatDuration, formatRelative, resolveLang } from "../../src/i18n/translate.js";

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+(?::duration|:authFailure)?)\}/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  it("has every English key in Korean, and no extra ones", () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  });

  it("uses the same placeholders in both languages", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(ko[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("has no empty message and Korean text that is actually Korean where English has words", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(ko[key].trim().length, key).toBeGreaterThan(0);
    }
    expect(ko["demo.title"]).toMatch(/[가-힣]/);
  });

  it("renders {name:duration} placeholders as a duration in the language", () => {
    expect(
      createTranslator("ko")("check.token-lifetimes.summary.refreshExpired", { refreshMs: 60_000 }),
    ).toContain("1분");
    expect(
      createTranslator("en")("check.token-lifetimes.summary.refreshExpired", { refreshMs: 26 * 3_600_000 }),
    ).toContain("1 d 2 h");
  });

  it("says why authentication failed in words, not as its code (no-token → no token stored)", () => {
    const en = createTranslator("en")("check.data-apis.skipped.notAuthenticated", { failure: "no-token" });
    expect(en).toContain("authentication failed (no token stored)");
    expect(en).not.toContain("no-token");
    expect(
      createTranslator("ko")("check.api-version.skipped.notAuthenticated", { failure: "no-token" }),
    ).toContain("저장된 토큰 없음");
    // A code without words yet is still shown, rather than nothing.
    expect(
      createTranslator("en")("check.scope-coverage.skipped.notAuthenticated", { failure: "brand-new" }),
    ).toContain("(brand-new)");
  });

  it("words what a newcomer could not place: the network's 404 and the old auto_token_manager.py suspect", () => {
    for (const lang of ["en", "ko"] as const) {
      const t = createTranslator(lang);
      const network = t("check.network.summary.ok", { host: "myshop.cafe24api.com", ms: 80, status: 404 });
      expect(network).toContain("HTTP 404");
      expect(network).toMatch(lang === "en" ? /reachable.*expected/ : /연결 정상.*정상입니다/);
      const suspect = t("rootcause.suspect.oldAutoRefresher");
      expect(suspect).toContain(lang === "en" ? "its own copy" : "자기 토큰 사본");
      expect(suspect).toContain("ps aux | grep auto_token_manager");
      expect(suspect).toContain("cafe24-doctor watch");
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    const t = createTranslator("en");
    expect(t("demo.emulator", { url: "http://127.0.0.1:1", mallId: "shop" })).toContain("http://127.0.0.1:1");
    expect(t("demo.emulator", {})).toContain("{url}");
  });
});

describe("language choice", () => {
  it("prefers --lang, then the locale", () => {
    expect(resolveLang("en", { LANG: "ko_KR.UTF-8" })).toBe("en");
    expect(resolveLang(undefined, { LANG: "ko_KR.UTF-8" })).toBe("ko");
    expect(resolveLang(undefined, { LC_ALL: "ko_KR.UTF-8", LANG: "en_US.UTF-8" })).toBe("ko");
    expect(resolveLang(undefined, { LANG: "C.UTF-8" })).toBe("en");
    expect(resolveLang(undefined, {})).toBe("en");
  });
});

describe("durations", () => {
  it("shows the two largest units in each language", () => {
    expect(formatDuration((3600 + 32 * 60 + 5) * 1000, createTranslator("ko"))).toBe("1시간 32분");
    expect(formatDuration((3600 + 32 * 60 + 5) * 1000, createTranslator("en"))).toBe("1 h 32 min");
    expect(formatDuration(14 * 86_400_000, createTranslator("en"))).toBe("14 d");
    expect(formatDuration(400, createTranslator("en"))).toBe("0 s");
  });

  it("says remaining or past", () => {
    expect(formatRelative(90_000, createTranslator("ko"))).toBe("1분 30초 남음");
    expect(formatRelative(-90_000, createTranslator("en"))).toBe("1 min 30 s ago");
  });
});
