import { Hono } from "hono";
import { adminGuard } from "./admin/admin-guard.js";
import { appStateGuard } from "./admin/app-state-guard.js";
import { mountAdminRoutes } from "./admin/mount-admin-routes.js";
import { ADMIN_ROUTES } from "./admin/routes.js";
import type { EmulatorContext } from "./context.js";
import { controlRoutes } from "./control/control-routes.js";
import type { EmulatorControl } from "./control/emulator-control.js";
import { Cafe24ApiError, MESSAGES } from "./http/cafe24-error.js";
import type { EmulatorEnv } from "./http/env.js";
import { mallPipeline } from "./http/mall-pipeline.js";
import { errorResponse, jsonResponse } from "./http/respond.js";
import { authorizeEndpoints } from "./oauth/authorize-endpoint.js";
import { revokeEndpoint } from "./oauth/revoke-endpoint.js";
import { tokenEndpoint } from "./oauth/token-endpoint.js";

const notFound = () => jsonResponse(404, new Cafe24ApiError(404, MESSAGES.noApi).toBody());

/**
 * The emulator's routes. Real Cafe24 serves each mall on its own host; on loopback the first mall answers at
 * /api/v2/... and every mall at /malls/{mall_id}/api/v2/... (clients use a base-URL template with {mall_id}).
 */
export function createEmulatorApp(
  ctx: EmulatorContext,
  control: EmulatorControl,
  sleep: (ms: number) => Promise<void>,
): Hono<EmulatorEnv> {
  const api = new Hono<EmulatorEnv>();
  api.use("/api/v2/*", mallPipeline(ctx, sleep));
  api.use("/api/v2/admin/*", appStateGuard());
  api.use("/api/v2/admin/*", adminGuard(ctx));
  const authorize = authorizeEndpoints(ctx);
  api.get("/api/v2/oauth/authorize", authorize.get);
  api.post("/api/v2/oauth/authorize", authorize.post);
  api.post("/api/v2/oauth/token", tokenEndpoint(ctx));
  api.post("/api/v2/oauth/revoke", revokeEndpoint(ctx));
  mountAdminRoutes(api, ctx, ADMIN_ROUTES);
  api.notFound(notFound);
  api.onError(errorResponse);

  const root = new Hono<EmulatorEnv>();
  if (ctx.options.controlApi) root.route("/__emulator", controlRoutes(control, ctx.options.maxBodyBytes));
  root.route("/malls/:mall_id", api);
  root.route("/", api);
  root.notFound(notFound);
  root.onError(errorResponse);
  return root;
}
