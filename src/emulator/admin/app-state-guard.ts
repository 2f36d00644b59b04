import type { MiddlewareHandler } from "hono";
import { appStateAdminError } from "../app-state/app-install-state.js";
import type { EmulatorEnv } from "../http/env.js";
import { errorResponse } from "../http/respond.js";

/**
 * Runs before the Admin guard: a mall without the app answers every Admin call with the 403, whatever token
 * comes with it (the deleted app's tokens are revoked, and a 401 "invalid token" would send the caller to
 * refresh instead of to the merchant).
 */
export function appStateGuard(): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const state = c.get("mall").appState;
    if (state !== "active") return errorResponse(appStateAdminError(state));
    await next();
  };
}
