import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it, onTestFinished } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import { doctorEnv } from "../doctor/scenarios/scenario-kit.js";
import { HOUR, launch } from "../helpers/emulator.js";
import { CLI, runNode } from "../helpers/run-cli.js";

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL("../../schema/comprehensive-test-report.schema.json", import.meta.url)),
      "utf8",
    ),
  ),
);

/** A project directory whose environment points the CLI at a real-clock emulator, with a fresh token. */
async function project(options: Parameters<typeof launch>[0] = {}) {
  const emu = await launch({ clock: { frozen: false, start: Date.now() }, ...options });
  const mall = emu.malls[0];
  if (!mall?.clientSecret) throw new Error("demo mall expected");
  const dir = await mkdtemp(join(tmpdir(), "c24-cli-"));
  const tokenFile = join(dir, "oauth_token.json");
  const json = emu.control.issueTokens(mall.mallId);
  await new FileTokenStore({ path: tokenFile }).compareAndSet(
    mall.mallId,
    undefined,
    toTokenSet(json, mall.mallId),
  );
  const env = { ...doctorEnv(emu, { ...mall, clientSecret: mall.clientSecret }, tokenFile), NO_COLOR: "1" };
  const cli = (args: string[], timeoutMs?: number) =>
    runNode(CLI, args, { env: { ...env, PWD: dir }, cwd: dir, ...(timeoutMs ? { timeoutMs } : {}) });
  const secrets = [mall.clientSecret, String(json.access_token), String(json.refresh_token)];
  return { emu, mall, dir, cli, secrets };
}

describe("cafe24-doctor check", () => {
  it("writes the JSON report, the log and the HTML report, prints schema-valid JSON, exits 0 when healthy, and leaks no secret", async () => {
    const p = await project();
    const result = await p.cli(["check", "--json", "--html", "--lang", "en"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.verdict).toEqual({ status: "healthy", exitCode: 0 });
    // the 12 steps, the project files (14) and the project code (15), no Redis
    expect(report.checks).toHaveLength(14);
    expect(report.checks.at(-1)).toMatchObject({ id: "code-scan", order: 15, status: "ok" });
    // Reports and the log go to ./cafe24-doctor-reports/, not the project root.
    expect(readdirSync(p.dir).filter((f) => f.startsWith("comprehensive_test"))).toEqual([]);
    const reports = join(p.dir, "cafe24-doctor-reports");
    const files = readdirSync(reports);
    const json = files.find((f) => /^comprehensive_test_report_\d{8}_\d{6}\.json$/.test(f));
    const html = files.find((f) => /^comprehensive_test_report_\d{8}_\d{6}\.html$/.test(f));
    expect(json).toBeDefined();
    expect(html).toBeDefined();
    expect(files).toContain("comprehensive_test.log");
    const log = readFileSync(join(reports, "comprehensive_test.log"), "utf8");
    expect(log).toMatch(
      /HTTP GET http:\/\/127\.0\.0\.1:\d+\/malls\/demomall\/api\/v2\/admin\/apps 200 \d+ ms limit=\d+\/40/,
    );
    const everything = [
      result.stdout,
      result.stderr,
      log,
      ...[json, html].map((f) => readFileSync(join(reports, f ?? ""), "utf8")),
    ];
    for (const text of everything) for (const secret of p.secrets) expect(text).not.toContain(secret);
    expect(p.emu.control.stats().grants.refresh_token).toBe(0);
  });

  it("never refreshes on its own, and --fix refreshes through the lock-safe manager and checks again", async () => {
    const p = await project();
    p.emu.control.expireTokens(p.mall.mallId, "access");
    const plain = await p.cli(["check", "--lang", "en"]);
    expect(plain.code).toBe(2);
    expect(plain.stdout).toContain("cafe24-doctor token refresh");
    expect(p.emu.control.stats().grants.refresh_token).toBe(0);
    const fixed = await p.cli(["check", "--fix", "--lang", "en"]);
    expect(fixed.stderr).toContain("--fix");
    expect(fixed.code).toBe(0);
    expect(p.emu.control.stats().grants.refresh_token).toBe(1);
  });

  it("bounds a black-holed service by the deadline and says so", async () => {
    const p = await project();
    const sockets = new Set<import("node:net").Socket>();
    const hole = createServer(() => {});
    hole.on("connection", (s) => sockets.add(s));
    await new Promise<void>((resolve) => hole.listen(0, "127.0.0.1", resolve));
    onTestFinished(() => {
      for (const s of sockets) s.destroy();
      hole.close();
    });
    const url = `http://127.0.0.1:${(hole.address() as AddressInfo).port}/health`;
    await writeFile(
      join(p.dir, "cafe24-doctor.config.json"),
      JSON.stringify({ services: [{ name: "hole", url, timeoutMs: 60_000 }] }),
    );
    const result = await p.cli(["check", "--deadline", "2", "--json"], 20_000);
    expect(result.code, result.stderr).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(report.deadline).toEqual({ ms: 2000, hit: true });
    expect(report.checks.find((c: { id: string }) => c.id === "services").findings[0].code).toBe(
      "DEADLINE_EXCEEDED",
    );
  });
});

describe("cafe24-doctor check with an unwritable --report-dir", () => {
  it("still prints the whole diagnosis, says where it could not write, and exits 3", async () => {
    const p = await project();
    await writeFile(join(p.dir, "not-a-folder"), "");
    const target = join(p.dir, "not-a-folder", "reports");
    const result = await p.cli(["check", "--report-dir", target, "--lang", "en"]);
    expect(result.code, result.stdout + result.stderr).toBe(3);
    expect(result.stdout).toContain("[OK] Token store");
    expect(result.stdout).toMatch(/Healthy .*exit code 0/i);
    expect(result.stderr).toContain(`Could not write the report files to ${target} (ENOTDIR)`);
    const json = await p.cli(["check", "--json", "--report-dir", target, "--lang", "en"]);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout).verdict.status).toBe("healthy");
  });
});

