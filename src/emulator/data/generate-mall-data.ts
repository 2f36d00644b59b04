import { formatKstDate, formatKstIso, startOfKstDay } from "../../cafe24/kst.js";
import { intBetween, pick, type Random, seededRandom } from "../prng.js";
import * as W from "./korean-words.js";
import type { Board, Category, Customer, MallData, Order, OrderItem, Product } from "./types.js";

export interface MallDataSizes {
  products: number;
  orders: number;
  orderDays: number;
  customers: number;
  categories: number;
  boards: number;
}

export interface MallDataInput {
  seed: number;
  sizes: MallDataSizes;
  /** "Now" for the data: everything lies before it, and its KST day has orders. */
  anchorMs: number;
  mallId: string;
  shopName: string;
}

const SECOND = 1000;
const DAY = 86_400_000;
/** Cafe24 numbers the first merchant category 24 (lower numbers are reserved system nodes). */
const FIRST_CATEGORY_NO = 24;

/**
 * Builds a mall's seed data. Everything is a function of seed, sizes and the anchor's KST day — except the
 * clock times of the anchor day's own orders, which are scaled into the part of that day already elapsed so
 * no order lies in the future. Their ids, order and contents do not depend on the anchor's time of day.
 */
export function generateMallData(input: MallDataInput): MallData {
  const { seed, sizes, anchorMs, mallId } = input;
  const dayStart = startOfKstDay(anchorMs);
  // One PRNG stream per record type: changing one size leaves the other record types unchanged.
  const categories = generateCategories(stream(seed, 1), sizes.categories);
  const products = generateProducts(stream(seed, 2), sizes.products, dayStart, categories, mallId);
  const customers = generateCustomers(stream(seed, 3), sizes.customers, dayStart);
  const orders = generateOrders(stream(seed, 4), sizes, dayStart, anchorMs, products, customers);
  return {
    store: buildStore(input),
    shops: [buildShop(input)],
    products,
    productsByNo: new Map(products.map((p) => [p.product_no, p])),
    orders,
    ordersById: new Map(orders.map((o) => [o.order_id, o])),
    categories,
    customers,
    boards: generateBoards(sizes.boards, dayStart),
    nextProductNo: (products.at(-1)?.product_no ?? 0) + 1,
  };
}

function stream(seed: number, label: number): Random {
  return seededRandom((seed ^ Math.imul(label, 0x9e3779b1)) >>> 0);
}

/**
 * Joins into one flat string. V8 turns `a + b` (and template literals) longer than 12 characters into chains
 * of rope nodes that stay alive with the data; for the ~30 strings per record that is most of its memory and
 * most of the garbage collector's copying while generating.
 */
const flat = (...parts: string[]): string => parts.join("");

/** Won amounts are integers; Cafe24 prints them as decimal strings. */
export const money = (won: number): string => `${Math.round(won)}.00`;

export const productCode = (productNo: number): string =>
  `P${productNo.toString(36).toUpperCase().padStart(7, "0")}`;

/** Random instant in [from, to), whole seconds. */
const between = (random: Random, from: number, to: number): number =>
  from + Math.floor((random() * Math.max(0, to - from)) / SECOND) * SECOND;

/** `count` ascending instants spread over the `days` days before `end`. */
function ascendingTimes(random: Random, count: number, days: number, end: number): Float64Array {
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) times[i] = between(random, end - days * DAY, end);
  return times.sort();
}

// ---------------------------------------------------------------------------------------------------------
// Categories: a tree up to depth 4; one full chain first so every depth exists even at the minimum size.

