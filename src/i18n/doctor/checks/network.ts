import { checkCatalogue } from "./check-catalogue.js";

/** Check 5 — network: its finding codes and messages. */
export const networkCatalogue = checkCatalogue({
  codes: {
    /** → nslookup <host> (check CAFE24_MALL_ID / CAFE24_BASE_URL) */
    HOST_UNRESOLVABLE: "critical",
    /** The resolver did not answer. → nslookup <host> */
    DNS_FAILED: "high",
    CONNECTION_REFUSED: "critical",
    /** No answer within 3 s. */
    NETWORK_TIMEOUT: "critical",
    TLS_FAILED: "critical",
    /** Reset, no route, … */
    HOST_UNREACHABLE: "critical",
    /** The answer took over 2 s. */
    NETWORK_SLOW: "low",
  },
  en: {
    "check.network.summary.ok":
      "{host} answered in {ms} ms: reachable (DNS, connection and TLS work; the API root answers HTTP {status} to a call without a token, which is expected)",
    "check.network.summary.noTarget": "skipped: no valid mall id or base URL",
    "check.network.summary.unresolvable": "{host} does not resolve",
    "check.network.summary.dnsFailed": "DNS did not answer for {host}",
    "check.network.summary.refused": "{host} refused the connection",
    "check.network.summary.timeout": "{host} did not answer in time",
    "check.network.summary.tls": "TLS with {host} failed",
    "check.network.summary.unreachable": "{host} cannot be reached",

    "check.network.unresolvable.cause":
      "The mall's API host {host} does not resolve ({error}): the mall id or the base URL is wrong, or DNS is broken.",
    "check.network.unresolvable.remedy":
      "Check CAFE24_MALL_ID (the id in myshop.cafe24.com) and CAFE24_BASE_URL; then `nslookup {host}` should answer.",
    "check.network.dnsFailed.cause": "DNS did not answer for {host} ({error}).",
    "check.network.dnsFailed.remedy":
      "Check this machine's DNS server (`nslookup {host}`), then run the check again.",
    "check.network.refused.cause": "{host} refused the connection ({error}).",
    "check.network.refused.remedy":
      "Check the port in CAFE24_BASE_URL, and any proxy or firewall between this machine and {host}.",
    "check.network.timeout.cause": "{host} did not answer within {seconds} s.",
    "check.network.timeout.remedy":
      "Check the firewall, proxy and route to {host}: a connection that is silently dropped looks like this.",
    "check.network.tls.cause":
      "The TLS handshake with {host} failed ({error}): usually a proxy or antivirus intercepting HTTPS, or a wrong host.",
    "check.network.tls.remedy":
      "Connect without the intercepting proxy, or trust its certificate with NODE_EXTRA_CA_CERTS pointing to its CA file.",
    "check.network.unreachable.cause": "{host} cannot be reached ({error}).",
    "check.network.unreachable.remedy":
      "Check the network connection and the route to {host}, then run the check again.",
    "check.network.slow.cause": "{host} took {ms} ms to answer.",
    "check.network.slow.remedy": "Every API call will be as slow; check the network path if it persists.",
  },
  ko: {
    "check.network.summary.ok":
      "{host}이(가) {ms}ms 만에 응답: 연결 정상 (DNS, 접속, TLS 모두 정상. 토큰 없이 부른 API 루트가 HTTP {status}로 답하는 것은 정상입니다)",
    "check.network.summary.noTarget": "건너뜀: 올바른 쇼핑몰 ID나 기본 URL이 없음",
    "check.network.summary.unresolvable": "{host}의 주소를 찾을 수 없음",
    "check.network.summary.dnsFailed": "DNS가 {host}에 응답하지 않음",
    "check.network.summary.refused": "{host}이(가) 연결을 거부함",
    "check.network.summary.timeout": "{host}이(가) 제시간에 응답하지 않음",
    "check.network.summary.tls": "{host}와(과)의 TLS 연결 실패",
    "check.network.summary.unreachable": "{host}에 연결할 수 없음",

    "check.network.unresolvable.cause":
      "쇼핑몰 API 호스트 {host}의 주소를 찾을 수 없습니다({error}). 쇼핑몰 ID나 기본 URL이 틀렸거나 DNS에 문제가 있습니다.",
    "check.network.unresolvable.remedy":
      "CAFE24_MALL_ID(myshop.cafe24.com의 myshop)와 CAFE24_BASE_URL을 확인하세요. 그러면 `nslookup {host}`가 응답해야 합니다.",
    "check.network.dnsFailed.cause": "DNS가 {host}에 응답하지 않았습니다 ({error}).",
    "check.network.dnsFailed.remedy": "이 컴퓨터의 DNS 서버를 확인하고(`nslookup {host}`) 다시 진단하세요.",
    "check.network.refused.cause": "{host}이(가) 연결을 거부했습니다 ({error}).",
    "check.network.refused.remedy":
      "CAFE24_BASE_URL의 포트와, 이 컴퓨터와 {host} 사이의 프록시나 방화벽을 확인하세요.",
    "check.network.timeout.cause": "{host}이(가) {seconds}초 안에 응답하지 않았습니다.",
    "check.network.timeout.remedy":
      "{host}까지의 방화벽, 프록시, 경로를 확인하세요. 연결이 조용히 버려지면 이렇게 보입니다.",
    "check.network.tls.cause":
      "{host}와(과)의 TLS 핸드셰이크가 실패했습니다({error}). 대개 HTTPS를 가로채는 프록시나 백신, 또는 잘못된 호스트 때문입니다.",
    "check.network.tls.remedy":
      "가로채는 프록시 없이 연결하거나, NODE_EXTRA_CA_CERTS에 그 프록시의 CA 파일을 지정해 인증서를 신뢰하게 하세요.",
    "check.network.unreachable.cause": "{host}에 연결할 수 없습니다 ({error}).",
    "check.network.unreachable.remedy": "네트워크 연결과 {host}까지의 경로를 확인하고 다시 진단하세요.",
    "check.network.slow.cause": "{host}이(가) 응답하는 데 {ms}ms 걸렸습니다.",
    "check.network.slow.remedy": "API 호출도 모두 그만큼 느립니다. 계속되면 네트워크 경로를 확인하세요.",
  },
});
