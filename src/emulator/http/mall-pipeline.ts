import type { MiddlewareHandler } from "hono";
import { HEADER } from "../../cafe24/headers.js";
import type { EmulatorContext } from "../context.js";
import type { FaultDecision } from "../faults.js";
import { Cafe24ApiError, MESSAGES } from "./cafe24-error.js";
import type { EmulatorEnv } from "./env.js";
import { readBodyText } from "./read-body.js";
import { errorResponse, jsonResponse } from "./respond.js";

/** Marks a response that stands for a reset connection (the in-process handler turns it into a throw). */
export const RESET_MARKER = "x-emulator-reset";

const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Runs around every request to a mall's /api/v2 routes: resolves the mall, counts the request before anything
 * can fail (so tests can see a POST that arrived), applies injected faults, reads the body under the size cap,
 * stamps the emulator clock's Date header and records the outcome.
 */
export function mallPipeline(
  ctx: EmulatorContext,
  sleep: (ms: number) => Promise<void>,
): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const started = performance.now();
    const mallId = c.req.param("mall_id") ?? ctx.defaultMallId;
    const mall = ctx.malls.get(mallId);
    if (!mall) return jsonResponse(404, new Cafe24ApiError(404, MESSAGES.noApi).toBody());
    c.set("mall", mall);
    const method = c.req.method;
    const path = mallPath(c.req.path);
    mall.stats.countRequest(method, path);

    const faults = ctx.faults.decide(method, path);
    const before = await applyFaults(faults, "before", c.env?.incoming, sleep);
    let response: Response;
    if (before) response = before;
    else {
      try {
        c.set(
          "bodyText",
          BODY_METHODS.has(method) ? await readBodyText(c.req.raw, ctx.options.maxBodyBytes) : "",
        );
        await next();
        response = c.res;
      } catch (error) {
        response = errorResponse(error);
      }
      response = (await applyFaults(faults, "after", c.env?.incoming, sleep)) ?? response;
    }

    if (response.headers.has(RESET_MARKER)) {
      c.res = response;
      ctx.onRequest?.({ at: ctx.clock.now(), mallId: mall.mallId, method, path, status: 0, ms: 0 });
      return;
    }
    const headers = new Headers(response.headers);
    headers.set("date", new Date(ctx.clock.now()).toUTCString());
    c.res = new Response(response.body, { status: response.status, headers });
    mall.stats.countResponse(response.status);
    ctx.onRequest?.({
      at: ctx.clock.now(),
      mallId: mall.mallId,
      method,
      path,
      status: response.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(headers.has(HEADER.callLimit) ? { callLimit: headers.get(HEADER.callLimit) ?? "" } : {}),
    });
  };
}

/** The path as Cafe24 would see it: without our /malls/{mall_id} loopback prefix. */
export function mallPath(path: string): string {
  return path.replace(/^\/malls\/[^/]+/, "");
}

async function applyFaults(
  faults: FaultDecision[],
  phase: "before" | "after",
  incoming: { socket: { destroy(): void } } | undefined,
  sleep: (ms: number) => Promise<void>,
): Promise<Response | undefined> {
  for (const fault of faults) {
    if (fault.phase !== phase) continue;
    switch (fault.kind) {
      case "latency":
        await sleep(fault.ms);
        break;
      case "status": {
        const message =
          fault.status === 503
            ? MESSAGES.unavailable
            : fault.status === 504
              ? MESSAGES.timeout
              : MESSAGES.serverError;
        return jsonResponse(fault.status, new Cafe24ApiError(fault.status, message).toBody());
      }
      case "rate-limit":
        return jsonResponse(429, new Cafe24ApiError(429, MESSAGES.tooMany).toBody());
      case "html":
        return new Response(HTML_ERROR_PAGE, {
          status: 502,
          headers: { "content-type": "text/html; charset=utf-8" },
        });
      case "reset":
        incoming?.socket.destroy();
        return new Response(null, { status: 599, headers: { [RESET_MARKER]: "1" } });
    }
  }
  return undefined;
}

const HTML_ERROR_PAGE =
  "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
