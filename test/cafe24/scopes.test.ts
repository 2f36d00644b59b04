import { describe, expect, it } from "vitest";
import { CAFE24_SCOPES, isKnownScope, splitScopes } from "../../src/cafe24/scopes.js";

describe("Cafe24's scope vocabulary (docs/cafe24-facts.md §5)", () => {
  it("pairs mall.read_X with mall.write_X for each of the 18 resource groups", () => {
    const reads = CAFE24_SCOPES.filter((s) => s.startsWith("mall.read_"));
    const pairs = reads.filter((s) => CAFE24_SCOPES.includes(s.replace("mall.read_", "mall.write_")));
    expect(pairs).toHaveLength(18);
    expect(pairs).toEqual(
      expect.arrayContaining(["mall.read_application", "mall.read_privacy", "mall.read_order"]),
    );
  });

  it("knows the read-only analytics scope and the capital-I customer identifier scope", () => {
    expect(isKnownScope("mall.read_analytics")).toBe(true);
    expect(isKnownScope("mall.write_analytics")).toBe(false);
    expect(isKnownScope("mall.read_customer_Identifier")).toBe(true);
    expect(isKnownScope("mall.read_customer_identifier")).toBe(false);
  });

  it("splits a scope parameter on commas and on spaces alike", () => {
    expect(splitScopes("mall.read_order,mall.read_product")).toEqual([
      "mall.read_order",
      "mall.read_product",
    ]);
    expect(splitScopes("mall.read_order mall.read_product")).toEqual([
      "mall.read_order",
      "mall.read_product",
    ]);
  });
});
