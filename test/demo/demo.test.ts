import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { DEMO, runNode } from "../helpers/run-cli.js";

/** The last scene runs the Python client where python3 exists, else the Node one, and says so. */
const python = spawnSync("python3", ["--version"], { timeout: 10_000 }).status === 0;

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
    expect(out).toMatch(
      /watch keeps mall '\w+' alive and serves its access tokens at http:\/\/127\.0\.0\.1:\d+\//,
    );
    expect(out).toMatch(
      new RegExp(
        `a ${python ? "Python" : "Node"} app \\(examples/token-clients\\) made 10 calls to Cafe24 while time ran .+ ahead and Cafe24 expired its token early 3 times`,
      ),
    );
    if (!python) expect(out).toContain("python3 is not installed here");
    expect(out).toContain(
      "the app: 10 of 10 calls succeeded, 0 failed; it refreshed 0 times and never saw a refresh token (watch's answers held only access_token, expires_at, mall_id, scopes)",
    );
    expect(out).toContain("Cafe24 refused its token 3 times; each time one report to watch");
    expect(out).toMatch(
      /watch refreshed [1-9]\d* times, under the store's lock — the only refresher \(0 invalid_grant at Cafe24\)/,
    );
    const longRuns = (out.match(/[A-Za-z0-9]{20,}/g) ?? []).filter((s) => !/^\d+$/.test(s));
    expect(longRuns).toEqual([]);
  });

  it("speaks Korean when asked", async () => {
    const result = await runNode(DEMO, ["--lang", "ko"], { env: { NO_COLOR: "1" }, timeoutMs: 30_000 });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("[만료]");
    expect(result.stdout).toContain("근본 원인");
    expect(result.stdout).toContain(
      "10번 중 10번 성공, 0번 실패. 직접 갱신은 0번, refresh token은 한 번도 받지 않음",
    );
  });
});
