import type { Customer } from "../../data/types.js";
import {
  countOf,
  dateParam,
  enumParam,
  fieldsParam,
  invalid,
  notFound,
  pageOf,
  pagingParams,
  pagingRule,
  publicView,
  shopNoParam,
} from "../query.js";
import type { AdminRoute } from "../route.js";
import { customerById, memberKeys, phoneDigits } from "./customers.js";

const RULE = pagingRule("customersprivacy");

/**
 * §6.6 filters. `search_type=created_date` with `created_start_date` is the documented way to walk every member
 * past the 8,000 offset cap, so the created_* bounds are accepted only with that search type (and the start is
 * then required); otherwise the call would silently mean something else.
 */
function privacyFilter(query: URLSearchParams): (c: Customer) => boolean {
  shopNoParam(query);
  const searchType =
    enumParam(query, "search_type", ["customer_info", "created_date"] as const) ?? "customer_info";
  const keys = memberKeys(query);
  const start = dateParam(query, "created_start_date", "start");
  const end = dateParam(query, "created_end_date", "end");
  if (searchType === "customer_info" && (start !== undefined || end !== undefined)) {
    throw invalid("created_start_date and created_end_date require search_type=created_date.");
  }
  if (searchType === "created_date" && start === undefined) {
    throw invalid("created_start_date is required when search_type=created_date.");
  }
  return (c) =>
    (!keys.ids || keys.ids.includes(c.member_id)) &&
    (!keys.phones || keys.phones.has(phoneDigits(c.cellphone))) &&
    (start === undefined || c._created >= start) &&
    (end === undefined || c._created < end);
}

const privacyView = (c: Customer, fields?: string[]) =>
  publicView({ shop_no: c.shop_no, member_id: c.member_id, ...c.privacy }, fields);

export const customersPrivacyRoutes: AdminRoute[] = [
  {
    method: "GET",
    path: "/customersprivacy",
    handle({ query, data }) {
      const match = privacyFilter(query);
      const { limit, offset } = pagingParams(query, RULE);
      const fields = fieldsParam(query);
      // Members are kept in sign-up order, which is also the order a created_date walk needs.
      const { page } = pageOf(data.customers, match, offset, limit);
      return { body: { customersprivacy: page.map((c) => privacyView(c, fields)) } };
    },
  },
  {
    method: "GET",
    path: "/customersprivacy/count",
    handle: ({ query, data }) => ({ body: { count: countOf(data.customers, privacyFilter(query)) } }),
  },
  {
    method: "GET",
    path: "/customersprivacy/:member_id",
    handle({ params, query, data }) {
      shopNoParam(query);
      const memberId = params.member_id ?? "";
      const customer = customerById(data, memberId);
      if (!customer) throw notFound();
      return { body: { customersprivacy: privacyView(customer, fieldsParam(query)) } };
    },
  },
];
