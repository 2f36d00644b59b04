import type { Category } from "../../data/types.js";
import {
  countOf,
  fieldsParam,
  flagParam,
  idParam,
  intListParam,
  intParam,
  notFound,
  pageOf,
  pagingParams,
  pagingRule,
  publicView,
  shopNoParam,
} from "../query.js";
import type { AdminRoute } from "../route.js";

const RULE = pagingRule("categories");

/** §6.7 filters; `category_name` is a substring match, like the admin's category search. */
function categoryFilter(query: URLSearchParams): (c: Category) => boolean {
  shopNoParam(query);
  const depth = intParam(query, "category_depth", { min: 1, max: 4 });
  const numbers = intListParam(query, "category_no", { min: 1 });
  const parent = intParam(query, "parent_category_no", { min: 1 });
  const name = query.get("category_name");
  const useMain = flagParam(query, "use_main");
  const useDisplay = flagParam(query, "use_display");
  const wanted = numbers && new Set(numbers);
  return (c) =>
    (depth === undefined || c.category_depth === depth) &&
    (wanted === undefined || wanted.has(c.category_no)) &&
    (parent === undefined || c.parent_category_no === parent) &&
    (name === null || c.category_name.includes(name)) &&
    (useMain === undefined || c.use_main === useMain) &&
    (useDisplay === undefined || c.use_display === useDisplay);
}

export const categoriesRoutes: AdminRoute[] = [
  {
    method: "GET",
    path: "/categories",
    handle({ query, data }) {
      const match = categoryFilter(query);
      const { limit, offset } = pagingParams(query, RULE);
      const fields = fieldsParam(query);
      const { page } = pageOf(data.categories, match, offset, limit);
      return { body: { categories: page.map((c) => publicView(c, fields)) } };
    },
  },
  {
    method: "GET",
    path: "/categories/count",
    handle: ({ query, data }) => ({ body: { count: countOf(data.categories, categoryFilter(query)) } }),
  },
  {
    method: "GET",
    path: "/categories/:category_no",
    handle({ params, query, data }) {
      shopNoParam(query);
      const categoryNo = idParam(params, "category_no");
      const category = data.categories.find((c) => c.category_no === categoryNo);
      if (!category) throw notFound();
      return { body: { category: publicView(category, fieldsParam(query)) } };
    },
  },
];
