import type { reportEn } from "./report.en.js";

export const reportKo: Record<keyof typeof reportEn, string> = {
  "report.check.configuration": "설정",
  "report.check.token-store": "토큰 저장소",
  "report.check.token-lifetimes": "토큰 상태",
  "report.check.clock": "시계",
  "report.check.network": "네트워크",
  "report.check.authentication": "인증",
  "report.check.scope-coverage": "권한 범위",
  "report.check.data-apis": "데이터 API",
  "report.check.rate-limit": "호출 한도 여유",
  "report.check.api-version": "API 버전",
  "report.check.app-modules": "앱 모듈",
  "report.check.services": "서비스",

  "report.tag.ok": "[정상]",
  "report.tag.expired": "[만료]",
  "report.tag.fail": "[실패]",
  "report.tag.missing": "[누락]",
  "report.tag.warn": "[경고]",
  "report.tag.skipped": "[건너뜀]",

  "report.urgency.critical": "긴급",
  "report.urgency.high": "높음",
  "report.urgency.medium": "보통",
  "report.urgency.low": "낮음",

  "report.verdict.healthy": "정상 — 모든 검사를 통과했습니다",
  "report.verdict.warnings": "경고만 있음 — 동작은 하지만 위 항목을 확인하세요",
  "report.verdict.problems": "문제 있음 — 위 순서대로 해결하세요",
  "report.verdict.line":
    "{verdict} ({exitCode}) · 검사 {checks}개 · {duration} · API 호출 {spent}/{budget}회",
  "report.deadline.hit":
    "{deadline} 제한 시간이 지나 진단을 중단했습니다. 그때까지 끝나지 않은 검사는 중간에 멈췄습니다.",
  "report.exitCode": "종료 코드 {code}",
  "report.files": "보고서 저장 위치: {paths}",

  "report.problems.title": "긴급도별 문제",
  "report.problems.none": "발견된 문제가 없습니다.",
  "report.problem.evidence": "근거",
  "report.problem.remedy": "해결",
  "report.problem.command": "실행",
  "report.rootCause.title": "근본 원인",
  "report.rootCause.suspects": "의심 대상",

  "report.html.title": "cafe24-doctor 진단 보고서",
  "report.html.meta": "쇼핑몰 {mallId} · {generatedAt} KST · {duration} · API 호출 {spent}/{budget}회",
  "report.html.noMall": "(쇼핑몰 ID 없음)",
  "report.html.problems": "문제 (긴급한 순)",
  "report.html.timeline": "타임라인",
  "report.html.timelineHint":
    "막대는 각 검사가 시작된 시점에서 시작합니다. 겹치는 막대는 동시에 실행되었습니다.",
  "report.html.checks": "검사 항목",
  "report.html.findings": "발견된 문제",
  "report.html.evidence": "근거",
  "report.html.http": "HTTP 호출",
  "report.html.httpNone": "HTTP 호출이 없었습니다.",
  "report.html.col.time": "시각 (KST)",
  "report.html.col.method": "메서드",
  "report.html.col.url": "URL",
  "report.html.col.status": "상태",
  "report.html.col.ms": "ms",
  "report.html.col.limit": "X-Api-Call-Limit",
  "report.html.col.error": "오류",
  "report.html.footer": "cafe24-doctor {version}이(가) 생성했습니다. 비밀 값과 개인정보는 포함되지 않습니다.",

  "report.seconds": "{n}초",
};
