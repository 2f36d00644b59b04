import { enumValue, requestObject } from "../query.js";
import type { AdminRequest, AdminRoute } from "../route.js";

/** §6.9 — whether the mall delivers webhooks to this app, and for which scopes. */
const settingBody = ({ mall }: AdminRequest) => ({
  webhook: { scopes: [...mall.app.scopes], reception_status: mall.webhook.receptionStatus },
});

export const webhooksRoutes: AdminRoute[] = [
  { method: "GET", path: "/webhooks/setting", handle: (req) => ({ body: settingBody(req) }) },
  {
    method: "PUT",
    path: "/webhooks/setting",
    handle(req) {
      const request = requestObject(req.body);
      req.mall.webhook.receptionStatus = enumValue("reception_status", request.reception_status, [
        "T",
        "F",
      ] as const);
      return { body: settingBody(req) };
    },
  },
];
