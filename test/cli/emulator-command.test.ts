import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, runNode, startCli } from "../helpers/run-cli.js";

describe("cafe24-doctor emulator", () => {
  it("prints one JSON ready line with url, malls and the generated demo credentials, then serves", async () => {
    const run = startCli(["emulator", "--port", "0", "--auto-approve", "--seed", "7"]);
    try {
      const ready = JSON.parse(await run.firstLine);
      expect(ready.event).toBe("ready");
      expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(ready.baseUrlTemplate).toBe(`${ready.url}/malls/{mall_id}`);
      expect(ready.malls[0]).toMatchObject({
        mallId: "demomall",
        clientId: expect.any(String),
        clientSecret: expect.any(String),
      });
      const res = await fetch(`${ready.url}/api/v2/admin/store`);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 401 } });
    } finally {
      run.child.kill("SIGTERM");
    }
    expect(await run.exited).toBe(0);
    expect(run.output().stdout).toContain("GET /api/v2/admin/store 401");
  });

  it("never echoes a client secret the user configured", async () => {
    const dir = mkdtempSync(join(tmpdir(), "c24-emu-"));
    const config = join(dir, "emulator.json");
    const secret = "user-configured-secret-value-123";
    writeFileSync(
      config,
      JSON.stringify({
        malls: [
          {
            mallId: "shop1",
            app: { clientId: "client-1", clientSecret: secret, redirectUri: "https://app.example/cb" },
          },
        ],
      }),
    );
    const run = startCli(["emulator", "--port", "0", "--config", config, "--quiet"]);
    try {
      const line = await run.firstLine;
      expect(JSON.parse(line).malls[0]).toMatchObject({ mallId: "shop1", clientId: "client-1" });
      expect(line).not.toContain(secret);
    } finally {
      run.child.kill("SIGINT");
    }
    expect(await run.exited).toBe(0);
  });

  it("names every invalid key of a config file and exits 3 without a stack trace", async () => {
    const dir = mkdtempSync(join(tmpdir(), "c24-emu-"));
    const config = join(dir, "bad.json");
    writeFileSync(
      config,
      JSON.stringify({
        malls: [{ mallId: "Bad Mall!", app: { scopes: ["mall.read_everything"] } }],
        ttl: { accessSec: -1 },
      }),
    );
    const result = await runNode(CLI, ["emulator", "--config", config, "--lang", "en"]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("malls.0.mallId");
    expect(result.stderr).toContain("malls.0.app.scopes");
    expect(result.stderr).toContain("ttl.accessSec");
    expect(result.stderr).toContain("Fix:");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("explains a config file that is not JSON, in Korean when asked", async () => {
    const dir = mkdtempSync(join(tmpdir(), "c24-emu-"));
    const config = join(dir, "broken.json");
    writeFileSync(config, "{ malls: ");
    const result = await runNode(CLI, ["emulator", "--config", config, "--lang", "ko"]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("설정 파일을 읽을 수 없습니다");
    expect(result.stderr).toContain("broken.json");
  });

  it("refuses a malformed number with exit code 3", async () => {
    const result = await runNode(CLI, ["emulator", "--port", "abc"]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("--port");
  });

  it("reports a port already in use as a listen failure", async () => {
    const first = startCli(["emulator", "--port", "0", "--quiet"]);
    try {
      const port = new URL(JSON.parse(await first.firstLine).url).port;
      const result = await runNode(CLI, ["emulator", "--port", port, "--lang", "en"]);
      expect(result.code).toBe(3);
      expect(result.stderr).toContain("could not listen");
      expect(result.stderr).toContain("EADDRINUSE");
    } finally {
      first.child.kill("SIGTERM");
    }
    await first.exited;
  });

  it.each([
    ["meters the usage quota by default", [], "0.03"],
    ["turns the usage quota off with --no-usage", ["--no-usage"], null],
  ] as const)("%s", async (_label, flags, callUsage) => {
    const run = startCli(["emulator", "--port", "0", "--control-api", "--quiet", ...flags]);
    try {
      const { url } = JSON.parse(await run.firstLine) as { url: string };
      const issued = await fetch(`${url}/__emulator/malls/demomall/tokens`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      const { access_token: token } = (await issued.json()) as { access_token: string };
      const res = await fetch(`${url}/api/v2/admin/products?limit=1`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("x-cafe24-call-usage")).toBe(callUsage);
    } finally {
      run.child.kill("SIGTERM");
    }
    expect(await run.exited).toBe(0);
  });

  it("explains itself in --help, in the chosen language", async () => {
    const en = await runNode(CLI, ["emulator", "--help", "--lang", "en"]);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain("--auto-approve");
    expect(en.stdout).toContain("local Cafe24");
    const ko = await runNode(CLI, ["--lang", "ko", "emulator", "--help"]);
    expect(ko.stdout).toContain("에뮬레이터");
  });
});
