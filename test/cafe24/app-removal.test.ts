import { describe, expect, it } from "vitest";
import { appRemovalOf } from "../../src/cafe24/app-removal.js";

describe("appRemovalOf", () => {
  it("reads Cafe24's 403 for an app the merchant deleted", () => {
    expect(appRemovalOf("This app is deleted. Receive the consent of the operator again.")).toBe("deleted");
  });

  it("reads the token endpoint's refusals for a deleted and an expired app", () => {
    expect(appRemovalOf("This app is deleted.")).toBe("deleted");
    expect(appRemovalOf("This app has expired.")).toBe("expired");
  });

  it("reads the expired-app 403", () => {
    expect(
      appRemovalOf(
        "This app has expired. Renew the app in the Cafe24 Store and receive the consent of the operator again.",
      ),
    ).toBe("expired");
  });

  it("does not mistake an expired token, a missing scope or a wrong secret for a removed app", () => {
    for (const message of [
      "access_token time expired. (invalid_token)",
      "refresh_token time expired",
      "No authority to access",
      "Invalid client_secret",
      "Invalid refresh_token",
      "The API version '2024-06-01' has expired. Use a newer version in X-Cafe24-Api-Version.",
      undefined,
      "",
    ]) {
      expect(appRemovalOf(message)).toBeUndefined();
    }
  });
});
