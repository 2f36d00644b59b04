import { describe, expect, it } from "vitest";
import { maskSecret } from "../../src/util/mask-secret.js";

describe("maskSecret", () => {
  it("keeps four characters at each end of a token", () => {
    expect(maskSecret("0iqR5nM5EJIqABCDEFGHwxyz")).toBe("0iqR…wxyz");
  });

  it("reveals nothing of a short value", () => {
    expect(maskSecret("short-secret")).toBe("…");
  });

  it("says when there is nothing", () => {
    expect(maskSecret(undefined)).toBe("(none)");
    expect(maskSecret("")).toBe("(none)");
  });
});
