import type { MallData, Order } from "../../data/types.js";
import type { MallState } from "../../state/mall.js";
import {
  addKstMonths,
  countOf,
  dateParam,
  embedParam,
  enumParam,
  fieldsParam,
  intListParam,
  invalid,
  listParam,
  notFound,
  pageOf,
  pagingParams,
  pagingRule,
  publicView,
  shopNoParam,
} from "../query.js";
import type { AdminRoute } from "../route.js";

const RULE = pagingRule("orders");
const EMBEDS = ["items", "receivers", "buyer", "return", "cancellation", "exchange"] as const;
type OrderEmbed = (typeof EMBEDS)[number];
const ORDER_ID = /^\d{8}-\d{7}$/;
const STATUS_CODE = /^[NCRE]\d{2}$/;

/**
 * `date_type` values from the reference, mapped to the event instant the seed data keeps. Request/accept/
 * complete steps of a cancellation share the one cancel instant; return and exchange steps are not modelled,
 * so those types match no order.
 */
const DATE_TYPES = {
  order_date: "_ordered",
  pay_date: "_pay",
  shipbegin_date: "_shipbegin",
  shipend_date: "_shipend",
  cancel_date: "_cancel",
  place_date: "_shipbegin",
  cancel_request_date: "_cancel",
  cancel_accept_date: "_cancel",
  cancel_complete_date: "_cancel",
  exchange_request_date: null,
  exchange_accept_date: null,
  exchange_complete_date: null,
  return_request_date: null,
  return_accept_date: null,
  return_complete_date: null,
  purchaseconfirmation_date: "_confirm",
} as const;
const DATE_TYPE_NAMES = Object.keys(DATE_TYPES) as (keyof typeof DATE_TYPES)[];

/**
 * The search window. Cafe24 caps one call at three months (§6.5). Whether start_date is still required is
 * unconfirmed (the 2025-12-01 reference no longer marks it); we keep the older, stricter rule — a call without
 * a window is refused with 422 naming start_date — because a client that passes here then also works against
 * malls that enforce it. Looking orders up by order_id needs no window. A start without an end runs to now.
 */
function orderWindow(
  query: URLSearchParams,
  now: number,
  byId: boolean,
): { start: number; end: number } | undefined {
  const start = dateParam(query, "start_date", "start");
  const end = dateParam(query, "end_date", "end");
  if (start === undefined) {
    if (end !== undefined) throw invalid("end_date must be used together with start_date.");
    if (byId) return undefined;
    throw invalid("start_date is required (YYYY-MM-DD or ISO 8601 with offset), together with end_date.");
  }
  const until = end ?? now + 1;
  if (until <= start) throw invalid("end_date must not be earlier than start_date.");
  if (until > addKstMonths(start, 3)) {
    throw invalid("The search period cannot exceed 3 months (start_date to end_date).");
  }
  return { start, end: until };
}

interface OrderFilter {
  candidates: Iterable<Order>;
  match: (o: Order) => boolean;
}

function orderFilter(query: URLSearchParams, data: MallData, now: number): OrderFilter {
  shopNoParam(query);
  const ids = listParam(query, "order_id");
  for (const id of ids ?? []) {
    if (!ORDER_ID.test(id)) throw invalid(`order_id must look like YYYYMMDD-NNNNNNN (got "${id}").`);
  }
  const window = orderWindow(query, now, ids !== undefined);
  const dateKey = DATE_TYPES[enumParam(query, "date_type", DATE_TYPE_NAMES) ?? "order_date"];
  const statuses = listParam(query, "order_status");
  for (const s of statuses ?? []) {
    if (!STATUS_CODE.test(s))
      throw invalid(`order_status values are codes such as N00, N40, C40 (got "${s}").`);
  }
  const members = listParam(query, "member_id");
  const productNos = intListParam(query, "product_no", { min: 1 });

  const tests: ((o: Order) => boolean)[] = [];
  let candidates: Iterable<Order> = data.orders;
  if (ids) {
    const found = [...new Set(ids)].flatMap((id) => data.ordersById.get(id) ?? []);
    candidates = found.sort((a, b) => a._ordered - b._ordered);
  }
  if (window && dateKey === "_ordered" && !ids) {
    // Orders are kept in order_date order: slice the window instead of testing every order.
    candidates = slice(
      data.orders,
      lowerBound(data.orders, window.start),
      lowerBound(data.orders, window.end),
    );
  } else if (window) {
    tests.push((o) => {
      const at = dateKey === null ? null : (o[dateKey] as number | null);
      return at !== null && at >= window.start && at < window.end;
    });
  }
  if (statuses) tests.push((o) => statuses.includes(o.order_status));
  if (members) tests.push((o) => members.includes(o.member_id));
  if (productNos) tests.push((o) => o.items.some((item) => productNos.includes(item.product_no)));
  return { candidates, match: (o) => tests.every((t) => t(o)) };
}

