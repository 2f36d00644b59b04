import { appsRoutes } from "./resources/apps.js";
import { boardsRoutes } from "./resources/boards.js";
import { categoriesRoutes } from "./resources/categories.js";
import { customersRoutes } from "./resources/customers.js";
import { customersPrivacyRoutes } from "./resources/customers-privacy.js";
import { ordersRoutes } from "./resources/orders.js";
import { productsRoutes } from "./resources/products.js";
import { shopsRoutes } from "./resources/shops.js";
import { storeRoutes } from "./resources/store.js";
import { webhooksRoutes } from "./resources/webhooks.js";
import type { AdminRoute } from "./route.js";

/** Every emulated Admin API route. Within a resource, fixed paths (/count) precede /:id so they win. */
export const ADMIN_ROUTES: AdminRoute[] = [
  ...storeRoutes,
  ...shopsRoutes,
  ...appsRoutes,
  ...productsRoutes,
  ...ordersRoutes,
  ...customersRoutes,
  ...customersPrivacyRoutes,
  ...categoriesRoutes,
  ...boardsRoutes,
  ...webhooksRoutes,
];
