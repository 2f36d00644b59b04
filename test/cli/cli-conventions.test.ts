import { mkdir, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { tokenStoreFromConfig } from "../../src/config/token-store-from-config.js";
import { createTranslator } from "../../src/i18n/translate.js";
import { runTokenRevoke } from "../../src/token/run-token-revoke.js";
import { tokenSetup } from "../../src/token/token-setup.js";
import { type StatusView, statusJson } from "../../src/watch/status-server/status-view.js";
import { tempDir } from "../helpers/token-files.js";
import { expectCleanOutput, tokenProject } from "../token/token-cli-kit.js";

/** One command line in-process, with exactly this environment (nothing of the test runner's CAFE24_*). */
async function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  let stdout = "";
  let stderr = "";
  const lang = args.some((a) => a === "--lang") ? [] : ["--lang", "en"];
  const code = await runCli([...args, ...lang], {
    cwd: options.cwd ?? (await tempDir()),
    env: options.env ?? {},
    storeFor: tokenStoreFromConfig,
    out: (line) => {
      stdout += `${line}\n`;
    },
    err: (line) => {
      stderr += `${line}\n`;
    },
  });
  return { code, stdout, stderr };
}

/** A port nothing listens on: Cafe24 unreachable. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe("commands as users type them", () => {
  it("suggests `token status`/`token login` for status and login, `check` for chek — not 'too many arguments'", async () => {
    for (const [typed, meant] of [
      ["status", "token status"],
      ["login", "token login"],
      ["chek", "check"],
    ] as const) {
      const result = await cli([typed]);
      expect(result.code, typed).toBe(3);
      expect(result.stderr).toContain(`unknown command '${typed}'`);
      expect(result.stderr).toContain(`Did you mean \`cafe24-doctor ${meant}\`?`);
      expect(result.stderr).not.toContain("too many arguments");
    }
    const far = await cli(["xyzzy-frobnicate"]);
    expect(far.code).toBe(3);
    expect(far.stderr).toContain("cafe24-doctor --help");
  });

  it("prints the version with --version and -V", async () => {
    for (const flag of ["--version", "-V"]) {
      const result = await cli([flag]);
      expect(result.code).toBe(0);
      expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    }
  });

  it("shows commander's own help words in Korean under --lang ko", async () => {
    const top = await cli(["--help", "--lang", "ko"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("사용법:");
    expect(top.stdout).toContain("옵션:");
    expect(top.stdout).toContain("명령:");
    expect(top.stdout).not.toMatch(/^(Usage|Options|Commands):/m);
    expect(top.stdout).toContain("명령의 도움말 표시");
    const sub = await cli(["token", "status", "--help", "--lang", "ko"]);
    expect(sub.stdout).toContain("사용법:");
    expect(sub.stdout).not.toContain("display help for command");
    const english = await cli(["--help"]);
    expect(english.stdout).toContain("Usage:");
  });

  it("gives one meaning to -q: api's --query; the emulator's --quiet is long-only; --mall on diagnose and check", async () => {
    const emulator = await cli(["emulator", "--help"]);
    expect(emulator.stdout).toContain("--quiet");
    expect(emulator.stdout).not.toMatch(/-q, --quiet/);
    expect((await cli(["api", "--help"])).stdout).toMatch(/-q, --query/);
    for (const command of ["diagnose", "check"])
      expect((await cli([command, "--help"])).stdout).toContain("--mall <id>");
    for (const command of ["refresh", "exchange", "login", "revoke", "restore", "migrate", "status"])
      expect((await cli(["token", command, "--help"])).stdout, command).toContain("--json");
  });
});

describe("configuration found as users keep it", () => {
  it("hints at a misspelt CAFE24_* name (environment and .env), as for config keys", async () => {
    const result = await cli(["token", "status"], {
      env: { CAFE24_MALLID: "mymall", CAFE24_CLIENT_ID: "App0001" },
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("CAFE24_MALLID: unknown variable — did you mean CAFE24_MALL_ID?");

    const dir = await tempDir();
    await writeFile(join(dir, ".env"), "CAFE24_MALL_ID=mymall\nCAFE24_CLIENT_SECERT=x\n");
    const dotenv = await cli(["token", "status"], { cwd: dir, env: { CAFE24_CLIENT_ID: "App0001" } });
    expect(dotenv.code).toBe(3);
    expect(dotenv.stderr).toContain(
      "CAFE24_CLIENT_SECERT (in .env): unknown variable — did you mean CAFE24_CLIENT_SECRET?",
    );
  });

  it("with no configuration at all, the diagnosis exits 3 and says where it looked", async () => {
    const dir = await tempDir();
    const sub = join(dir, "src", "deep");
    await mkdir(sub, { recursive: true });
    await writeFile(join(dir, "package.json"), "{}");
    const result = await cli(["--no-progress"], { cwd: sub });
    expect(result.code, result.stderr + result.stdout).toBe(3);
    expect(result.stderr).toContain("No configuration found");
    expect(result.stderr).toContain(`${sub}, ${join(dir, "src")}, ${dir}`);
  });
});

describe("token commands", () => {
  it("token status reads the store without the client secret", async () => {
    const p = await tokenProject();
    await p.writeToken();
    const result = await p.cli(["token", "status"], { env: { CAFE24_CLIENT_SECRET: "" } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Healthy");
  });

  it("token status --verify with Cafe24 unreachable says it could not verify and exits 3, not Healthy", async () => {
    const p = await tokenProject();
    await p.writeToken();
    const port = await closedPort();
    const result = await p.cli(["token", "status", "--verify"], {
      env: { CAFE24_BASE_URL: `http://127.0.0.1:${port}/{mall_id}` },
      timeoutMs: 40_000,
    });
    expect(result.code, result.stderr).toBe(3);
    expect(result.stdout).toContain("Could not verify");
    expect(result.stdout).not.toContain("Healthy");
    const json = await p.cli(["token", "status", "--verify", "--json"], {
      env: { CAFE24_BASE_URL: `http://127.0.0.1:${port}/{mall_id}` },
      timeoutMs: 40_000,
    });
    expect(JSON.parse(json.stdout)).toMatchObject({ health: "unverified", exitCode: 3 });
  }, 90_000);

  it("token login --no-browser does not claim to open a browser", async () => {
    const p = await tokenProject();
    const result = await p.cli(["token", "login", "--no-browser", "--timeout", "1"]);
    expect(result.stdout).toContain("Open this URL in a browser to authorize the app:");
    expect(result.stdout).not.toContain("opening your browser");
  });

  it("token revoke refuses without --yes when not on a terminal; --yes --json revokes and says so in JSON", async () => {
    const p = await tokenProject();
    await p.writeToken();
    const refused = await p.cli(["token", "revoke"]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("pass --yes to confirm");
    expect(await p.hasToken()).toBe(true);
    expect(p.emu.control.stats().revocations).toBe(0);

    const done = await p.cli(["token", "revoke", "--yes", "--json"]);
    expect(done.code, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ action: "revoke", ok: true, revoked: true });
    expect(done.stderr).toContain("Revoked the refresh token");
    expect(await p.hasToken()).toBe(false);
    expectCleanOutput(done, p.secrets());
  });

  it("token revoke on a terminal revokes nothing when the person answers no", async () => {
    const p = await tokenProject();
    await p.writeToken();
    const setup = tokenSetup(
      {
        ...(await import("../../src/config/load-doctor-config.js").then((m) =>
          m.loadDoctorConfig({ cwd: p.dir, env: p.env }),
        )),
      },
      {},
    );
    const questions: string[] = [];
    const lines: string[] = [];
    const code = await runTokenRevoke(
      setup,
      { t: createTranslator("en"), out: (l) => lines.push(l), err: (l) => lines.push(l) },
      {
        confirm: async (question) => {
          questions.push(question);
          return false;
        },
      },
    );
    expect(code).toBe(1);
    expect(questions[0]).toContain("[y/N]");
    expect(lines).toContain("Nothing was revoked.");
    expect(await p.hasToken()).toBe(true);
    expect(p.emu.control.stats().revocations).toBe(0);
  });

  it("token refresh --json and token exchange --json print one JSON result on stdout", async () => {
    const p = await tokenProject();
    await p.writeToken();
    const refresh = await p.cli(["token", "refresh", "--json"]);
    expect(refresh.code, refresh.stderr).toBe(0);
    const body = JSON.parse(refresh.stdout);
    expect(body).toMatchObject({ action: "refresh", ok: true, exitCode: 0, mallId: p.mall.mallId });
    expect(body.token.accessToken.expiresAt).toMatch(/\+09:00$/);
    expect(refresh.stderr).toContain("Refreshed");
    expectCleanOutput(refresh, p.secrets());

    const exchange = await p.cli(["token", "exchange", "--json"]);
    expect(exchange.code, exchange.stderr).toBe(0);
    expect(JSON.parse(exchange.stdout).authorizeUrl).toMatch(/^https?:\/\/.*oauth\/authorize\?/);
  });
});

describe("api", () => {
  it("honours -q limit with --paginate as the page size, says so, and refuses -q offset", async () => {
    const p = await tokenProject();
    await p.writeToken();
    const count = JSON.parse((await p.cli(["api", "GET", "/products/count"])).stdout).count as number;
    const result = await p.cli(["api", "GET", "/products", "-q", "limit=2", "--paginate"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim().split("\n")).toHaveLength(count);
    expect(result.stderr).toContain("-q limit=… is the page size");
    // Pages of two: about count/2 calls, not the endpoint's maximum page.
    expect(result.stderr.match(/→ 200/g)?.length).toBeGreaterThanOrEqual(Math.ceil(count / 2));
    const offset = await p.cli(["api", "GET", "/products", "-q", "offset=10", "--paginate"]);
    expect(offset.code).toBe(3);
    expect(offset.stderr).toContain("drop -q offset");
  });

  it("says the status once, and prints an error answer's body on stdout as JSON", async () => {
    const p = await tokenProject();
    await p.writeToken();
    const ok = await p.cli(["api", "GET", "/store"]);
    expect(ok.stderr.match(/→ 200/g)).toHaveLength(1);
    expect(ok.stderr).not.toContain("HTTP 200");
    const missing = await p.cli(["api", "GET", "/products/99999999"]);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout).error).toMatchObject({ code: expect.anything() });
    expect(missing.stderr.match(/→ 404/g)).toHaveLength(1);
  });
});

describe("/status", () => {
  it("gives every epoch-ms instant also as a KST ISO time with offset (…Kst)", () => {
    const at = Date.UTC(2026, 0, 5, 0, 0, 0);
    const view = {
      instanceId: "i",
      startedAt: at,
      now: at,
      malls: [
        {
          mallId: "m",
          accessTokenExpiresAt: at,
          refreshTokenExpiresAt: null,
          lastRefreshAt: at,
          events: [{ at, kind: "refresh", message: "x" }],
        },
      ],
      counters: {},
    } as unknown as StatusView;
    const json = statusJson(view) as {
      startedAtKst: string;
      nowKst: string;
      malls: Record<string, unknown>[];
    };
    expect(json.startedAtKst).toBe("2026-01-05T09:00:00+09:00");
    expect(json.nowKst).toBe("2026-01-05T09:00:00+09:00");
    expect(json.malls[0]).toMatchObject({
      accessTokenExpiresAt: at,
      accessTokenExpiresAtKst: "2026-01-05T09:00:00+09:00",
      refreshTokenExpiresAtKst: null,
      lastRefreshAtKst: "2026-01-05T09:00:00+09:00",
      events: [{ at, atKst: "2026-01-05T09:00:00+09:00" }],
    });
  });
});
