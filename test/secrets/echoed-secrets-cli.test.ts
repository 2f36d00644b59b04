import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatKstNaive } from "../../src/cafe24/kst.js";
import { maskSecret } from "../../src/util/mask-secret.js";
import { CLI, type CliResult, runNode } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/token-files.js";
import {
  ACCESS_TOKEN,
  APP,
  type EchoUpstream,
  echoUpstream,
  expectNoLeak,
  REFRESH_TOKEN,
} from "./echo-upstream.js";

/** A project whose token file holds a live grant and whose base URL is the echoing upstream. */
async function project(upstream: EchoUpstream) {
  const dir = await tempDir();
  const tokenFile = join(dir, "oauth_token.json");
  const now = Date.now();
  await writeFile(
    tokenFile,
    JSON.stringify({
      access_token: ACCESS_TOKEN,
      expires_at: formatKstNaive(now + 2 * 3600_000),
      refresh_token: REFRESH_TOKEN,
      refresh_token_expires_at: formatKstNaive(now + 14 * 86_400_000),
      client_id: APP.clientId,
      mall_id: APP.mallId,
      user_id: "admin",
      scopes: ["mall.read_product", "mall.write_product"],
      issued_at: formatKstNaive(now),
      shop_no: "1",
    }),
    { mode: 0o600 },
  );
  const env = {
    CAFE24_MALL_ID: APP.mallId,
    CAFE24_CLIENT_ID: APP.clientId,
    CAFE24_CLIENT_SECRET: APP.clientSecret,
    CAFE24_REDIRECT_URI: "https://app.example.com/callback",
    CAFE24_SCOPES: "mall.read_product,mall.write_product",
    CAFE24_TOKEN_FILE: tokenFile,
    CAFE24_BASE_URL: upstream.baseUrlTemplate,
    CAFE24_DOCTOR_NO_BROWSER: "1",
    NO_COLOR: "1",
    LANG: "en_US.UTF-8",
  };
  const cli = (args: string[]): Promise<CliResult> =>
    runNode(CLI, args, { env, cwd: dir, timeoutMs: 40_000 });
  return Object.assign(cli, { dir, tokenFile });
}

function expectCleanOutput(result: CliResult): void {
  expectNoLeak("stdout", result.stdout);
  expectNoLeak("stderr", result.stderr);
}

describe("cafe24-doctor against an upstream that echoes the request", () => {
  it("keeps an access token echoed in a 422 body out of the api command's output, naming Cafe24's words", async () => {
    const cli = await project(await echoUpstream());
    const result = await cli(["api", "GET", "/products", "-q", "limit=5"]);
    expectCleanOutput(result);
    expect(result.code, result.stderr).toBe(2);
    // Cafe24's error body is the answer (stdout, JSON), scrubbed like everything else (expectCleanOutput above).
    expect(JSON.parse(result.stdout).error.code).toBe(422);
    expect(result.stderr).toContain("422");
    expect(result.stderr).toContain(`Request rejected. Authorization: Bearer ${maskSecret(ACCESS_TOKEN)}`);
  });

  it("keeps an access token and a body echoed in a 500 answer out of the api command's output, with --debug too", async () => {
    const cli = await project(await echoUpstream());
    const body = JSON.stringify({
      request: { note: `client_secret=${APP.clientSecret}&refresh_token=${REFRESH_TOKEN}` },
    });
    const result = await cli(["api", "POST", "/broken", "-d", body, "--debug"]);
    expect(result.code, result.stderr).not.toBe(0);
    expect(result.stderr).toContain("500");
    expectCleanOutput(result);
  });

  it("keeps the client secret's Basic encoding and the refresh token echoed by the token endpoint out of token refresh's output", async () => {
    const cli = await project(await echoUpstream());
    const result = await cli(["token", "refresh", "--debug"]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain("invalid_client");
    expectCleanOutput(result);
  });

  it("keeps an access token echoed in every 422 out of the check's findings, its report files and its HTTP log", async () => {
    const cli = await project(await echoUpstream());
    const result = await cli(["check", "--json", "--html", "--lang", "en"]);
    expectCleanOutput(result);
    expect(result.code, result.stderr).not.toBe(0);
    const reportDir = join(cli.dir, "cafe24-doctor-reports");
    const reports = (await readdir(reportDir)).filter((name) => /^comprehensive_test/.test(name));
    expect(reports.length).toBeGreaterThanOrEqual(3);
    for (const name of reports) expectNoLeak(name, await readFile(join(reportDir, name), "utf8"));
    expect(result.stdout).toContain(`Bearer ${maskSecret(ACCESS_TOKEN)}`);
  });
});