describe("cafe24-doctor (diagnose)", () => {
  it("prints no progress lines when stderr is not a terminal (cron, CI), only the result on stdout", async () => {
    const p = await project();
    const result = await p.cli(["--lang", "en"]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).not.toContain("▶");
    expect(result.stdout).toContain("[OK] Token store");
  });

  it("is the default command: status lines with the Korean tags, problems by urgency, exit code 2", async () => {
    const p = await project();
    p.emu.control.advanceClock(3 * HOUR);
    const result = await p.cli(["--lang", "ko"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("[만료]");
    expect(result.stdout).toContain("높음");
    expect(result.stdout).toContain("cafe24-doctor token refresh");
    for (const secret of p.secrets) expect(result.stdout + result.stderr).not.toContain(secret);
  });

  it("refuses an invalid configuration with one line per problem and exit code 3, no stack trace", async () => {
    const p = await project();
    await writeFile(
      join(p.dir, "cafe24-doctor.config.json"),
      JSON.stringify({ services: [{ name: "x", url: "not a url" }], clientSecret: "oops", reportDri: "." }),
    );
    const result = await p.cli(["--lang", "en"]);
    expect(result.code, result.stdout + result.stderr).toBe(3);
    expect(result.stderr).toContain("services");
    expect(result.stderr).toContain("clientSecret");
    expect(result.stderr).toContain("reportDri");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).not.toContain("oops");
  });

  it("says the configuration's problems in Korean under --lang ko, keys and examples as written", async () => {
    const p = await project();
    await writeFile(
      join(p.dir, "cafe24-doctor.config.json"),
      JSON.stringify({ services: [{ name: "x", url: "not a url" }], clientSecret: "oops", reportDri: "." }),
    );
    const result = await p.cli(["--lang", "ko"]);
    expect(result.code, result.stdout + result.stderr).toBe(3);
    expect(result.stderr).toContain('reportDri: 알 수 없는 설정입니다. "reportDir"을(를) 쓰려던 것인가요?');
    expect(result.stderr).toContain("clientSecret: 비밀값은 이 파일에 두면 안 됩니다");
    expect(result.stderr).toContain("services[0].url: 형식이 맞지 않습니다");
    expect(result.stderr).not.toMatch(/unknown setting|secrets do not belong|must be/);
  });
});

describe("cafe24-doctor init", () => {
  it("writes a starter config from the environment with --yes, refuses to overwrite it, and the doctor accepts it", async () => {
    const p = await project();
    const first = await p.cli(["init", "--yes", "--lang", "en"]);
    expect(first.code, first.stderr).toBe(0);
    const written = readFileSync(join(p.dir, "cafe24-doctor.config.json"), "utf8");
    expect(written).toContain("$comment");
    expect(written).toContain(p.mall.mallId);
    for (const secret of p.secrets) expect(written).not.toContain(secret);
    const again = await p.cli(["init", "--yes", "--lang", "en"]);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain("--force");
    const check = await p.cli(["--lang", "en"]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it("writes a .env template (0600, what the environment gave, never overwritten), says what is missing and which .gitignore lines to add", async () => {
    const p = await project();
    const bare = {
      CAFE24_MALL_ID: "",
      CAFE24_CLIENT_ID: "",
      CAFE24_CLIENT_SECRET: "",
      CAFE24_REDIRECT_URI: "",
    };
    const first = await runNode(CLI, ["init", "--yes", "--lang", "en"], {
      env: { ...bare, CAFE24_TOKEN_FILE: "", NO_COLOR: "1" },
      cwd: p.dir,
    });
    expect(first.code, first.stderr).toBe(0);
    const dotenv = join(p.dir, ".env");
    expect(statSync(dotenv).mode & 0o777).toBe(0o600);
    const text = readFileSync(dotenv, "utf8");
    expect(text).toMatch(/^CAFE24_CLIENT_SECRET=$/m);
    expect(text).toMatch(/^CAFE24_CLIENT_ID=$/m);
    expect(first.stdout).toContain("Still missing");
    for (const name of ["CAFE24_MALL_ID", "CAFE24_CLIENT_ID", "CAFE24_CLIENT_SECRET", "CAFE24_REDIRECT_URI"])
      expect(first.stdout).toContain(`${name} is not set`);
    expect(first.stdout).toMatch(
      /\.gitignore[^\n]*\n {2}\.env\n {2}oauth_token\.json\*\n {2}cafe24-doctor-reports\//,
    );

    // Run again with everything set: nothing missing, the .env left as the user has it.
    await writeFile(dotenv, "CAFE24_CLIENT_SECRET=mine\n");
    const again = await p.cli(["init", "--yes", "--force", "--lang", "en"]);
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(dotenv, "utf8")).toBe("CAFE24_CLIENT_SECRET=mine\n");
    expect(again.stdout).toContain("Left");
    expect(again.stdout).not.toContain("Still missing");
    expect(existsSync(join(p.dir, "cafe24-doctor-reports"))).toBe(false);
  });
});
