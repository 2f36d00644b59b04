import { HEADER } from "../cafe24/headers.js";
import { Cafe24Client } from "../http/cafe24-client.js";
import { Cafe24HttpError } from "../http/cafe24-http-error.js";
import type { PacingOptions } from "../http/client-options.js";
import { redisPacing } from "../redis/redis-pacer-state.js";
import { RedisTokenStore } from "../redis/redis-token-store.js";
import type { TokenIo } from "../token/token-io.js";
import type { TokenSetup } from "../token/token-setup.js";
import type { Logger, Now } from "../util/runtime.js";
import type { ApiRequest } from "./api-request.js";

/** Rate-limit headers worth showing, as Cafe24 names them (§4). */
const RATE_HEADERS: readonly [string, string][] = [
  [HEADER.callLimit, "X-Api-Call-Limit"],
  [HEADER.callUsage, "X-Cafe24-Call-Usage"],
  [HEADER.timeUsage, "X-Cafe24-Time-Usage"],
  [HEADER.callRemain, "X-Cafe24-Call-Remain"],
  [HEADER.timeRemain, "X-Cafe24-Time-Remain"],
];

/**
 * `api METHOD PATH`: one call (or a paginated walk) through Cafe24Client with the managed token, so it is paced
 * and refreshed like the user's own app. JSON to stdout (NDJSON when paginating), everything else to stderr.
 * Failures propagate as typed errors for the caller to explain.
 */
export async function runApiCall(
  setup: TokenSetup,
  request: ApiRequest,
  io: TokenIo,
  options: { logger: Logger; now?: Now },
): Promise<number> {
  const now = options.now ?? Date.now;
  const pacing = await sharedPacing(setup, options.logger);
  const client = new Cafe24Client({
    mallId: setup.mallId,
    tokens: setup.manager,
    logger: options.logger,
    ...(pacing ? { pacing } : {}),
    allowInsecureLoopback: setup.oauth.allowInsecureLoopback ?? false,
    ...(setup.oauth.baseUrl ? { baseUrl: setup.oauth.baseUrl } : {}),
    ...(setup.config.apiVersion ? { apiVersion: setup.config.apiVersion } : {}),
  });
  const shop = request.shopNo === undefined ? {} : { shopNo: request.shopNo };
  const started = now();
  if (request.paginate) {
    let count = 0;
    if (request.pageSize !== undefined) io.err(io.t("api.paginateLimit", { limit: request.pageSize }));
    const pages = client.paginate(request.path, {
      query: request.query,
      ...shop,
      ...(request.pageSize === undefined ? {} : { pageSize: request.pageSize }),
    });
    for await (const item of pages) {
      io.out(JSON.stringify(item));
      count += 1;
    }
    io.err(io.t("api.paginated", { count, ms: now() - started }));
    return 0;
  }
  let response: Awaited<ReturnType<typeof client.request>>;
  try {
    response = await client.request(request.method, request.path, {
      query: request.query,
      ...(request.body === undefined ? {} : { body: request.body }),
      ...shop,
    });
  } catch (error) {
    // Cafe24 answered with an error: its body is the answer the user asked for (stdout, JSON, as Cafe24 shapes
    // it, already scrubbed of credentials); the status and the explanation go to stderr.
    if (error instanceof Cafe24HttpError && error.status !== undefined && error.cafe24) {
      const { code, message, moreInfo } = error.cafe24;
      io.out(
        JSON.stringify({ error: { code, message, ...(moreInfo ? { more_info: moreInfo } : {}) } }, null, 2),
      );
    }
    throw error;
  }
  const headers = RATE_HEADERS.flatMap(([name, label]) => {
    const value = response.headers.get(name);
    return value === null ? [] : [`${label}: ${value}`];
  });
  // The status itself was said once, by the attempt's line; this adds the rate-limit headers.
  if (headers.length > 0) io.err(io.t("api.done", { ms: now() - started, headers: headers.join(" · ") }));
  if (response.data !== undefined) io.out(JSON.stringify(response.data, null, 2));
  return 0;
}

/**
 * With the tokens in Redis, the call takes its turn in the mall's shared rate limit, like every app instance on
 * that Redis; when Redis does not answer it paces alone (logged), since one call cannot overrun the bucket.
 */
async function sharedPacing(setup: TokenSetup, logger: Logger): Promise<PacingOptions | undefined> {
  if (!(setup.store instanceof RedisTokenStore)) return undefined;
  return redisPacing({
    redis: await setup.store.redis(),
    keys: setup.store.keys,
    mallId: setup.mallId,
    logger,
  });
}
