#!/usr/bin/env node
/**
 * Read Cafe24 access tokens from `cafe24-doctor watch` instead of refreshing them yourself.
 *
 * Copy this file into your app (Node 20+, no dependency: the global fetch). `cafe24-doctor watch --token-endpoint`
 * keeps each mall's tokens alive and is the only process that refreshes them; Cafe24 rotates the refresh token
 * on every refresh, so a second refresher sooner or later refreshes with a dead one and the mall needs a new
 * login. This client only reads:
 * - it caches the access token until shortly before its expires_at, so most calls cost nothing extra;
 * - when Cafe24 answers 401 (the token was replaced or revoked meanwhile), it reports the refused token to
 *   watch's `.../access-token/rejected` once and retries the call once with the token it gets back;
 * - it never sees a refresh token or the client secret, never refreshes, and never logs or prints a token.
 *
 *   import { Cafe24TokenClient } from "./cafe24-token-client.mjs";
 *
 *   const tokens = new Cafe24TokenClient({ mallId: "myshop" }); // endpoint + secret from the environment
 *   const answer = await tokens.request("https://myshop.cafe24api.com/api/v2/admin/store");
 *   console.log(answer.status, (await answer.json()).store.shop_name);
 *
 * Or run it to try the endpoint: one GET /api/v2/admin/store, printed without the token.
 *
 *   CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET=... node cafe24-token-client.mjs myshop
 *
 * Environment: CAFE24_DOCTOR_TOKEN_ENDPOINT (watch's status server, default http://127.0.0.1:8725),
 * CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET (required), CAFE24_MALL_ID (when no argument is given),
 * CAFE24_BASE_URL (default https://{mall_id}.cafe24api.com), CAFE24_API_VERSION (optional).
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const DEFAULT_ENDPOINT = "http://127.0.0.1:8725";
export const DEFAULT_BASE_URL = "https://{mall_id}.cafe24api.com";

/** Anything that kept a call from being made: watch unreachable or refusing, Cafe24 unreachable. */
export class Cafe24TokenClientError extends Error {
  name = "Cafe24TokenClientError";
}

/**
 * watch's token endpoint answered with an error: `error` is its code (unauthorized, unknown_mall,
 * reauth_required, refresh_failed, rate_limited, ...), `retryAfter` the seconds it asks to wait, `command`
 * what a person runs to fix it.
 */
export class TokenEndpointError extends Cafe24TokenClientError {
  name = "TokenEndpointError";
  constructor(message, { status, error, retryAfter, command }) {
    super(message);
    this.status = status;
    this.error = error;
    this.retryAfter = retryAfter;
    this.command = command;
  }
}

/** Epoch ms of an ISO 8601 time; one without an offset is Seoul time, as Cafe24 means it. */
export function parseExpiresAt(text) {
  const hasOffset = /(?:Z|[+-]\d\d:?\d\d)$/i.test(text);
  const ms = Date.parse(hasOffset ? text : `${text}+09:00`);
  if (Number.isNaN(ms)) throw new Cafe24TokenClientError(`cafe24-doctor watch sent an unreadable expires_at`);
  return ms;
}

export class Cafe24TokenClient {
  #secret;
  #tokenUrl;
  #fetch;
  #now;
  #token;
  #expiresAt = 0;
  /** The read in flight, shared by every caller that needs a token meanwhile. */
  #reading;

  /**
   * @param {object} options
   * @param {string} options.mallId
   * @param {string} [options.endpoint] watch's status server; default CAFE24_DOCTOR_TOKEN_ENDPOINT or http://127.0.0.1:8725
   * @param {string} [options.secret] default CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET
   * @param {number} [options.timeoutMs] per HTTP call (watch and Cafe24); default 10000
   * @param {number} [options.refreshMarginMs] ask watch again once the cached token has less left; default 60000
   * @param {() => number} [options.now] epoch ms; injectable for tests
   * @param {typeof fetch} [options.fetch]
   */
  constructor(options) {
    const env = process.env;
    const secret = options.secret ?? env.CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET ?? "";
    if (!secret)
      throw new Cafe24TokenClientError(
        "CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET is not set: use the secret `cafe24-doctor watch --token-endpoint` was started with",
      );
    this.mallId = options.mallId;
    this.endpoint = (options.endpoint || env.CAFE24_DOCTOR_TOKEN_ENDPOINT || DEFAULT_ENDPOINT).replace(
      /\/+$/,
      "",
    );
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.refreshMarginMs = options.refreshMarginMs ?? 60_000;
    this.endpointReads = 0;
    this.rejectionsReported = 0;
    this.#secret = secret;
    this.#tokenUrl = `${this.endpoint}/v1/malls/${encodeURIComponent(options.mallId)}/access-token`;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#now = options.now ?? Date.now;
  }

