import { checkCatalogue } from "./check-catalogue.js";

/** Check 12 — services: its finding codes and messages. */
export const servicesCatalogue = checkCatalogue({
  codes: {
    /**
     * 200, but a `…token…` assertion fails: the service's own token is dead; high for a local server.
     * → `cafe24-doctor token login`, then give it the new token
     */
    SERVICE_TOKEN_INVALID: "critical",
    /** Another body assertion fails. */
    SERVICE_ASSERTION_FAILED: "high",
    /** The status differs from expectStatus. */
    SERVICE_BAD_STATUS: "high",
    /** Assertions are configured but the body is not JSON. */
    SERVICE_NOT_JSON: "high",
    /** Connection refused on a local server: start the server. */
    LOCAL_SERVER_DOWN: "high",
    /** Refused, DNS or TLS failure on a deployed service. */
    SERVICE_UNREACHABLE: "high",
    /** No answer within the probe's timeout. */
    SERVICE_TIMEOUT: "high",
    /** The https certificate has expired. */
    SERVICE_CERT_EXPIRED: "high",
    /** It expires within 14 days. */
    SERVICE_CERT_EXPIRING: "medium",
  },
  en: {
    "check.services.skipped.none": "Skipped: no services or local servers are configured.",
    "check.services.summary.ok": "All {count} services answer as expected.",
    "check.services.summary.problems": "{failed} of {count} services have problems: {names}.",

    "check.services.SERVICE_TOKEN_INVALID.cause":
      "{service} answers {actualType} {actual} for {path} (expected {expected}): the deployment's token is dead although it answers 200.",
    "check.services.SERVICE_TOKEN_INVALID.remedy":
      "The service holds its own token, and it no longer works (expired, rotated by another process, or revoked). Authorize again, give the service the new token through the shared token store rather than a copied variable, and restart it.",
    "check.services.SERVICE_ASSERTION_FAILED.cause":
      "{service} answers {actualType} {actual} for {path}, expected {expected}.",
    "check.services.SERVICE_ASSERTION_FAILED.remedy":
      "Check the service's logs for why it reports {path} that way.",
    "check.services.SERVICE_BAD_STATUS.cause": "{service} answered {actual}, expected {expected} ({url}).",
    "check.services.SERVICE_BAD_STATUS.remedy":
      "Check the service's logs and the URL; restart or redeploy it if it is broken.",
    "check.services.SERVICE_NOT_JSON.cause":
      "{service}'s body is not JSON ({contentType}), so its health cannot be read from it.",
    "check.services.SERVICE_NOT_JSON.remedy":
      "Point the probe at the service's JSON health endpoint ({url}), or fix the endpoint (an error page instead of JSON means it is failing).",
    "check.services.LOCAL_SERVER_DOWN.cause":
      "Nothing listens at {url} (connection refused): is {service} running?",
    "check.services.LOCAL_SERVER_DOWN.remedy": "Start the server, then check again.",
    "check.services.SERVICE_UNREACHABLE.cause": "{service} at {url} cannot be reached ({code}).",
    "check.services.SERVICE_UNREACHABLE.remedy":
      "Check the URL and DNS, and whether the deployment is up in its hosting dashboard.",
    "check.services.SERVICE_TIMEOUT.cause": "{service} did not answer within {timeout} ms ({url}).",
    "check.services.SERVICE_TIMEOUT.remedy":
      "It accepts connections but does not answer: check its logs, and restart it if it hangs.",
    "check.services.SERVICE_CERT_EXPIRED.cause":
      "{service}'s TLS certificate expired on {date}; clients refuse to connect.",
    "check.services.SERVICE_CERT_EXPIRING.cause":
      "{service}'s TLS certificate expires on {date}, in {days} days.",
    "check.services.certificate.remedy":
      "Renew {service}'s certificate (and check that automatic renewal works).",
  },
  ko: {
    "check.services.skipped.none": "건너뜀: 설정된 서비스나 로컬 서버가 없습니다.",
    "check.services.summary.ok": "서비스 {count}개가 모두 기대한 대로 응답합니다.",
    "check.services.summary.problems": "서비스 {count}개 중 {failed}개에 문제가 있습니다: {names}",

    "check.services.SERVICE_TOKEN_INVALID.cause":
      "{service}가 {path}에 {actualType} {actual}로 응답합니다(기대값 {expected}). 200으로 응답하지만 배포된 서비스의 토큰은 이미 죽었습니다.",
    "check.services.SERVICE_TOKEN_INVALID.remedy":
      "서비스가 자체 토큰을 들고 있는데 그 토큰이 더는 동작하지 않습니다(만료, 다른 프로세스의 갱신으로 교체, 또는 폐기). 다시 인증하고, 복사한 환경변수 대신 공유 토큰 저장소로 새 토큰을 서비스에 전달한 뒤 재시작하세요.",
    "check.services.SERVICE_ASSERTION_FAILED.cause":
      "{service}가 {path}에 {actualType} {actual}로 응답합니다. 기대값은 {expected}입니다.",
    "check.services.SERVICE_ASSERTION_FAILED.remedy":
      "서비스 로그에서 {path}가 왜 그렇게 보고되는지 확인하세요.",
    "check.services.SERVICE_BAD_STATUS.cause":
      "{service}가 {actual}로 응답했습니다. 기대값은 {expected}입니다({url}).",
    "check.services.SERVICE_BAD_STATUS.remedy":
      "서비스 로그와 URL을 확인하고, 고장 났다면 재시작하거나 다시 배포하세요.",
    "check.services.SERVICE_NOT_JSON.cause":
      "{service}의 응답 본문이 JSON이 아니어서({contentType}) 상태를 읽을 수 없습니다.",
    "check.services.SERVICE_NOT_JSON.remedy":
      "서비스의 JSON 상태 엔드포인트({url})를 점검 대상으로 지정하거나 엔드포인트를 고치세요(JSON 대신 오류 페이지가 온다면 실패 중입니다).",
    "check.services.LOCAL_SERVER_DOWN.cause":
      "{url}에서 응답하는 서버가 없습니다(연결 거부). {service}가 실행 중인가요?",
    "check.services.LOCAL_SERVER_DOWN.remedy": "서버를 시작한 뒤 다시 점검하세요.",
    "check.services.SERVICE_UNREACHABLE.cause": "{url}의 {service}에 연결할 수 없습니다({code}).",
    "check.services.SERVICE_UNREACHABLE.remedy":
      "URL과 DNS를 확인하고, 호스팅 대시보드에서 배포가 살아 있는지 확인하세요.",
    "check.services.SERVICE_TIMEOUT.cause": "{service}가 {timeout}ms 안에 응답하지 않았습니다({url}).",
    "check.services.SERVICE_TIMEOUT.remedy":
      "연결은 받지만 응답하지 않습니다. 로그를 확인하고 멈춰 있다면 재시작하세요.",
    "check.services.SERVICE_CERT_EXPIRED.cause":
      "{service}의 TLS 인증서가 {date}에 만료되어 클라이언트가 연결을 거부합니다.",
    "check.services.SERVICE_CERT_EXPIRING.cause":
      "{service}의 TLS 인증서가 {date}에 만료됩니다. {days}일 남았습니다.",
    "check.services.certificate.remedy":
      "{service}의 인증서를 갱신하세요(자동 갱신이 동작하는지도 확인하세요).",
  },
});
