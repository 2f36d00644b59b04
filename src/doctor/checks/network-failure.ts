/** Why a request got no HTTP answer, in the terms a person can act on. */
export type NetworkFailure = "refused" | "timeout" | "tls" | "unreachable";

const TLS_CODE = /^(CERT_|ERR_TLS_|ERR_SSL_)|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|DEPTH_ZERO/;
const TIMEOUT_CODES = new Set(["ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT"]);

/**
 * Classifies what fetch threw. Node's fetch wraps the socket error as `cause` ("fetch failed"), and with
 * several addresses to try (happy eyeballs) the cause is an AggregateError of one error per address.
 * Undefined when it is no network failure at all: an error without a system or undici code (a TypeError in
 * our own code, say) is a bug, and calling it "host unreachable" would send the user after the wrong cause.
 */
export function classifyNetworkError(error: unknown): { kind: NetworkFailure; code: string } | undefined {
  if (error instanceof Error && error.name === "TimeoutError")
    return { kind: "timeout", code: "TimeoutError" };
  const code = errorCode(error);
  if (code === undefined) return undefined;
  if (code === "ECONNREFUSED") return { kind: "refused", code };
  if (TIMEOUT_CODES.has(code)) return { kind: "timeout", code };
  if (TLS_CODE.test(code)) return { kind: "tls", code };
  return { kind: "unreachable", code };
}

/** Whether fetch (or reading its body) failed for want of a network answer, rather than by a bug. */
export function isNetworkFailure(error: unknown): boolean {
  return classifyNetworkError(error) !== undefined;
}

function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: unknown } | undefined)?.cause ?? error;
  const direct = (cause as { code?: unknown } | undefined)?.code;
  if (typeof direct === "string") return direct;
  const first = (cause as { errors?: unknown[] } | undefined)?.errors?.[0] as { code?: unknown } | undefined;
  return typeof first?.code === "string" ? first.code : undefined;
}
