import { describe, expect, it } from "vitest";
import { tokenFingerprint } from "../../src/watch/status-server/token-endpoint-audit.js";
import { CLI, runNode, startCli } from "../helpers/run-cli.js";
import { authorizedWatchProject } from "./watch-project.js";

const SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

/** The authorized project, with neither of watch's secrets set in its environment. */
async function project() {
  const p = await authorizedWatchProject("c24-watch-endpoint-");
  const env: Record<string, string> = {
    ...p.env,
    CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET: "",
    CAFE24_DOCTOR_STATUS_TOKEN: "",
  };
  return { ...p, env };
}

describe("cafe24-doctor watch --token-endpoint refuses to start without a proper secret", () => {
  const cases: { name: string; env: Record<string, string>; args?: string[]; en: RegExp; ko: RegExp }[] = [
    {
      name: "no secret",
      env: {},
      en: /needs its secret in CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET.*openssl rand -hex 32/,
      ko: /CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET에 비밀값이 필요합니다.*openssl rand -hex 32/,
    },
    {
      name: "a short secret",
      env: { CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET: "too-short-secret" },
      en: /has 16 characters; it needs at least 32/,
      ko: /16자입니다\. 32자 이상이어야 합니다/,
    },
    {
      name: "the status page's token",
      env: { CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET: SECRET, CAFE24_DOCTOR_STATUS_TOKEN: SECRET },
      en: /must differ from CAFE24_DOCTOR_STATUS_TOKEN/,
      ko: /CAFE24_DOCTOR_STATUS_TOKEN과 달라야 합니다/,
    },
    {
      name: "--no-status",
      env: { CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET: SECRET },
      args: ["--no-status"],
      en: /cannot be combined with --no-status or --once/,
      ko: /--no-status나 --once와 함께 쓸 수 없습니다/,
    },
  ];
  for (const c of cases) {
    it(`exits 3 with ${c.name}, in English and Korean, before any token request`, async () => {
      const p = await project();
      for (const [lang, expected] of [
        ["en", c.en],
        ["ko", c.ko],
      ] as const) {
        const result = await runNode(
          CLI,
          ["watch", "--token-endpoint", "--status-port", "0", ...(c.args ?? []), "--lang", lang],
          { env: { ...p.env, ...c.env }, cwd: p.dir },
        );
        expect(result.code, result.stderr).toBe(3);
        expect(result.stderr).toMatch(expected);
        expect(result.stdout).toBe("");
        expect(result.stderr).not.toContain(SECRET);
      }
      expect(p.emu.control.stats(p.mall.mallId).routes["POST /api/v2/oauth/token"] ?? 0).toBe(0);
    });
  }
});

describe("cafe24-doctor watch --token-endpoint", () => {
  it("serves the stored token to an app holding the secret, logs a fingerprint, and stops cleanly", async () => {
    const p = await project();
    const run = startCli(
      ["watch", "--token-endpoint", "--token-min-life", "10", "--status-port", "0", "--lang", "en"],
      {
        ...p.env,
        CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET: SECRET,
      },
    );
    const stored = (await p.store.get(p.mall.mallId))?.token;
    try {
      const started = await run.firstLine;
      const url = /Status page: (http:\/\/127\.0\.0\.1:\d+)/.exec(started)?.[1];
      expect(url, started).toBeDefined();
      const endpoint = `${url}/v1/malls/${p.mall.mallId}/access-token`;
      expect((await fetch(endpoint)).status).toBe(401);
      const res = await fetch(endpoint, { headers: { authorization: `Bearer ${SECRET}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toEqual({
        access_token: stored?.accessToken,
        expires_at: expect.stringMatching(/\+09:00$/),
        scopes: stored?.scopes,
        mall_id: p.mall.mallId,
      });
    } finally {
      run.child.kill("SIGTERM");
    }
    expect(await run.exited).toBe(0);
    const { stdout, stderr } = run.output();
    expect(stdout).toContain(`Token endpoint: http://127.0.0.1:`);
    expect(stdout).toContain("tokens with at least 10 min left");
    expect(stdout).toMatch(
      new RegExp(`token refused \\(unauthorized\\) · mall ${p.mall.mallId} · caller 127\\.0\\.0\\.1`),
    );
    expect(stdout).toMatch(
      new RegExp(
        `\\+09:00 token served · mall ${p.mall.mallId} · caller 127\\.0\\.0\\.1 · .* left · fingerprint ${tokenFingerprint(stored?.accessToken ?? "")}`,
      ),
    );
    for (const secret of [stored?.accessToken, stored?.refreshToken, p.env.CAFE24_CLIENT_SECRET, SECRET])
      expect(stdout + stderr).not.toContain(secret ?? "-never-");
    expect(p.emu.control.stats(p.mall.mallId).grants.refresh_token).toBe(0);
  });
});