function generateCategories(random: Random, count: number): Category[] {
  const categories: Category[] = [];
  const byDepth: Category[][] = [[], [], [], [], []];
  const childCount = new Map<number, number>();
  const add = (parent: Category | undefined, name: string): Category => {
    const depth = parent ? parent.category_depth + 1 : 1;
    const no = FIRST_CATEGORY_NO + categories.length;
    const names: Record<string, string | null> = { ...(parent?.full_category_name as object) };
    const nos: Record<string, string | null> = { ...(parent?.full_category_no as object) };
    for (let d = 1; d <= 4; d++) {
      names[d] ??= null;
      nos[d] ??= null;
    }
    names[depth] = name;
    nos[depth] = String(no);
    const category: Category = {
      shop_no: 1,
      category_no: no,
      category_depth: depth,
      parent_category_no: parent?.category_no ?? 1,
      category_name: name,
      display_type: "A",
      full_category_name: names,
      full_category_no: nos,
      root_category_no: parent ? (parent.root_category_no as number) : no,
      use_main: depth === 1 ? "T" : "F",
      use_display: random() < 0.9 ? "T" : "F",
      display_order: childCount.get(parent?.category_no ?? 1) ?? 0,
      soldout_product_display: "B",
      sub_category_product_display: "F",
      hashtag_product_display: "F",
      hash_tags: [],
      product_display_scope: "A",
      product_display_type: "A",
      product_display_key: "A",
      product_display_sort: "D",
      product_display_period: "W",
    };
    categories.push(category);
    byDepth[depth]?.push(category);
    childCount.set(category.parent_category_no, (childCount.get(category.parent_category_no) ?? 0) + 1);
    return category;
  };
  const nameFor = (depth: number): string => pick(random, W.CATEGORY_NAMES[depth - 1] ?? ["기타"]);
  const tops = W.CATEGORY_NAMES[0] ?? [];
  const topCount = Math.max(1, Math.min(tops.length, Math.round(count / 6)));
  let chain: Category | undefined;
  for (let depth = 1; depth <= 4 && categories.length < count; depth++) {
    chain = add(chain, depth === 1 ? (tops[0] ?? "기타") : nameFor(depth));
  }
  for (let i = 1; i < topCount && categories.length < count; i++) add(undefined, tops[i] ?? nameFor(1));
  while (categories.length < count) {
    // Shallow parents are likelier, as in real malls: wide menus, few depth-4 nodes.
    const r = random();
    const parentDepth = r < 0.5 ? 1 : r < 0.85 ? 2 : 3;
    const candidates = byDepth[parentDepth] ?? [];
    const parent = candidates.length ? pick(random, candidates) : categories[0];
    add(parent, nameFor((parent?.category_depth ?? 0) + 1));
  }
  return categories;
}

// ---------------------------------------------------------------------------------------------------------
// Products: numbered in creation order, so product_no, created_date and the since_product_no cursor agree.

const NO_LIST: readonly never[] = Object.freeze([]);
const LIST_ICON = Object.freeze({ soldout_icon: false, recommend_icon: false, new_icon: false });

