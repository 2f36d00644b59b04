import type { Hono } from "hono";
import type { EmulatorContext } from "../context.js";
import { Cafe24ApiError, MESSAGES } from "../http/cafe24-error.js";
import type { EmulatorEnv } from "../http/env.js";
import { rawJsonResponse } from "../http/respond.js";
import type { AdminRoute } from "./route.js";

/** Registers each Admin route on the mall-scoped app, turning AdminResponse values into HTTP answers. */
export function mountAdminRoutes(
  api: Hono<EmulatorEnv>,
  ctx: EmulatorContext,
  routes: readonly AdminRoute[],
): void {
  for (const route of routes) {
    api.on(route.method, `/api/v2/admin${route.path}`, (c) => {
      const mall = c.get("mall");
      const url = c.req.url;
      const q = url.indexOf("?");
      const result = route.handle({
        ctx,
        mall,
        data: ctx.dataOf(mall),
        params: c.req.param() as Record<string, string>,
        query: new URLSearchParams(q < 0 ? "" : url.slice(q + 1)),
        body: parseJsonBody(c.get("bodyText")),
        now: ctx.clock.now(),
        version: c.get("apiVersion"),
      });
      const status = result.status ?? 200;
      return rawJsonResponse(status, "json" in result ? result.json : JSON.stringify(result.body));
    });
  }
}

function parseJsonBody(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new Cafe24ApiError(400, MESSAGES.malformedJson);
  }
}
