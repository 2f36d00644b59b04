/** Why a request got no HTTP answer, in the terms a person can act on. */
export type NetworkFailure = "refused" | "timeout" | "tls" | "unreachable";

const TLS_CODE = /^(CERT_|ERR_TLS_|ERR_SSL_)|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|DEPTH_ZERO/;
const TIMEOUT_CODES = new Set(["ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT"]);

/**
 * Classifies what fetch threw. Node's fetch wraps the socket error as `cause` ("fetch failed"), and with
 * several addresses to try (happy eyeballs) the cause is an AggregateError of one error per address.
 */
export function classifyNetworkError(error: unknown): { kind: NetworkFailure; code: string } {
  if (error instanceof Error && error.name === "TimeoutError")
    return { kind: "timeout", code: "TimeoutError" };
  const code = errorCode(error);
  if (code === "ECONNREFUSED") return { kind: "refused", code };
  if (TIMEOUT_CODES.has(code)) return { kind: "timeout", code };
  if (TLS_CODE.test(code)) return { kind: "tls", code };
  return { kind: "unreachable", code };
}

function errorCode(error: unknown): string {
  const cause = (error as { cause?: unknown } | undefined)?.cause ?? error;
  const direct = (cause as { code?: unknown } | undefined)?.code;
  if (typeof direct === "string") return direct;
  const first = (cause as { errors?: unknown[] } | undefined)?.errors?.[0] as { code?: unknown } | undefined;
  return typeof first?.code === "string" ? first.code : "error";
}
