import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import { runCli } from "../../src/cli/run-cli.js";
import { RedisTokenStore } from "../../src/redis/redis-token-store.js";
import { launch } from "../helpers/emulator.js";
import { freePort, type RedisServer, redisUnavailable, startRedisServer } from "../helpers/redis-server.js";
import { CLI, runNode } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/token-files.js";

const PASSWORD = "Sup3rSecretRedisPw";

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL("../../schema/comprehensive-test-report.schema.json", import.meta.url)),
      "utf8",
    ),
  ),
);

/** A real-clock emulator and a project directory whose environment selects the Redis store at `redisUrl`. */
async function project(redisUrl: string) {
  const emu = await launch({ clock: { frozen: false, start: Date.now() } });
  const mall = emu.malls[0];
  if (!mall?.clientSecret) throw new Error("demo mall expected");
  const dir = await tempDir();
  const env = {
    CAFE24_MALL_ID: mall.mallId,
    CAFE24_CLIENT_ID: mall.clientId,
    CAFE24_CLIENT_SECRET: mall.clientSecret,
    CAFE24_REDIRECT_URI: mall.redirectUri,
    CAFE24_SCOPES: mall.scopes.join(","),
    CAFE24_BASE_URL: emu.baseUrlTemplate,
    CAFE24_REDIS_URL: redisUrl,
    NO_COLOR: "1",
    LANG: "en_US.UTF-8",
  };
  const seed = async () => {
    const store = new RedisTokenStore({ url: redisUrl, clientId: mall.clientId });
    onTestFinished(() => store.close());
    const token = toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId);
    await store.compareAndSet(mall.mallId, undefined, token);
    return token;
  };
  return { emu, mall, dir, env, seed };
}

describe.skipIf(redisUnavailable("the CLI over Redis"))("the CLI over the Redis token store", () => {
  let server: RedisServer;
  beforeAll(async () => {
    // Durable, as a doctor wants it: otherwise its Redis check reports the missing persistence.
    server = await startRedisServer({ args: ["--appendonly", "yes"] });
  });
  afterAll(async () => {
    await server.stop();
  });

  it("one-shot commands close their Redis connections and exit by themselves", async () => {
    const p = await project(server.url);
    await p.seed();
    // runNode fails the test if the process is still alive when its bound runs out.
    const status = await runNode(CLI, ["token", "status", "--json"], { env: p.env, cwd: p.dir });
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ mallId: p.mall.mallId, health: "healthy" });

    const refresh = await runNode(CLI, ["token", "refresh", "--lang", "en"], { env: p.env, cwd: p.dir });
    expect(refresh.code, refresh.stderr).toBe(0);

    const check = await runNode(CLI, ["check", "--json", "--no-progress"], { env: p.env, cwd: p.dir });
    expect(check.code, check.stdout.slice(0, 3000)).toBe(0);
    const report = JSON.parse(check.stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.checks).toHaveLength(15); // the 12 steps, Redis (13), the project files (14) and code (15)
    expect(report.checks.find((c: { id: string }) => c.id === "redis")).toMatchObject({
      order: 13,
      status: "ok",
      title: "Redis token store",
    });
  });

  it("check over an unreachable Redis names it as the root cause with the fix, never its password", async () => {
    const url = `redis://:${PASSWORD}@127.0.0.1:${await freePort()}/0`;
    const p = await project(url);
    const run = async (argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli([...argv, "--lang", "en"], {
        cwd: p.dir,
        env: p.env,
        out: (line) => out.push(line),
        err: (line) => err.push(line),
      });
      const text = `${out.join("\n")}\n${err.join("\n")}`;
      expect(text).not.toContain(PASSWORD);
      return { code, stdout: out.join("\n") };
    };

    const json = await run(["check", "--json", "--no-progress"]);
    expect(json.code).toBe(2);
    const report = JSON.parse(json.stdout);
    expect(report.rootCause).toMatchObject({
      code: "REDIS_UNAVAILABLE",
      title: { text: "The Redis token store cannot be reached" },
      command: 'redis-cli -u "$CAFE24_REDIS_URL" ping',
    });
    expect(report.rootCause.explanation.text).toContain(url.replace(PASSWORD, "***"));
    const redis = report.checks.find((c: { id: string }) => c.id === "redis");
    expect(redis).toMatchObject({
      status: "fail",
      findings: [{ code: "REDIS_UNAVAILABLE", urgency: "critical" }],
    });
    expect(redis.findings[0].remedy.text).toContain("CAFE24_REDIS_URL");

    const quick = await run(["diagnose", "--no-progress"]);
    expect(quick.code).toBe(2);
    expect(quick.stdout).toContain("The Redis token store cannot be reached");
    expect(quick.stdout).toContain('redis-cli -u "$CAFE24_REDIS_URL" ping');
  });
});
