import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import { assertMallId } from "./mall-id.js";

export const DEFAULT_BASE_URL_TEMPLATE = "https://{mall_id}.cafe24api.com";

export interface BaseUrlOptions {
  /** Template with `{mall_id}`, e.g. the emulator's `http://127.0.0.1:8724/malls/{mall_id}`. */
  baseUrl?: string;
  /** Plain http is refused unless the host is loopback AND this is set (the emulator's opt-in). */
  allowInsecureLoopback?: boolean;
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/**
 * The root a mall's API hangs under (no trailing slash): `${root}/api/v2/admin/...`, `${root}/api/v2/oauth/...`.
 * Real Cafe24 is HTTPS only (plain http → 403), so http: is accepted only for loopback and only when opted in.
 */
export function mallBaseUrl(mallId: string, options: BaseUrlOptions = {}): string {
  assertMallId(mallId);
  const template = options.baseUrl ?? DEFAULT_BASE_URL_TEMPLATE;
  let url: URL;
  try {
    url = new URL(template.replaceAll("{mall_id}", mallId));
  } catch {
    throw new DoctorError(ERROR_CODES.invalidOptions, `The base URL "${template}" is not a valid URL.`);
  }
  if (url.protocol === "http:") {
    if (!LOOPBACK_HOSTS.has(url.hostname)) {
      throw new DoctorError(
        ERROR_CODES.insecureUrl,
        `Refusing plain http for ${url.host}: Cafe24 is HTTPS only.`,
      );
    }
    if (!options.allowInsecureLoopback) {
      throw new DoctorError(
        ERROR_CODES.insecureUrl,
        `Plain http to ${url.host} needs allowInsecureLoopback: true (meant for the local emulator).`,
      );
    }
  } else if (url.protocol !== "https:") {
    throw new DoctorError(ERROR_CODES.invalidOptions, `The base URL must be https: (got ${url.protocol}).`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}