function generateProducts(
  random: Random,
  count: number,
  dayStart: number,
  categories: Category[],
  mallId: string,
): Product[] {
  const created = ascendingTimes(random, count, 730, dayStart);
  const imageBase = `https://${mallId}.cafe24.com/web/product/`;
  const products: Product[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const productNo = i + 1;
    const code = productCode(productNo);
    const adjective = intBetween(random, 0, W.PRODUCT_ADJECTIVES.length - 1);
    const name = flat(
      W.PRODUCT_ADJECTIVES[adjective] ?? "",
      " ",
      pick(random, W.PRODUCT_MATERIALS),
      " ",
      pick(random, W.PRODUCT_ITEMS),
    );
    const price = intBetween(random, 5, 199) * 1000 - 100;
    const createdAt = created[i] ?? dayStart;
    const updatedAt = random() < 0.3 ? createdAt : between(random, createdAt, dayStart);
    const display = random() < 0.9 ? "T" : "F";
    const selling = display === "T" && random() < 0.95 ? "T" : "F";
    const categoryCount = categories.length ? intBetween(random, 1, 2) : 0;
    const productCategories: Product["category"] = [];
    for (let c = 0; c < categoryCount; c++) {
      const category = pick(random, categories);
      const isNew = random() < 0.2 ? "T" : "F";
      if (productCategories.some((pc) => pc.category_no === category.category_no)) continue;
      productCategories.push({ category_no: category.category_no, recommend: "F", new: isNew });
    }
    const hasOption = random() < 0.7;
    products[i] = {
      shop_no: 1,
      product_no: productNo,
      product_code: code,
      custom_product_code: "",
      product_name: name,
      eng_product_name: flat(W.PRODUCT_ADJECTIVES_EN[adjective] ?? "", " item ", String(productNo)),
      supply_product_name: "",
      internal_product_name: "",
      model_name: "",
      price_excluding_tax: money(price / 1.1),
      price: money(price),
      retail_price: money(Math.ceil((price * 1.2) / 1000) * 1000),
      supply_price: money(Math.round((price * 0.55) / 100) * 100),
      display,
      selling,
      product_condition: "N",
      product_used_month: null,
      summary_description: "",
      margin_rate: "45.00",
      tax_type: "A",
      tax_rate: 10,
      price_content: null,
      buy_limit_by_product: "F",
      adult_certification: "F",
      detail_image: flat(imageBase, "big/", code, ".jpg"),
      list_image: flat(imageBase, "medium/", code, ".jpg"),
      tiny_image: flat(imageBase, "tiny/", code, ".jpg"),
      small_image: flat(imageBase, "small/", code, ".jpg"),
      has_option: hasOption ? "T" : "F",
      option_type: hasOption ? "T" : null,
      manufacturer_code: "M0000000",
      trend_code: "T0000000",
      brand_code: "B0000000",
      supplier_code: "S0000000",
      product_weight: "1.00",
      sold_out: random() < 0.08 ? "T" : "F",
      icon: NO_LIST,
      list_icon: LIST_ICON,
      exposure_limit_type: "A",
      exposure_group_list: NO_LIST,
      shipping_fee_by_product: "F",
      category: productCategories,
      created_date: formatKstIso(createdAt),
      updated_date: formatKstIso(updatedAt),
      _created: createdAt,
      _updated: updatedAt,
    };
  }
  return products;
}

// ---------------------------------------------------------------------------------------------------------
// People: synthetic names from random syllables, example.* e-mail, invented streets.

/** The contact fields orders copy from a member (customer privacy data) or from a made-up guest. */
interface Contact {
  name: string;
  cellphone: string;
  email: string;
  zipcode: string;
  address1: string;
  address2: string;
}

interface FakePerson extends Contact {
  roman: string;
}

function fakePerson(random: Random, cellphone: string, emailLocal?: string): FakePerson {
  const s = intBetween(random, 0, W.SURNAMES.length - 1);
  const g1 = intBetween(random, 0, W.GIVEN_SYLLABLES.length - 1);
  const g2 = intBetween(random, 0, W.GIVEN_SYLLABLES.length - 1);
  const roman = `${W.GIVEN_ROMAN[g1]}${W.GIVEN_ROMAN[g2]}${W.SURNAMES_ROMAN[s]}`;
  const place = pick(random, W.CITIES);
  const district = pick(random, place.districts);
  return {
    name: `${W.SURNAMES[s]}${W.GIVEN_SYLLABLES[g1]}${W.GIVEN_SYLLABLES[g2]}`,
    roman,
    cellphone,
    email: `${emailLocal ?? `${roman}${intBetween(random, 10, 99)}`}@${pick(random, W.EMAIL_DOMAINS)}`,
    zipcode: String(intBetween(random, 10000, 63999)).padStart(5, "0"),
    address1: flat(
      place.city,
      " ",
      district,
      " ",
      pick(random, W.STREETS),
      " ",
      String(intBetween(random, 1, 300)),
    ),
    address2: `${intBetween(random, 1, 20)}층 ${intBetween(random, 101, 1504)}호`,
  };
}

/** "010-XXXX-XXXX"; a multiplier coprime to 10^8 keeps the first 10^8 numbers distinct. */
function cellphoneFor(index: number, offset: number): string {
  const n = (index * 48_271 + offset) % 100_000_000;
  const digits = String(n).padStart(8, "0");
  return `010-${digits.slice(0, 4)}-${digits.slice(4)}`;
}

