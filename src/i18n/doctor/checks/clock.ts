import { checkCatalogue } from "./check-catalogue.js";

/** Check 4 — clock: its finding codes and messages. */
export const clockCatalogue = checkCatalogue({
  codes: {
    /** → timedatectl set-ntp true (macOS: sntp, Windows: w32tm) */
    CLOCK_NINE_HOUR_SKEW: "high",
    /** → timedatectl set-ntp true */
    CLOCK_SKEW: "high",
  },
  en: {
    "check.clock.summary.ok": "in step with Cafe24 (within {seconds} s; host zone {zone})",
    "check.clock.summary.ahead": "host clock {seconds} s ahead of Cafe24",
    "check.clock.summary.behind": "host clock {seconds} s behind Cafe24",
    "check.clock.summary.nineAhead": "host clock 9 h ahead of Cafe24: the time-zone trap",
    "check.clock.summary.nineBehind": "host clock 9 h behind Cafe24: the time-zone trap",
    "check.clock.summary.noServerTime": "skipped: no answer from Cafe24 to compare with",

    "check.clock.nineAhead.cause":
      "This host's clock is about 9 hours ahead of Cafe24's: it was set to Korean wall time while the system takes it for UTC (zone {zone}). Valid tokens look expired hours early.",
    "check.clock.nineAhead.remedy":
      "Let the system keep time (`{command}`) and set the time zone instead of moving the clock (e.g. `timedatectl set-timezone Asia/Seoul`); then run the check again.",
    "check.clock.nineBehind.cause":
      "This host's clock is about 9 hours behind Cafe24's: UTC wall time was entered as if it were Korean time (zone {zone}). Expired tokens look valid for hours while every call fails.",
    "check.clock.nineBehind.remedy":
      "Let the system keep time (`{command}`) and set the time zone instead of moving the clock (e.g. `timedatectl set-timezone Asia/Seoul`); then run the check again.",
    "check.clock.skew.cause":
      "This host's clock differs from Cafe24's by {seconds} s, so every token expiry it computes is off by as much.",
    "check.clock.skew.remedy": "Turn on time synchronization: `{command}`.",
  },
  ko: {
    "check.clock.summary.ok": "카페24와 시각 일치 ({seconds}초 이내, 호스트 시간대 {zone})",
    "check.clock.summary.ahead": "호스트 시계가 카페24보다 {seconds}초 빠름",
    "check.clock.summary.behind": "호스트 시계가 카페24보다 {seconds}초 느림",
    "check.clock.summary.nineAhead": "호스트 시계가 카페24보다 9시간 빠름: 시간대 함정",
    "check.clock.summary.nineBehind": "호스트 시계가 카페24보다 9시간 느림: 시간대 함정",
    "check.clock.summary.noServerTime": "건너뜀: 비교할 카페24 응답이 없음",

    "check.clock.nineAhead.cause":
      "이 컴퓨터의 시계가 카페24보다 약 9시간 빠릅니다. 시계를 한국 시각에 맞춰 놓았는데 시스템은 그것을 UTC로 여깁니다(시간대 {zone}). 유효한 토큰이 몇 시간 일찍 만료된 것으로 보입니다.",
    "check.clock.nineAhead.remedy":
      "시스템이 시각을 맞추게 하고(`{command}`), 시계를 옮기는 대신 시간대를 설정하세요(예: `timedatectl set-timezone Asia/Seoul`). 그다음 다시 진단하세요.",
    "check.clock.nineBehind.cause":
      "이 컴퓨터의 시계가 카페24보다 약 9시간 느립니다. UTC 시각을 한국 시각인 것처럼 입력했습니다(시간대 {zone}). 만료된 토큰이 몇 시간 동안 유효해 보이는데 호출은 모두 실패합니다.",
    "check.clock.nineBehind.remedy":
      "시스템이 시각을 맞추게 하고(`{command}`), 시계를 옮기는 대신 시간대를 설정하세요(예: `timedatectl set-timezone Asia/Seoul`). 그다음 다시 진단하세요.",
    "check.clock.skew.cause":
      "이 컴퓨터의 시계가 카페24와 {seconds}초 차이 납니다. 계산하는 토큰 만료 시각도 그만큼 어긋납니다.",
    "check.clock.skew.remedy": "시간 동기화를 켜세요: `{command}`.",
  },
});
