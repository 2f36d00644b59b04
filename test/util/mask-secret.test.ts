import { describe, expect, it } from "vitest";
import { maskSecret } from "../../src/util/mask-secret.js";

describe("maskSecret", () => {
  it.each([
    ["a 15-character value", "abcdefghijklmno", "…"],
    ["a 16-character value", "abcdefghijklmnop", "ab…op"],
    ["a 22-character Cafe24 token", "0iqR5nM5EJIqABCDEFwxyz", "0i…yz"],
    ["a 39-character value", `ab${"x".repeat(35)}yz`, "ab…yz"],
    ["a 40-character value", `abcd${"x".repeat(32)}wxyz`, "abcd…wxyz"],
  ])("shows at most four characters of %s", (_, value, mask) => {
    expect(maskSecret(value)).toBe(mask);
  });

  it("never shows more than four characters of a secret under 40 characters", () => {
    for (let length = 1; length < 40; length++) {
      const mask = maskSecret("s".repeat(length));
      expect(mask.replace("…", "").length, `length ${length}`).toBeLessThanOrEqual(4);
    }
  });

  it("says when there is nothing", () => {
    expect(maskSecret(undefined)).toBe("(none)");
    expect(maskSecret("")).toBe("(none)");
  });
});