function generateCustomers(random: Random, count: number, dayStart: number): Customer[] {
  const created = ascendingTimes(random, count, 1095, dayStart);
  const phoneOffset = intBetween(random, 0, 99_999_999);
  const customers: Customer[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const person = fakePerson(random, cellphoneFor(i, phoneOffset));
    // The index suffix makes ids unique (and visibly synthetic).
    const memberId = `${person.roman.slice(0, 10)}${i + 1}`;
    const createdAt = created[i] ?? dayStart;
    const lastLogin = between(random, createdAt, dayStart);
    const points = intBetween(random, 0, 50) * 100;
    const used = Math.min(points, intBetween(random, 0, 20) * 100);
    const groupNo = random() < 0.8 ? 1 : intBetween(random, 2, 4);
    customers[i] = {
      shop_no: 1,
      member_id: memberId,
      cellphone: person.cellphone,
      _created: createdAt,
      public: {
        group_no: groupNo,
        member_authentication: "T",
        use_blacklist: "F",
        blacklist_type: "",
        sms: random() < 0.6 ? "T" : "F",
        news_mail: random() < 0.5 ? "T" : "F",
        thirdparty_agree: "F",
        total_points: money(points),
        available_points: money(points - used),
        used_points: money(used),
        last_login_date: formatKstIso(lastLogin),
        created_date: formatKstIso(createdAt),
        gender: random() < 0.5 ? "F" : "M",
        member_type: "p",
        fixed_group: "F",
        use_mobile_app: "F",
      },
      privacy: {
        group_no: groupNo,
        name: person.name,
        name_english: "",
        name_phonetic: "",
        phone: "",
        cellphone: person.cellphone,
        email: flat(memberId, "@", pick(random, W.EMAIL_DOMAINS)),
        sms: "T",
        news_mail: "F",
        birthday: `${intBetween(random, 1960, 2005)}-${String(intBetween(random, 1, 12)).padStart(2, "0")}-${String(intBetween(random, 1, 28)).padStart(2, "0")}`,
        solar_calendar: "T",
        zipcode: person.zipcode,
        address1: person.address1,
        address2: person.address2,
        member_authentication: "T",
        created_date: formatKstIso(createdAt),
        last_login_date: formatKstIso(lastLogin),
        gender: "",
        country_code: "KOR",
      },
    };
  }
  return customers;
}

// ---------------------------------------------------------------------------------------------------------
// Orders: `orderDays` KST days ending with the anchor's day; the anchor day always has a handful of orders.

/** Status mix by age: fresh orders are unpaid/being prepared, old ones delivered or confirmed. */
const STATUS_BY_AGE: readonly { maxDays: number; statuses: readonly string[] }[] = [
  { maxDays: 0, statuses: ["N00", "N00", "N10", "N10", "N20", "N21", "C47"] },
  { maxDays: 3, statuses: ["N10", "N20", "N21", "N22", "N30", "N30", "C00", "C40"] },
  { maxDays: 14, statuses: ["N30", "N40", "N40", "N40", "N50", "C40", "R00"] },
  { maxDays: Number.POSITIVE_INFINITY, statuses: ["N40", "N50", "N50", "N50", "N50", "C40", "R40", "E40"] },
];

const PAID_BY_CARD = Object.freeze({
  method: Object.freeze(["card"]),
  name: Object.freeze(["신용카드"]),
  gateway: Object.freeze(["example_pg"]),
});
const PAID_BY_CASH = Object.freeze({ method: Object.freeze(["cash"]), name: Object.freeze(["무통장입금"]) });

const SHIPPING_STATUS: Record<string, string> = {
  N22: "W",
  N30: "M",
  N40: "T",
  N50: "T",
  R00: "T",
  R40: "T",
  E40: "T",
};

const OPTION_VALUES = W.COLORS.flatMap((c) => W.SIZES.map((size) => `색상=${c}, 사이즈=${size}`));

/** Frozen: one member's records are shared by all their orders. */
interface MemberContact {
  buyer: Record<string, unknown>;
  receivers: Record<string, unknown>[];
}

