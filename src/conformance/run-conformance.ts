import { CAFE24_API_VERSIONS } from "../cafe24/api-version-calendar.js";
import { HEADER } from "../cafe24/headers.js";
import { formatKstDate, formatKstIso } from "../cafe24/kst.js";
import { mallBaseUrl } from "../cafe24/mall-base-url.js";
import type { TokenStore } from "../store/token-store.js";
import { isLoopbackHost } from "../util/is-loopback-host.js";
import type { FetchLike, Now, Sleep } from "../util/runtime.js";
import { TOOL_VERSION } from "../util/tool-version.js";
import { headerFormats } from "./header-shape.js";
import { describeProbe, MADE_UP, PROBES, type Probe, resolveTemplate } from "./probes.js";
import type { ProbeResult, Recording } from "./recording.js";
import { scrubMessage } from "./scrub-message.js";
import { shapeOf } from "./value-shape.js";

/** Far under Cafe24's bucket (40 calls, 2 drained per second, §4): one call per 600 ms at most. */
export const MIN_PACE_MS = 600;

/** A run needs the access token to outlive it; a token this close to its end is treated as expired. */
const TOKEN_MARGIN_MS = 2 * 60_000;

export interface ConformanceTarget {
  mallId: string;
  clientId: string;
  clientSecret: string;
  /** Template with `{mall_id}`; Cafe24's own host when absent. */
  baseUrl?: string;
  allowInsecureLoopback?: boolean;
  redirectUri?: string;
  apiVersion?: string;
}

export interface ConformanceRunOptions {
  target: ConformanceTarget;
  store: TokenStore;
  fetch?: FetchLike;
  now?: Now;
  sleep: Sleep;
  /** Pause between calls; at least MIN_PACE_MS against Cafe24, any against a loopback emulator. */
  paceMs?: number;
  /** Told after each probe (progress lines). */
  onProbe?: (result: ProbeResult, index: number, total: number) => void;
}

export type ConformanceOutcome =
  | { kind: "no-token" }
  | { kind: "token-expired"; expiredAt: number }
  | { kind: "recorded"; recording: Recording };

/**
 * Runs every probe once, in order, paced, and records what came back as shapes. Reads the stored access token
 * and never refreshes it: a refresh rotates the mall's refresh token, and a measurement must change nothing.
 * Stops at the first 429.
 */
export async function runConformance(options: ConformanceRunOptions): Promise<ConformanceOutcome> {
  const { target, store } = options;
  const fetchFn = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const stored = await store.get(target.mallId);
  if (!stored) return { kind: "no-token" };
  const token = stored.token;
  if (token.accessTokenExpiresAt - TOKEN_MARGIN_MS <= now()) {
    return { kind: "token-expired", expiredAt: token.accessTokenExpiresAt };
  }
  const root = mallBaseUrl(target.mallId, {
    ...(target.baseUrl ? { baseUrl: target.baseUrl } : {}),
    allowInsecureLoopback: target.allowInsecureLoopback ?? false,
  });
  const loopback = isLoopback(root);
  const pace = loopback
    ? Math.max(0, options.paceMs ?? MIN_PACE_MS)
    : Math.max(MIN_PACE_MS, options.paceMs ?? 0);
  const known = [
    token.accessToken,
    token.refreshToken,
    target.clientSecret,
    target.clientId,
    target.mallId,
    token.userId ?? "",
    target.redirectUri ?? "",
    ...Object.values(MADE_UP),
  ];
  const results: ProbeResult[] = [];
  let complete = true;
  for (const [index, probe] of PROBES.entries()) {
    if (index > 0 && pace > 0) await options.sleep(pace);
    const started = now();
    const request = buildRequest(probe, root, target, token.accessToken, started);
    const result = await record(probe, () => fetchFn(request.url, request.init), known);
    results.push(result);
    options.onProbe?.(result, index, PROBES.length);
    if (result.status === 429) {
      complete = false;
      break;
    }
  }
  return {
    kind: "recorded",
    recording: {
      schemaVersion: 1,
      tool: { name: "cafe24-doctor", version: TOOL_VERSION },
      target: { kind: loopback ? "emulator" : "cafe24", host: hostPattern(target) },
      apiVersion: target.apiVersion ?? null,
      recordedAt: formatKstIso(now()),
      complete,
      probes: results,
    },
  };
}

