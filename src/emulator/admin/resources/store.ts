import { fieldsParam, publicView, shopNoParam } from "../query.js";
import type { AdminRoute } from "../route.js";

/** §6.1 — the mall's business profile. */
export const storeRoutes: AdminRoute[] = [
  {
    method: "GET",
    path: "/store",
    handle({ query, data }) {
      shopNoParam(query);
      return { body: { store: publicView(data.store, fieldsParam(query)) } };
    },
  },
];