  /** A live access token: the cached one unless it is about to expire, else a fresh read from watch. */
  async accessToken() {
    if (this.#token !== undefined && this.#now() < this.#expiresAt - this.refreshMarginMs) return this.#token;
    if (!this.#reading) {
      this.endpointReads++;
      this.#reading = this.#ask("GET", this.#tokenUrl).finally(() => {
        this.#reading = undefined;
      });
    }
    await this.#reading;
    return this.#token;
  }

  /** Tells watch Cafe24 refused this token; returns the token to use now (fresh, or already current). */
  async reportRejected(refusedToken) {
    await this.#reading?.catch(() => {});
    // Another caller has already been given its replacement.
    if (this.#token !== undefined && this.#token !== refusedToken) return this.#token;
    if (!this.#reading) {
      this.rejectionsReported++;
      this.#reading = this.#ask("POST", `${this.#tokenUrl}/rejected`, { access_token: refusedToken }).finally(
        () => {
          this.#reading = undefined;
        },
      );
    }
    await this.#reading;
    return this.#token;
  }

  /** One Cafe24 Admin API call; on 401, reports the token and retries once. Returns the fetch Response. */
  async request(url, init = {}) {
    const headers = new Headers(init.headers);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
    const version = process.env.CAFE24_API_VERSION;
    if (version && !headers.has("x-cafe24-api-version")) headers.set("x-cafe24-api-version", version);
    const token = await this.accessToken();
    const answer = await this.#call(url, init, headers, token);
    if (answer.status !== 401) return answer;
    await answer.body?.cancel();
    return this.#call(url, init, headers, await this.reportRejected(token));
  }

  async #call(url, init, headers, token) {
    headers.set("authorization", `Bearer ${token}`);
    try {
      return await this.#fetch(url, { ...init, headers, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw new Cafe24TokenClientError(`${init.method ?? "GET"} ${url} failed: ${describe(error)}`);
    }
  }

  async #ask(method, url, body) {
    const headers = { authorization: `Bearer ${this.#secret}`, accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    let answer;
    let payload;
    try {
      answer = await this.#fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      payload = await answer.json().catch(() => undefined);
    } catch (error) {
      throw new Cafe24TokenClientError(
        `could not reach cafe24-doctor watch at ${this.endpoint} (${describe(error)}): is \`cafe24-doctor watch --token-endpoint\` running there?`,
      );
    }
    if (answer.status === 200 && typeof payload?.access_token === "string") {
      if (typeof payload.expires_at !== "string")
        throw new Cafe24TokenClientError("cafe24-doctor watch answered without expires_at");
      this.#expiresAt = parseExpiresAt(payload.expires_at);
      this.#token = payload.access_token;
      return payload;
    }
    throw this.#endpointError(answer, payload && typeof payload === "object" ? payload : {});
  }

  #endpointError(answer, payload) {
    const error = typeof payload.error === "string" ? payload.error : undefined;
    const command = typeof payload.command === "string" ? payload.command : undefined;
    const retryAfter = answer.headers.get("retry-after") ?? undefined;
    const hints = {
      unauthorized: "check CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET",
      unknown_mall: `watch does not keep mall '${this.mallId}'`,
      reauth_required: command ? `a person must run: ${command}` : "the mall needs a new login",
      rate_limited: `asked too often; retry after ${retryAfter} s`,
      refresh_failed: `watch could not refresh; retry after ${retryAfter} s`,
    };
    return new TokenEndpointError(
      `cafe24-doctor watch answered ${answer.status} ${error ?? ""} for mall '${this.mallId}': ${hints[error] ?? "unexpected answer"}`,
      {
        status: answer.status,
        error,
        retryAfter: retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) : undefined,
        command,
      },
    );
  }
}

function describe(error) {
  const cause = error?.cause?.code ?? error?.cause?.message;
  return `${error?.name ?? "Error"}: ${error?.message ?? error}${cause ? ` (${cause})` : ""}`.slice(0, 200);
}

/** GET /api/v2/admin/store of the mall, under CAFE24_BASE_URL (a template with {mall_id}). */
export function storeUrl(mallId) {
  const base = process.env.CAFE24_BASE_URL || DEFAULT_BASE_URL;
  return `${base.replaceAll("{mall_id}", mallId).replace(/\/+$/, "")}/api/v2/admin/store`;
}

async function main(argv) {
  const mallId = argv[2] ?? process.env.CAFE24_MALL_ID ?? "";
  if (!mallId) {
    console.error("usage: node cafe24-token-client.mjs MALL_ID  (or set CAFE24_MALL_ID)");
    return 2;
  }
  try {
    const answer = await new Cafe24TokenClient({ mallId }).request(storeUrl(mallId));
    const text = await answer.text();
    if (answer.status !== 200) {
      console.error(`Cafe24 answered ${answer.status}: ${text.slice(0, 300)}`);
      return 1;
    }
    console.log(`${mallId}: ${JSON.parse(text).store?.shop_name} (Cafe24 answered 200)`);
    return 0;
  } catch (error) {
    if (!(error instanceof Cafe24TokenClientError)) throw error;
    console.error(`error: ${error.message}`);
    return 1;
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv);
}
