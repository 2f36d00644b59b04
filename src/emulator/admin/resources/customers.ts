import type { Customer, MallData } from "../../data/types.js";
import { MESSAGES } from "../../http/cafe24-error.js";
import {
  fieldsParam,
  invalid,
  listParam,
  pagingParams,
  pagingRule,
  publicView,
  shopNoParam,
} from "../query.js";
import type { AdminRoute } from "../route.js";

const RULE = pagingRule("customers");
const CELLPHONE = /^[\d-]{9,15}$/;

/** Phone numbers compare by digits, so "010-1234-5678" and "01012345678" name the same member. */
export const phoneDigits = (phone: string): string => phone.replace(/-/g, "");

const indexes = new WeakMap<Customer[], Map<string, Customer>>();

/** member_id → customer, built once per customer list (members are looked up by id on every call). */
export function customerById(data: MallData, memberId: string): Customer | undefined {
  let index = indexes.get(data.customers);
  if (!index || index.size !== data.customers.length) {
    index = new Map(data.customers.map((c) => [c.member_id, c]));
    indexes.set(data.customers, index);
  }
  return index.get(memberId);
}

/** Comma lists of member ids / cellphones, validated; full values only (§6.6: no partial matching). */
export function memberKeys(query: URLSearchParams): { ids?: string[]; phones?: Set<string> } {
  const ids = listParam(query, "member_id");
  const phones = listParam(query, "cellphone");
  for (const phone of phones ?? []) {
    if (!CELLPHONE.test(phone))
      throw invalid(`cellphone must be a full phone number such as 010-1234-5678 (got "${phone}").`);
  }
  return { ...(ids ? { ids } : {}), ...(phones ? { phones: new Set(phones.map(phoneDigits)) } : {}) };
}

/** Members matching every given key, in sign-up order; ids go through the index, not a scan. */
function membersByKeys(data: MallData, keys: { ids?: string[]; phones?: Set<string> }): Customer[] {
  const pool = keys.ids ? new Set(keys.ids.flatMap((id) => customerById(data, id) ?? [])) : data.customers;
  const { phones } = keys;
  return [...pool]
    .filter((c) => !phones || phones.has(phoneDigits(c.cellphone)))
    .sort((a, b) => a._created - b._created);
}

/**
 * §6.6 — member records without personal data. Cafe24 requires the caller to name the members (full
 * member_id or cellphone): this endpoint cannot be used to enumerate customers.
 */
export const customersRoutes: AdminRoute[] = [
  {
    method: "GET",
    path: "/customers",
    handle({ query, data }) {
      shopNoParam(query);
      const keys = memberKeys(query);
      if (!keys.ids && !keys.phones) {
        throw invalid(MESSAGES.customerKeys);
      }
      const { limit, offset } = pagingParams(query, RULE);
      const fields = fieldsParam(query);
      const page = membersByKeys(data, keys).slice(offset, offset + limit);
      return {
        body: {
          customers: page.map((c) =>
            publicView({ shop_no: c.shop_no, member_id: c.member_id, ...c.public }, fields),
          ),
        },
      };
    },
  },
];
