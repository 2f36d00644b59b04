import { money } from "../../data/generate-mall-data.js";
import * as W from "../../data/korean-words.js";
import type { Product } from "../../data/types.js";
import { seededRandom } from "../../prng.js";

/**
 * Sub-resources inlined by `embed=` on products (§6.4). They are derived on demand from the product itself,
 * so 10,000 seed products carry none of this in memory, and the same product always embeds the same values.
 */
export const PRODUCT_EMBEDS = [
  "discountprice",
  "decorationimages",
  "benefits",
  "options",
  "variants",
  "additionalimages",
  "hits",
  "channeldiscountprices",
] as const;
export type ProductEmbed = (typeof PRODUCT_EMBEDS)[number];

const imageBase = (p: Product): string => String(p.list_image).replace(/medium\/[^/]+$/, "");

/** Colour × size combinations; a product without options has one default variant ("…000A"). */
function optionAxes(p: Product): { colors: string[]; sizes: string[] } {
  if (p.has_option !== "T") return { colors: [], sizes: [] };
  const random = seededRandom(p.product_no * 7919);
  const colors = W.COLORS.filter(() => random() < 0.4).slice(0, 3);
  return { colors: colors.length ? colors : [W.COLORS[0]], sizes: ["S", "M", "L"] };
}

function variants(p: Product): Record<string, unknown>[] {
  const { colors, sizes } = optionAxes(p);
  const combos = colors.length ? colors.flatMap((c) => sizes.map((s) => [c, s] as const)) : [undefined];
  return combos.map((combo, i) => ({
    shop_no: p.shop_no,
    variant_code: `${p.product_code}${(i + 10).toString(36).toUpperCase().padStart(4, "0")}`,
    options: combo
      ? [
          { name: "색상", value: combo[0] },
          { name: "사이즈", value: combo[1] },
        ]
      : null,
    custom_variant_code: "",
    display: p.display,
    selling: p.selling,
    additional_amount: "0.00",
    use_inventory: "T",
    important_inventory: "A",
    inventory_control_type: "A",
    display_soldout: "T",
    quantity: p.sold_out === "T" ? 0 : ((p.product_no * 31 + i * 7) % 50) + 1,
    safety_inventory: 0,
    image: null,
  }));
}

function options(p: Product): Record<string, unknown> {
  const { colors, sizes } = optionAxes(p);
  const axis = (name: string, values: string[]) => ({
    option_name: name,
    option_value: values.map((v) => ({ option_text: v, value_no: null, additional_amount: null })),
    required_option: "T",
    option_display_type: "S",
  });
  return {
    shop_no: p.shop_no,
    product_no: p.product_no,
    has_option: p.has_option,
    option_type: p.option_type,
    option_list_type: "S",
    options: colors.length ? [axis("색상", colors), axis("사이즈", sizes)] : [],
    select_one_by_option: "F",
    use_additional_option: "F",
    additional_options: [],
  };
}

export function productEmbed(p: Product, embed: ProductEmbed): unknown {
  const price = Number.parseFloat(p.price);
  switch (embed) {
    case "discountprice":
      return {
        pc_discount_price: money(price * 0.9),
        mobile_discount_price: money(price * 0.9),
        app_discount_price: null,
      };
    case "decorationimages":
      return p.product_no % 3 === 0 ? [{ code: "image_1", path: `${imageBase(p)}icon/new.png` }] : [];
    case "benefits":
      return p.product_no % 4 === 0
        ? [
            {
              benefit_no: 1,
              benefit_name: "신규 회원 10% 할인",
              benefit_division: "D",
              benefit_type: "DP",
              use_benefit: "T",
            },
          ]
        : [];
    case "options":
      return options(p);
    case "variants":
      return variants(p);
    case "additionalimages":
      return [1, 2].map((n) => ({
        big: `${imageBase(p)}extra/big/${p.product_code}_${n}.jpg`,
        medium: `${imageBase(p)}extra/medium/${p.product_code}_${n}.jpg`,
        small: `${imageBase(p)}extra/small/${p.product_code}_${n}.jpg`,
      }));
    case "hits":
      return (p.product_no * 2_654_435_761) % 5000;
    case "channeldiscountprices":
      return [];
  }
}
