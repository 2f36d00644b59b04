import { describe, expect, it } from "vitest";
import { DEMO, runNode } from "../helpers/run-cli.js";

describe("npm run demo", () => {
  it("authorizes, checks a healthy app, then names each fault it introduces — without showing a token", async () => {
    const result = await runNode(DEMO, ["--lang", "en"], { env: { NO_COLOR: "1" }, timeoutMs: 30_000 });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain("Healthy — every check passed (exit code 0)");
    expect(out).toContain("Root cause: The access token expired and nobody refreshed it");
    expect(out).toContain("Root cause: The app lacks a permission (scope) it needs");
    expect(out).toMatch(/run: cafe24-doctor token refresh/);
    expect(out).toMatch(/comprehensive_test_report_\d{8}_\d{6}\.json/);
    const longRuns = (out.match(/[A-Za-z0-9]{20,}/g) ?? []).filter((s) => !/^\d+$/.test(s));
    expect(longRuns).toEqual([]);
  });

  it("speaks Korean when asked", async () => {
    const result = await runNode(DEMO, ["--lang", "ko"], { env: { NO_COLOR: "1" }, timeoutMs: 30_000 });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("[만료]");
    expect(result.stdout).toContain("근본 원인");
  });
});
