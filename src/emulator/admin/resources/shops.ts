import { fieldsParam, idParam, notFound, publicView } from "../query.js";
import type { AdminRoute } from "../route.js";

/** §6.2 — the mall's (multi-)shops; the emulator has shop 1 only. */
export const shopsRoutes: AdminRoute[] = [
  {
    method: "GET",
    path: "/shops",
    handle({ query, data }) {
      const fields = fieldsParam(query);
      return { body: { shops: data.shops.map((shop) => publicView(shop, fields)) } };
    },
  },
  {
    method: "GET",
    path: "/shops/:shop_no",
    handle({ params, query, data }) {
      const shopNo = idParam(params, "shop_no");
      const shop = data.shops.find((s) => s.shop_no === shopNo);
      if (!shop) throw notFound();
      return { body: { shop: publicView(shop, fieldsParam(query)) } };
    },
  },
];
