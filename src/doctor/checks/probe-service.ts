import type { ServiceProbe } from "../../config/doctor-config.js";
import { formatBytes, readBodyCapped } from "../../util/read-body-capped.js";
import type { FetchLike } from "../../util/runtime.js";
import { abortError } from "../../util/runtime.js";
import { type FailedAssertion, firstFailedAssertion } from "./body-assertions.js";
import { type CertificateReading, readCertificateExpiry } from "./certificate-expiry.js";
import { isNetworkFailure } from "./network-failure.js";

/** Health bodies are small; a bigger one is not read, and not judged healthy. */
const MAX_BODY_BYTES = 256 * 1024;

export type ProbeProblem =
  | { kind: "refused" }
  | { kind: "unreachable"; code: string }
  | { kind: "timeout" }
  | { kind: "status"; actual: number }
  | { kind: "notJson"; contentType: string }
  | { kind: "assertion"; failed: FailedAssertion };

export interface ProbeResult {
  ms: number;
  status: number | undefined;
  problem: ProbeProblem | undefined;
  /** For https URLs only. */
  certificate: CertificateReading | undefined;
}

/**
 * One service probe: the status must be the expected one and, when assertions are configured, the JSON body
 * must satisfy them — "healthy" is what the body says, not HTTP 200. Its own timeout and the global deadline
 * both cut it off; the certificate of an https URL is read alongside.
 */
export async function probeService(
  probe: ServiceProbe,
  fetchFn: FetchLike,
  signal: AbortSignal,
): Promise<ProbeResult> {
  const url = new URL(probe.url);
  const certificate =
    url.protocol === "https:"
      ? readCertificateExpiry(url, probe.timeoutMs, signal)
      : Promise.resolve(undefined);
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal.reason);
  signal.addEventListener("abort", onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new Error("timeout")), probe.timeoutMs);
  const started = performance.now();
  let status: number | undefined;
  let problem: ProbeProblem | undefined;
  try {
    const response = await fetchFn(url, { signal: controller.signal, redirect: "manual" });
    status = response.status;
    problem = await judge(response, probe);
  } catch (error) {
    if (signal.aborted) throw abortError(signal);
    // Anything but a network failure (a TypeError while judging the body, say) is a bug of this check, which
    // the runner reports as such: calling it "unreachable" would blame the service.
    if (!controller.signal.aborted && !isNetworkFailure(error)) throw error;
    problem = controller.signal.aborted ? { kind: "timeout" } : networkProblem(error);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", onAbort);
  }
  const ms = Math.round(performance.now() - started);
  return { ms, status, problem, certificate: await certificate };
}

async function judge(response: Response, probe: ServiceProbe): Promise<ProbeProblem | undefined> {
  if (response.status !== probe.expectStatus) {
    await response.body?.cancel();
    return { kind: "status", actual: response.status };
  }
  if (probe.assertions.length === 0) {
    await response.body?.cancel();
    return undefined;
  }
  const contentType = response.headers.get("content-type")?.split(";")[0] ?? "none";
  const read = await readBodyCapped(response, MAX_BODY_BYTES);
  // Too big to be a health document: reported as one that cannot be read, with the reason next to its type.
  if (!read.ok)
    return { kind: "notJson", contentType: `${contentType}, over ${formatBytes(read.limitBytes)}` };
  let body: unknown;
  try {
    body = JSON.parse(read.text);
  } catch {
    return { kind: "notJson", contentType };
  }
  const failed = firstFailedAssertion(body, probe.assertions);
  return failed ? { kind: "assertion", failed } : undefined;
}

/** fetch rejects with "fetch failed"; the system error code is on its cause. */
function networkProblem(error: unknown): ProbeProblem {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === "string" ? cause.code : error instanceof Error ? error.name : "error";
  return code === "ECONNREFUSED" ? { kind: "refused" } : { kind: "unreachable", code };
}