function lowerBound(orders: readonly Order[], at: number): number {
  let lo = 0;
  let hi = orders.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((orders[mid]?._ordered ?? 0) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function* slice<T>(items: readonly T[], from: number, to: number): Generator<T> {
  for (let i = from; i < to; i++) yield items[i] as T;
}

/** Sub-resources and personal data (receivers, buyer) appear only when embedded, never through `fields`. */
function orderView(
  order: Order,
  fields: string[] | undefined,
  embeds: ReadonlySet<OrderEmbed>,
): Record<string, unknown> {
  const { items, receivers, buyer, ...summary } = order;
  const view = publicView(summary, fields);
  for (const embed of embeds) {
    if (embed === "items") view.items = items;
    else if (embed === "receivers") view.receivers = receivers;
    else if (embed === "buyer") view.buyer = buyer;
    // Returns, cancellations and exchanges are not modelled in detail.
    else view[embed] = [];
  }
  return view;
}

/**
 * §6.0 paging links, absolute like Cafe24's; a next link is offered only while it stays within the cap. The
 * documented example carries only `limit` and `offset` (§10), not the call's filters, so neither does this:
 * a client must re-send its own filters rather than follow `href` blindly.
 */
function pageLinks(mall: MallState, offset: number, limit: number, more: boolean) {
  const href = (at: number) =>
    `https://${mall.mallId}.cafe24api.com/api/v2/admin/orders?limit=${limit}&offset=${at}`;
  const links: { rel: string; href: string }[] = [];
  if (offset > 0) links.push({ rel: "previous", href: href(Math.max(0, offset - limit)) });
  if (more && offset + limit <= RULE.maxOffset) links.push({ rel: "next", href: href(offset + limit) });
  return links;
}

export const ordersRoutes: AdminRoute[] = [
  {
    method: "GET",
    path: "/orders",
    handle({ query, data, now, mall }) {
      const { candidates, match } = orderFilter(query, data, now);
      const { limit, offset } = pagingParams(query, RULE);
      const fields = fieldsParam(query);
      const embeds = embedParam(query, EMBEDS);
      const { page, more } = pageOf(candidates, match, offset, limit);
      const links = pageLinks(mall, offset, limit, more);
      const orders = page.map((o) => orderView(o, fields, embeds));
      return { body: links.length ? { orders, links } : { orders } };
    },
  },
  {
    method: "GET",
    path: "/orders/count",
    handle({ query, data, now }) {
      const { candidates, match } = orderFilter(query, data, now);
      return { body: { count: countOf(candidates, match) } };
    },
  },
  {
    method: "GET",
    path: "/orders/:order_id",
    handle({ params, query, data }) {
      shopNoParam(query);
      const orderId = params.order_id ?? "";
      if (!ORDER_ID.test(orderId))
        throw invalid(`order_id must look like YYYYMMDD-NNNNNNN (got "${orderId}").`);
      const fields = fieldsParam(query);
      const embeds = embedParam(query, EMBEDS);
      const order = data.ordersById.get(orderId);
      if (!order) throw notFound();
      return { body: { order: orderView(order, fields, embeds) } };
    },
  },
];
