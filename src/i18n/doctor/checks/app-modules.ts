import { checkCatalogue } from "./check-catalogue.js";

/** Check 11 — app modules: its finding codes and messages. */
export const appModulesCatalogue = checkCatalogue({
  codes: {
    /** The file is gone. → restore it or redeploy: `git restore -- <path>` */
    MODULE_MISSING: "high",
    /** Importing it throws; evidence names the error (masked, truncated). */
    MODULE_IMPORT_FAILED: "high",
    /** The import did not finish in time (e.g. a top-level await that never ends). */
    MODULE_IMPORT_TIMEOUT: "medium",
  },
  en: {
    "check.app-modules.skipped.none":
      "Skipped: no app modules are configured (modules in cafe24-doctor.config.json).",
    "check.app-modules.summary.ok": "All {count} app modules are in place.",
    "check.app-modules.summary.missing": "{count} app module(s) missing: {paths}.",
    "check.app-modules.summary.broken": "App modules that do not load: {paths}.",

    "check.app-modules.MODULE_MISSING.cause": "The app module {path} does not exist.",
    "check.app-modules.MODULE_MISSING.remedy":
      "Restore {path} (from version control or a backup) or redeploy the app.",
    "check.app-modules.MODULE_IMPORT_FAILED.cause": "Importing {path} throws {name}: {message}",
    "check.app-modules.MODULE_IMPORT_FAILED.remedy":
      "Run the module directly to see the full error, then fix it (a missing dependency: npm install; a missing setting: its environment variable).",
    "check.app-modules.MODULE_IMPORT_TIMEOUT.cause":
      "Importing {path} did not finish in time: its top-level code waits on something that never comes (a database, a network call).",
    "check.app-modules.MODULE_IMPORT_TIMEOUT.remedy":
      "Run the module directly and see what it waits for; move slow start-up work out of the module's top level.",
  },
  ko: {
    "check.app-modules.skipped.none":
      "건너뜀: 설정된 앱 모듈이 없습니다(cafe24-doctor.config.json의 modules).",
    "check.app-modules.summary.ok": "앱 모듈 {count}개가 모두 있습니다.",
    "check.app-modules.summary.missing": "앱 모듈 {count}개 누락: {paths}",
    "check.app-modules.summary.broken": "불러올 수 없는 앱 모듈: {paths}",

    "check.app-modules.MODULE_MISSING.cause": "앱 모듈 {path}이(가) 없습니다.",
    "check.app-modules.MODULE_MISSING.remedy":
      "{path} 파일을 복구하거나(버전 관리 또는 백업에서) 앱을 다시 배포하세요.",
    "check.app-modules.MODULE_IMPORT_FAILED.cause": "{path}을(를) 불러오면 {name} 오류가 납니다: {message}",
    "check.app-modules.MODULE_IMPORT_FAILED.remedy":
      "모듈을 직접 실행해 전체 오류를 확인하고 고치세요(의존성 누락이면 npm install, 설정 누락이면 해당 환경변수).",
    "check.app-modules.MODULE_IMPORT_TIMEOUT.cause":
      "{path}을(를) 불러오는 작업이 제시간에 끝나지 않았습니다. 모듈 최상위 코드가 오지 않는 무언가(데이터베이스, 네트워크 호출)를 기다리고 있습니다.",
    "check.app-modules.MODULE_IMPORT_TIMEOUT.remedy":
      "모듈을 직접 실행해 무엇을 기다리는지 확인하고, 오래 걸리는 초기화 작업은 모듈 최상위에서 빼세요.",
  },
});
