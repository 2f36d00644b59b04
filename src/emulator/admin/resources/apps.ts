import { formatKstIso } from "../../../cafe24/kst.js";
import { invalid, requestObject } from "../query.js";
import type { AdminRequest, AdminRoute } from "../route.js";

/** §6.3 — the app's own record; its `version` is what header-less calls run as. */
function appBody({ mall, ctx }: AdminRequest) {
  const { version, initialVersion } = mall.app;
  const expiresAt = ctx.versions.expiresAt(version);
  return {
    app: {
      version,
      version_expiration_date: expiresAt === null ? null : formatKstIso(expiresAt),
      initial_version: initialVersion,
      previous_version: ctx.versions.previousOf(version),
      extension_type: "section",
    },
  };
}

export const appsRoutes: AdminRoute[] = [
  { method: "GET", path: "/apps", handle: (req) => ({ body: appBody(req) }) },
  {
    method: "PUT",
    path: "/apps",
    handle(req) {
      const request = requestObject(req.body);
      const { version, extension_type: extensionType } = request;
      if (typeof version !== "string" || !req.ctx.versions.has(version)) {
        throw invalid(
          `version must be a released API version such as ${req.ctx.versions.latest} (got ${JSON.stringify(version)}).`,
        );
      }
      if (req.ctx.versions.isExpired(version, req.now)) throw invalid(`version ${version} has expired.`);
      // The emulated app is a "section" app; other extension types would need state the mall does not keep.
      if (extensionType !== undefined && extensionType !== "section") {
        throw invalid(`extension_type must be "section" (got ${JSON.stringify(extensionType)}).`);
      }
      req.mall.app.version = version;
      return { body: appBody(req) };
    },
  },
];
