import { describe, expect, it } from "vitest";
import { DEMO, runNode } from "../helpers/run-cli.js";

describe("npm run demo", () => {
  it("walks the OAuth flow to the refused old refresh token, masking every token", async () => {
    const result = await runNode(DEMO, ["--lang", "en"], { env: { NO_COLOR: "1" } });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const out = result.stdout;
    for (const step of ["1.", "2.", "3.", "4.", "5.", "6."]) expect(out).toContain(`\n${step} `);
    expect(out).toMatch(/HTTP 200 · X-Api-Call-Limit 1\/40 · 3 products/);
    expect(out).toMatch(/refused: HTTP 400 invalid_grant/);
    expect(out).toMatch(/expires \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3} KST \(in 2 h\)/);
    const state = /state=([0-9a-f]{32})/.exec(out)?.[1] ?? "";
    expect(state).not.toBe("");
    const longRuns = (out.replaceAll(state, "").match(/[A-Za-z0-9]{16,}/g) ?? []).filter(
      (s) => !/^\d+$/.test(s),
    );
    expect(longRuns).toEqual([]);
  });

  it("speaks Korean when asked", async () => {
    const result = await runNode(DEMO, ["--lang", "ko"], { env: { NO_COLOR: "1" } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("거부됨");
    expect(result.stdout).toContain("2시간 남음");
  });
});