function buildRequest(
  probe: Probe,
  root: string,
  target: ConformanceTarget,
  accessToken: string,
  now: number,
): { url: string; init: RequestInit } {
  const query = new URLSearchParams(
    Object.entries(probe.query ?? {}).map(([k, v]): [string, string] => [
      k,
      resolveTemplate(v, now, formatKstDate),
    ]),
  ).toString();
  if (probe.kind === "token") {
    const secret = probe.secret === "wrong" ? MADE_UP.secret : target.clientSecret;
    const form = Object.fromEntries(
      Object.entries(probe.form ?? {}).map(([k, v]) => [
        k,
        v === "{redirect_uri}" ? (target.redirectUri ?? "https://example.com/callback") : v,
      ]),
    );
    return {
      url: `${root}/api/v2${probe.path}`,
      init: {
        method: "POST",
        redirect: "manual",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          authorization: `Basic ${Buffer.from(`${target.clientId}:${secret}`).toString("base64")}`,
        },
        body: new URLSearchParams(form).toString(),
      },
    };
  }
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (probe.auth !== "none") {
    headers.authorization = `Bearer ${probe.auth === "made-up" ? MADE_UP.accessToken : accessToken}`;
  }
  const version =
    probe.version === "unknown"
      ? MADE_UP.unknownVersion
      : probe.version === "old"
        ? (CAFE24_API_VERSIONS[0]?.version ?? "2024-06-01")
        : target.apiVersion;
  if (version !== undefined) headers[HEADER.apiVersion] = version;
  return {
    url: `${root}/api/v2/admin${probe.path}${query ? `?${query}` : ""}`,
    init: { method: "GET", redirect: "manual", headers },
  };
}

async function record(
  probe: Probe,
  send: () => Promise<Response>,
  known: readonly string[],
): Promise<ProbeResult> {
  const base = { id: probe.id, request: describeProbe(probe) };
  let response: Response;
  try {
    response = await send();
  } catch {
    return { ...base, status: null, error: null, headers: {}, bodyKind: "empty", body: null };
  }
  const text = await response.text();
  const headers = headerFormats(response.headers);
  const type = response.headers.get("content-type") ?? "";
  const parsed = parseJson(text);
  const redactKey = (key: string) => known.includes(key);
  if (parsed.ok) {
    return {
      ...base,
      status: response.status,
      error: errorOf(parsed.value, known),
      headers,
      bodyKind: "json",
      body: shapeOf(parsed.value, redactKey),
    };
  }
  const bodyKind = text.trim() === "" ? "empty" : /html/i.test(type) || /^\s*</.test(text) ? "html" : "text";
  return { ...base, status: response.status, error: null, headers, bodyKind, body: null };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Admin's `{"error":{"code","message"}}` or OAuth's `{"error","error_description"}`, scrubbed; else null. */
function errorOf(body: unknown, known: readonly string[]): ProbeResult["error"] {
  if (typeof body !== "object" || body === null || !("error" in body)) return null;
  const { error } = body as { error: unknown; error_description?: unknown };
  const text = (value: unknown) => (typeof value === "string" ? scrubMessage(value, known) : null);
  if (typeof error === "string") {
    return {
      code: scrubMessage(error, known),
      message: text((body as { error_description?: unknown }).error_description),
    };
  }
  if (typeof error === "object" && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    return {
      code: typeof code === "number" ? code : typeof code === "string" ? scrubMessage(code, known) : null,
      message: text(message),
    };
  }
  return null;
}

function isLoopback(root: string): boolean {
  return isLoopbackHost(new URL(root).hostname);
}

/** The host with the mall id and port replaced: what kind of server answered, not which mall. */
function hostPattern(target: ConformanceTarget): string {
  const template = target.baseUrl ?? "https://{mall_id}.cafe24api.com";
  return template.replaceAll(target.mallId, "{mall_id}").replace(/:\d+(?=\/|$)/, ":{port}");
}