function contactRecords(contact: Contact, memberId: string, groupNo: number): MemberContact {
  return {
    buyer: Object.freeze({
      member_id: memberId,
      member_group_no: groupNo,
      name: contact.name,
      names_furigana: "",
      email: contact.email,
      phone: "",
      cellphone: contact.cellphone,
      customer_notification: null,
      updated_date: null,
      company_name: "",
    }),
    receivers: Object.freeze([
      Object.freeze({
        name: contact.name,
        name_furigana: "",
        phone: "",
        cellphone: contact.cellphone,
        virtual_phone_no: "",
        zipcode: contact.zipcode,
        address1: contact.address1,
        address2: contact.address2,
        address_state: "",
        address_city: "",
        address_full: flat(contact.address1, " ", contact.address2),
        shipping_message: "",
      }),
    ]) as unknown as Record<string, unknown>[],
  };
}

function memberContact(member: Customer, cache: Map<Customer, MemberContact>): MemberContact {
  let records = cache.get(member);
  if (!records) {
    records = contactRecords(
      member.privacy as unknown as Contact,
      member.member_id,
      member.public.group_no as number,
    );
    cache.set(member, records);
  }
  return records;
}

const guestContact = (random: Random): MemberContact =>
  contactRecords(fakePerson(random, cellphoneFor(intBetween(random, 0, 1e7), 7)), "", 0);

function generateOrders(
  random: Random,
  sizes: MallDataSizes,
  dayStart: number,
  anchorMs: number,
  products: Product[],
  customers: Customer[],
): Order[] {
  const count = sizes.orders;
  const days = Math.max(1, sizes.orderDays);
  const todayCount = days === 1 ? count : Math.min(count, Math.max(5, Math.round(count / days)));
  // Sort on anchor-independent keys; anchor-day keys are scaled into [dayStart, anchor] afterwards.
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const day = i < todayCount ? 0 : intBetween(random, 1, days - 1);
    keys[i] = dayStart - day * DAY + random() * DAY;
  }
  keys.sort();
  const elapsed = Math.max(0, anchorMs - dayStart);
  const orders: Order[] = new Array(count);
  const contacts = new Map<Customer, MemberContact>();
  let day = "";
  let nextDay = Number.NEGATIVE_INFINITY;
  let dayOrders = 0;
  for (let i = 0; i < count; i++) {
    const key = keys[i] ?? dayStart;
    const today = key >= dayStart;
    const orderedAt = today
      ? dayStart + Math.floor((((key - dayStart) / DAY) * elapsed) / SECOND) * SECOND
      : Math.floor(key / SECOND) * SECOND;
    // The latest instant any follow-up event (payment, shipping, cancellation) may carry.
    const horizon = today ? anchorMs : dayStart;
    // Keys are sorted, so each KST day's orders are contiguous: number them 0000011, 0000012, ...
    if (orderedAt >= nextDay) {
      day = formatKstDate(orderedAt).replaceAll("-", "");
      nextDay = startOfKstDay(orderedAt) + DAY;
      dayOrders = 0;
    }
    dayOrders++;
    const orderId = flat(day, "-", String(dayOrders + 10).padStart(7, "0"));
    const ageDays = Math.round((dayStart - (nextDay - DAY)) / DAY);
    orders[i] = buildOrder(random, orderId, orderedAt, horizon, ageDays, products, customers, contacts);
  }
  return orders;
}

