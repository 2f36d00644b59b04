import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CLI, runNode } from "../helpers/run-cli.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/scan/${name}`, import.meta.url));

describe("cafe24-doctor scan (built CLI)", () => {
  it("prints the findings as JSON (schema version 1) and exits 2", async () => {
    const { code, stdout } = await runNode(CLI, ["scan", fixture("node-service"), "--json"]);
    expect(code).toBe(2);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      schemaVersion: 1,
      counts: { REFRESHER: 3, NAIVE_EXPIRY_PARSE: 1, LITERAL_SECRET: 1, NON_ATOMIC_TOKEN_WRITE: 1 },
      refreshers: { count: 3, inCode: 3, watch: [] },
      rootCause: {
        code: "REFRESHERS_RACE",
        title: "3 independent refreshers race for one rotating refresh token",
      },
      limitsHit: [],
    });
    expect(report.findings).toContainEqual({
      rule: "REFRESHER",
      file: "src/server.js",
      line: 9,
      excerpt: 'body.append("grant_type", "refresh_token");',
    });
    expect(typeof report.elapsedMs).toBe("number");
    expect(stdout).not.toContain("hV3kQ9zLm2XpT7rBw4YcNa");
  });

  it("groups the places by finding with file:line and the fix, in Korean with --lang ko", async () => {
    const { code, stdout } = await runNode(CLI, ["scan", fixture("php-curl"), "--lang", "ko"]);
    expect(code).toBe(2);
    expect(stdout).toContain("REFRESHER — 카페24 토큰을 직접 갱신함 (1)");
    expect(stdout).toContain("  refresh.php:18  ");
    expect(stdout).toContain("NON_ATOMIC_TOKEN_WRITE — 토큰 파일을 제자리에서 덮어씀 (1)");
    expect(stdout).toContain("해결: 같은 폴더의 임시 파일에 쓴 뒤");
  });

  it("exits 0 for a clean project", async () => {
    const { code, stdout } = await runNode(CLI, ["scan", fixture("clean-docs-only"), "--lang", "en"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^No finding in 1 source file\(s\) under .*clean-docs-only/);
  });

  it("exits 3 when the folder does not exist", async () => {
    const { code, stderr } = await runNode(CLI, ["scan", fixture("no-such-project"), "--lang", "en"]);
    expect(code).toBe(3);
    expect(stderr).toContain("is not a folder that can be read");
  });
});
