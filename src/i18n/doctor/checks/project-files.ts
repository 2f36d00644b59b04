import { checkCatalogue } from "./check-catalogue.js";

/** Check 14 — project files: its finding codes and messages. */
export const projectFilesCatalogue = checkCatalogue({
  codes: {
    /** A `.env` (or `.env.*`) tracked by git. → git rm --cached <file> && echo <file> >> .gitignore; reissue the secret */
    ENV_FILE_TRACKED_BY_GIT: "high",
    /**
     * One of the old toolkit's scripts that refresh the token (or exchange a code) without a lock. Raised to
     * high for auto_token_manager.py, which was meant to run in the background. → stop it, delete it, run watch
     */
    LEGACY_REFRESHER_SCRIPT: "medium",
    /** One of the old toolkit's diagnosis scripts that does not refresh: replaced, safe to delete. */
    LEGACY_DIAGNOSIS_SCRIPT: "low",
  },
  en: {
    "check.project-files.summary.ok": "no .env tracked by git, none of the old toolkit's scripts",
    "check.project-files.summary.found": "{count} file(s) in the project need attention",

    "check.project-files.envTracked.cause":
      "{file} is tracked by git: the client secret (and any token) in it travels with every clone and push.",
    "check.project-files.envTracked.remedy":
      "Untrack and ignore it. If it was ever pushed, treat the secret as exposed: reissue the client secret in Cafe24 Developers (Developer Center), put the new one in CAFE24_CLIENT_SECRET, and restart the app and `cafe24-doctor watch`.",
    "check.project-files.refresher.cause":
      "{file} is the old toolkit's {script}: it refreshes the same refresh token cafe24-doctor keeps, without a lock. Cafe24 rotates that token on every refresh, so whichever refreshes second is left with a dead one and the mall needs re-authorization.",
    "check.project-files.refresher.remedy":
      "Stop whatever runs it (a process, a cron line, a scheduled task) and delete it; {replacement} does its job lock-safe, and `cafe24-doctor watch` keeps the tokens alive.",
    "check.project-files.refreshingDiagnosis.cause":
      "{file} is the old toolkit's {script}, and it refreshes the token while it diagnoses, without a lock: run next to cafe24-doctor or your app, it can leave them with a dead refresh token.",
    "check.project-files.refreshingDiagnosis.remedy":
      "Stop running it and delete it; {replacement} diagnoses without ever refreshing.",
    "check.project-files.diagnosis.cause":
      "{file} is the old toolkit's {script}; {replacement} replaces it (it never refreshes, reads expiries in KST).",
    "check.project-files.diagnosis.remedy":
      "Nothing breaks; delete it when you no longer need it, and use {replacement} instead.",
  },
  ko: {
    "check.project-files.summary.ok": "git으로 추적되는 .env도, 예전 도구의 스크립트도 없음",
    "check.project-files.summary.found": "프로젝트에서 손볼 파일 {count}개",

    "check.project-files.envTracked.cause":
      "{file}이(가) git으로 추적되고 있습니다. 그 안의 client secret(과 토큰)이 모든 clone과 push에 함께 퍼집니다.",
    "check.project-files.envTracked.remedy":
      "추적을 멈추고 무시 목록에 넣으세요. 한 번이라도 push했다면 secret이 노출된 것으로 보고 카페24 개발자센터에서 client secret을 재발급해 CAFE24_CLIENT_SECRET에 넣은 뒤 앱과 `cafe24-doctor watch`를 다시 시작하세요.",
    "check.project-files.refresher.cause":
      "{file}은(는) 예전 도구의 {script}입니다. cafe24-doctor가 지키는 것과 같은 refresh token을 잠금 없이 갱신합니다. 카페24는 갱신할 때마다 토큰을 바꾸므로 나중에 갱신한 쪽은 죽은 토큰을 들고 있게 되고, 쇼핑몰을 다시 인증해야 합니다.",
    "check.project-files.refresher.remedy":
      "이 스크립트를 실행하는 것(프로세스, cron 줄, 예약 작업)을 멈추고 파일을 지우세요. 같은 일은 {replacement}이(가) 잠금을 지키며 하고, 토큰 유지는 `cafe24-doctor watch`가 맡습니다.",
    "check.project-files.refreshingDiagnosis.cause":
      "{file}은(는) 예전 도구의 {script}이며, 진단하면서 잠금 없이 토큰을 갱신합니다. cafe24-doctor나 앱과 함께 돌리면 그쪽 refresh token이 죽을 수 있습니다.",
    "check.project-files.refreshingDiagnosis.remedy":
      "더 이상 실행하지 말고 지우세요. {replacement}은(는) 진단 중에 절대 갱신하지 않습니다.",
    "check.project-files.diagnosis.cause":
      "{file}은(는) 예전 도구의 {script}입니다. {replacement}이(가) 이를 대신합니다(갱신하지 않고, 만료 시각을 KST로 읽음).",
    "check.project-files.diagnosis.remedy":
      "문제는 없습니다. 필요 없어지면 지우고 {replacement}을(를) 쓰세요.",
  },
});