function buildOrder(
  random: Random,
  orderId: string,
  orderedAt: number,
  horizon: number,
  ageDays: number,
  products: Product[],
  customers: Customer[],
  contacts: Map<Customer, MemberContact>,
): Order {
  const statuses = STATUS_BY_AGE.find((s) => ageDays <= s.maxDays)?.statuses ?? ["N40"];
  const status = pick(random, statuses);
  const paid = status !== "N00" && status !== "C47";
  const canceled = status.startsWith("C");
  const shipped = ["N30", "N40", "N50", "R00", "R40", "E40"].includes(status);
  const delivered = shipped && status !== "N30";
  const upTo = (from: number, spanMs: number) => between(random, from, Math.min(from + spanMs, horizon));
  const payAt = paid ? upTo(orderedAt, 30 * 60 * SECOND) : null;
  const shipBeginAt = shipped && payAt !== null ? upTo(payAt, 2 * DAY) : null;
  const shipEndAt = delivered && shipBeginAt !== null ? upTo(shipBeginAt, 3 * DAY) : null;
  const confirmAt = status === "N50" && shipEndAt !== null ? upTo(shipEndAt, 7 * DAY) : null;
  const cancelAt = canceled ? upTo(payAt ?? orderedAt, 2 * DAY) : null;

  const member = customers.length && random() < 0.75 ? pick(random, customers) : undefined;
  const buyerContact = member ? memberContact(member, contacts) : guestContact(random);
  // Most orders ship to the buyer; a member's usual buyer/receiver records are shared between their orders.
  const receivers = random() < 0.8 ? buyerContact.receivers : guestContact(random).receivers;

  const shippingCode = shipped ? flat("D-", orderId) : null;
  const items: OrderItem[] = [];
  const itemCount = products.length ? intBetween(random, 1, 3) : 0;
  let itemsTotal = 0;
  for (let n = 1; n <= itemCount; n++) {
    const product = pick(random, products);
    const quantity = intBetween(random, 1, 3);
    const unit = Number.parseFloat(product.price);
    itemsTotal += unit * quantity;
    items.push({
      item_no: n,
      order_item_code: flat(orderId, "-", String(n).padStart(2, "0")),
      variant_code: flat(product.product_code, "000A"),
      product_no: product.product_no,
      product_code: product.product_code,
      product_name: product.product_name,
      option_value: pick(random, OPTION_VALUES),
      quantity,
      product_price: product.price,
      option_price: "0.00",
      additional_discount_price: "0.00",
      order_status: status,
      supplier_id: "S0000000",
      shipping_code: shippingCode,
    });
  }
  const shippingFee = itemsTotal >= 50_000 || itemCount === 0 ? 0 : 3000;
  const coupon = random() < 0.2 ? intBetween(random, 1, 3) * 1000 : 0;
  const points = member && random() < 0.15 ? intBetween(random, 1, 20) * 100 : 0;
  const payment = Math.max(0, itemsTotal + shippingFee - coupon - points);
  const amounts = (scale: number) => ({
    order_price_amount: money(itemsTotal * scale),
    shipping_fee: money(shippingFee * scale),
    points_spent_amount: money(points * scale),
    credits_spent_amount: "0.00",
    coupon_discount_price: money(coupon * scale),
    coupon_shipping_fee_amount: "0.00",
    membership_discount_amount: "0.00",
    shipping_fee_discount_amount: "0.00",
    set_product_discount_amount: "0.00",
    app_discount_amount: "0.00",
    point_incentive_amount: "0.00",
    total_amount_due: money(paid ? 0 : payment * scale),
    payment_amount: money(paid ? payment * scale : 0),
    market_other_discount_amount: "0.00",
    tax: money((payment * scale) / 11),
  });
  // Shared when unchanged: serialises the same and halves the allocations of the largest generator.
  const initial = amounts(1);
  const card = random() < 0.7;
  return {
    shop_no: 1,
    currency: "KRW",
    order_id: orderId,
    market_id: "self",
    market_order_no: null,
    member_id: member?.member_id ?? "",
    member_authentication: member ? "T" : "F",
    initial_order_amount: initial,
    actual_order_amount: canceled ? amounts(0) : initial,
    bank_code: card ? "" : "bank_04",
    payment_method: card ? PAID_BY_CARD.method : PAID_BY_CASH.method,
    payment_method_name: card ? PAID_BY_CARD.name : PAID_BY_CASH.name,
    payment_gateway_names: card ? PAID_BY_CARD.gateway : null,
    paid: paid ? "T" : "F",
    canceled: canceled ? "T" : "F",
    order_status: status,
    order_date: formatKstIso(orderedAt),
    first_order: "F",
    payment_date: payAt === null ? null : formatKstIso(payAt),
    order_from_mobile: random() < 0.6 ? "T" : "F",
    use_escrow: "F",
    group_no_when_ordering: (member?.public.group_no as number | undefined) ?? 0,
    payment_amount: money(paid && !canceled ? payment : 0),
    cancel_date: cancelAt === null ? null : formatKstIso(cancelAt),
    order_place_name: "PC쇼핑몰",
    order_place_id: "cafe24",
    postpay: "F",
    shipping_type: "A",
    shipping_type_text: "국내배송",
    shipping_status: SHIPPING_STATUS[status] ?? "F",
    wished_delivery_date: "",
    total_supply_price: money(itemsTotal * 0.55),
    store_pickup: "F",
    subscription: "F",
    _ordered: orderedAt,
    _pay: payAt,
    _shipbegin: shipBeginAt,
    _shipend: shipEndAt,
    _confirm: confirmAt,
    _cancel: cancelAt,
    items,
    receivers,
    buyer: buyerContact.buyer,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Boards, store and shop.

function generateBoards(count: number, dayStart: number): Board[] {
  const boards: Board[] = [];
  for (let i = 0; i < Math.min(count, W.BOARDS.length * 10); i++) {
    const stock = W.BOARDS[i % W.BOARDS.length] ?? { name: "게시판", type: 2 };
    const round = Math.floor(i / W.BOARDS.length);
    boards.push({
      shop_no: 1,
      board_no: i + 1,
      board_type: stock.type,
      board_name: round ? `${stock.name} ${round + 1}` : stock.name,
      use_board: "T",
      use_display: "T",
      display_order: i + 1,
      attached_file: "T",
      article_display_type: "A",
      created_date: formatKstIso(dayStart - 900 * DAY),
    });
  }
  return boards;
}

function buildStore(input: MallDataInput): Record<string, unknown> {
  const { mallId, shopName } = input;
  return {
    shop_no: 1,
    shop_name: shopName,
    admin_name: "관리자",
    mall_id: mallId,
    base_domain: `${mallId}.cafe24.com`,
    primary_domain: `${mallId}.cafe24.com`,
    company_registration_no: "000-00-00000",
    company_name: `${shopName} (예시 법인)`,
    president_name: "홍길동",
    company_condition: "도소매",
    company_line: "전자상거래",
    country: "South Korea",
    country_code: "KR",
    zipcode: "00000",
    address1: "서울특별시 중구 가상로 1",
    address2: "예시빌딩 1층",
    phone: "02-0000-0000",
    fax: "",
    email: `help@${mallId}.example.com`,
    notification_only_email: `noreply@${mallId}.example.com`,
    mall_url: `https://${mallId}.cafe24.com`,
    mail_order_sales_registration: "T",
    mail_order_sales_registration_number: "제0000-가상-0000호",
    missing_report_reason_type: null,
    missing_report_reason: null,
    about_us_contents: "",
    company_map_url: "",
    customer_service_phone: "1600-0000",
    customer_service_email: `cs@${mallId}.example.com`,
    customer_service_hours: "평일 10:00-17:00 (점심시간 12:00-13:00)",
    privacy_officer_name: "개인정보 보호책임자",
    privacy_officer_position: "CPO",
    privacy_officer_department: "운영팀",
    privacy_officer_phone: "02-0000-0001",
    privacy_officer_email: `privacy@${mallId}.example.com`,
    contact_us_mobile: "F",
    contact_us_contents: "",
    sales_product_categories: ["의류", "잡화"],
    category_tags: [],
    business_country: "KR",
    youtube_shops_logo: null,
  };
}

function buildShop(input: MallDataInput): Record<string, unknown> {
  const { mallId, shopName } = input;
  return {
    shop_no: 1,
    default: "T",
    shop_name: shopName,
    business_country_code: "KR",
    language_code: "ko_KR",
    language_name: "Korean",
    currency_code: "KRW",
    currency_name: "South Korean Won (KRW)",
    reference_currency_code: "USD",
    reference_currency_name: "U.S. Dollar (USD)",
    pc_skin_no: 1,
    mobile_skin_no: 2,
    base_domain: `${mallId}.cafe24.com`,
    primary_domain: `${mallId}.cafe24.com`,
    slave_domain: [],
    active: "T",
    timezone: "Asia/Seoul",
    timezone_name: "(UTC+09:00) Seoul",
    date_format: "YYYY-MM-DD",
    time_format: "hh:mm:ss",
    use_reference_currency: "F",
    is_https_active: "T",
    site_connect: "T",
    channel: "NONE",
    use_translation: "F",
    unit_system: "metric",
    weight_unit: "kg",
  };
}
