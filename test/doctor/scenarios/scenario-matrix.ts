import { existsSync } from "node:fs";
import { describe, expect, it, onTestFinished } from "vitest";
import { buildReport } from "../../../src/doctor/report/build-report.js";
import { renderProblems } from "../../../src/doctor/report/render-terminal.js";
import { verdictOf } from "../../../src/doctor/report/verdict.js";
import { reportInputOf } from "../../../src/doctor/report-input-of.js";
import type { DoctorRun } from "../../../src/doctor/run-doctor.js";
import { createTranslator } from "../../../src/i18n/translate.js";
import { HOUR } from "../../helpers/emulator.js";
import { redisUnavailable } from "../../helpers/redis-server.js";
import { DURABLE_REDIS, type Stores, useStores } from "../../helpers/stores.js";
import { chmod, closedPort, service, type World, world, writeFile } from "./scenario-kit.js";

interface Expectation {
  rootCause: string | undefined;
  urgency: "critical" | "high" | "medium" | "low" | undefined;
  command: string | undefined;
  exitCode: 0 | 1 | 2;
}

export interface Scenario extends Expectation {
  name: string;
  /** Why the scenario exists only for a token file (its bytes, its mode, its place in git): not run over Redis. */
  fileOnly?: string;
  emulator?: Parameters<typeof world>[0];
  /** Arranges the world and runs the doctor. */
  act(w: World): Promise<DoctorRun>;
}

const healthy = async (w: World) => {
  await w.writeTokens();
  return w.run();
};

export const SCENARIOS: Scenario[] = [
  {
    name: "healthy",
    act: healthy,
    rootCause: undefined,
    urgency: undefined,
    command: undefined,
    exitCode: 0,
  },
  {
    name: "access token expired",
    act: async (w) => {
      await w.writeTokens();
      w.emu.control.advanceClock(3 * HOUR);
      return w.run();
    },
    rootCause: "ACCESS_TOKEN_NOT_REFRESHED",
    urgency: "high",
    command: "cafe24-doctor token refresh",
    exitCode: 2,
  },
  {
    name: "refresh token expired",
    act: async (w) => {
      await w.writeTokens();
      w.emu.control.advanceClock(15 * 24 * HOUR);
      return w.run();
    },
    rootCause: "REAUTHORIZATION_REQUIRED",
    urgency: "critical",
    command: "cafe24-doctor token login",
    exitCode: 2,
  },
  {
    name: "refresh token rotated elsewhere",
    act: async (w) => {
      const json = await w.writeTokens();
      const rotated = await fetch(`${w.emu.url}/api/v2/oauth/token`, {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(`${w.mall.clientId}:${w.mall.clientSecret}`).toString("base64")}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: String(json.refresh_token) }),
      });
      expect(rotated.status).toBe(200);
      return w.run();
    },
    rootCause: "TOKEN_REVOKED_OR_ROTATED_ELSEWHERE",
    urgency: "critical",
    // Rejected while the store says valid: the refresh token died with it (a refresh would fail), so login.
    command: "cafe24-doctor token login",
    exitCode: 2,
  },
  {
    name: "token revoked",
    act: async (w) => {
      await w.writeTokens();
      w.emu.control.revokeAll(w.mall.mallId);
      return w.run();
    },
    rootCause: "TOKEN_REVOKED_OR_ROTATED_ELSEWHERE",
    urgency: "critical",
    // Rejected while the store says valid: the refresh token died with it (a refresh would fail), so login.
    command: "cafe24-doctor token login",
    exitCode: 2,
  },
  {
    // Every call 403 "This app is deleted.": not the scope and not the token, though both checks would read a
    // 403 and a dead token that way.
    name: "app deleted by the merchant",
    act: async (w) => {
      await w.writeTokens();
      w.emu.control.setAppState(w.mall.mallId, "deleted");
      return w.run();
    },
    rootCause: "APP_DELETED_BY_MERCHANT",
    urgency: "critical",
    command: "cafe24-doctor token login --mall demomall",
    exitCode: 2,
  },
  {
    // With no token to try, the token endpoint's refusal of the credentials probe names the removal.
    name: "app deleted by the merchant, no token stored",
    act: async (w) => {
      w.emu.control.setAppState(w.mall.mallId, "deleted");
      return w.run();
    },
    rootCause: "APP_DELETED_BY_MERCHANT",
    urgency: "critical",
    command: "cafe24-doctor token login --mall demomall",
    exitCode: 2,
  },
  {
    name: "app expired",
    act: async (w) => {
      await w.writeTokens();
      w.emu.control.setAppState(w.mall.mallId, "expired");
      return w.run();
    },
    rootCause: "APP_EXPIRED",
    urgency: "critical",
    command: "cafe24-doctor token login --mall demomall",
    exitCode: 2,
  },
  ...(
    [
      ["wrong client secret (invalid_client)", "invalid_client"],
      // The variant one guide observed: the same description under invalid_grant (docs/cafe24-facts.md §2.7).
      ["wrong client secret (invalid_grant variant)", "invalid_grant"],
    ] as const
  ).map(
    ([name, wrongSecretError]): Scenario => ({
      name,
      emulator: { oauth: { wrongSecretError } },
      act: async (w) => {
        await w.writeTokens();
        return w.run({ config: { ...(await w.config()), clientSecret: "WrongSecret123" } });
      },
      rootCause: "CLIENT_CREDENTIALS_REJECTED",
      urgency: "critical",
      command: undefined,
      exitCode: 2,
    }),
  ),
  {
    // The token was issued under the secret Cafe24 now knows, and still works; .env kept the one before it.
    name: "client secret reissued in Developer Center, .env not redeployed",
    act: async (w) => {
      await w.writeTokens();
      return w.run({
        config: { ...(await w.config()), clientSecret: `${w.mall.clientSecret}-before-reissue` },
      });
    },
    rootCause: "CLIENT_CREDENTIALS_REJECTED",
    urgency: "critical",
    command: undefined,
    exitCode: 2,
  },
  {
    name: "unknown API version pinned",
    act: async (w) => {
      await w.writeTokens();
      return w.run({ config: { ...(await w.config()), apiVersion: "2019-01-01" } });
    },
    rootCause: "API_VERSION_EXPIRED",
    urgency: "critical",
    command: undefined,
    exitCode: 2,
  },
  {
    // Cafe24 answers an expired version as the oldest live one without an error (docs/cafe24-facts.md §10):
    // only the version calendar shows it, and the fix names the newest version to test and pin.
    name: "pinned API version expired, silently served as another",
    act: async (w) => {
      await w.writeTokens();
      return w.run({ config: { ...(await w.config()), apiVersion: "2025-06-01" } });
    },
    rootCause: "API_VERSION_EXPIRED",
    urgency: "critical",
    command: "CAFE24_API_VERSION=2026-09-01 cafe24-doctor check",
    exitCode: 2,
  },
  {
    name: "scope missing for orders",
    act: async (w) => {
      await w.writeTokens();
      w.emu.control.setAppScopes(
        w.mall.mallId,
        w.mall.scopes.filter((s) => s !== "mall.read_order"),
      );
      return w.run();
    },
    rootCause: "SCOPE_MISSING",
    urgency: "high",
    command: "cafe24-doctor token login",
    exitCode: 2,
  },
  {
    name: "app API version expired",
    act: async (w) => {
      await w.writeTokens();
      w.emu.control.setAppVersion(w.mall.mallId, "2024-06-01");
      return w.run();
    },
    rootCause: "API_VERSION_EXPIRED",
    urgency: "critical",
    command: undefined,
    exitCode: 2,
  },
  {
    name: "bucket full",
    act: async (w) => {
      await w.writeTokens();
      w.emu.control.fillBucket(w.mall.mallId, 40);
      return w.run();
    },
    rootCause: "RATE_LIMITED",
    urgency: "high",
    command: undefined,
    exitCode: 2,
  },
  {
    name: "usage quota exhausted",
    emulator: { usage: { enabled: true } },
    act: async (w) => {
      await w.writeTokens();
      w.emu.control.setUsage(w.mall.mallId, 130, 40);
      return w.run();
    },
    rootCause: "RATE_LIMITED",
    urgency: "high",
    command: undefined,
    exitCode: 2,
  },
  {
    name: "Cafe24 5xx",
    act: async (w) => {
      await w.writeTokens();
      w.emu.control.setFaults([{ kind: "status", status: 503, route: "/api/v2/admin" }]);
      return w.run();
    },
    rootCause: "CAFE24_SERVER_TROUBLE",
    urgency: "high",
    command: undefined,
    exitCode: 2,
  },
  {
    name: "unresolvable host",
    act: async (w) => {
      await w.writeTokens();
      return w.run({
        lookup: async () => {
          throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
        },
      });
    },
    rootCause: "HOST_UNREACHABLE",
    urgency: "critical",
    command: undefined,
    exitCode: 2,
  },
  {
    name: "9-hour clock trap",
    act: async (w) => {
      await w.writeTokens();
      return w.run({ now: () => w.emu.control.now() + 9 * HOUR });
    },
    rootCause: "CLOCK_TIMEZONE_TRAP",
    urgency: "high",
    command: undefined,
    exitCode: 2,
  },
  {
    name: "deployed service 200 with an invalid-token body",
    act: async (w) => {
      await w.writeTokens();
      const url = await service(200, { status: "ok", token_status: { valid: false } });
      const config = await w.config({
        services: [{ name: "shop-dashboard", url, expect: [{ path: "token_status.valid", equals: true }] }],
      });
      return w.run({ config });
    },
    rootCause: "DEPLOYMENT_TOKEN_DEAD",
    urgency: "critical",
    command: "cafe24-doctor token status --verify",
    exitCode: 2,
  },
  {
    name: "local server down",
    act: async (w) => {
      await w.writeTokens();
      const config = await w.config({ localServers: [{ name: "local-app", url: await closedPort() }] });
      return w.run({ config });
    },
    rootCause: "LOCAL_SERVER_DOWN",
    urgency: "high",
    command: undefined,
    exitCode: 2,
  },
  {
    name: "module missing",
    act: async (w) => {
      await w.writeTokens();
      const config = await w.config({ modules: [{ path: "app/cafe24_client.py" }] });
      return w.run({ config });
    },
    rootCause: "MODULE_MISSING",
    urgency: "high",
    command: undefined,
    exitCode: 2,
  },
  ...(
    [
      ["empty", ""],
      ["truncated", '{"access_token":"abc","refresh_tok'],
      ["wrong types", '{"access_token":42,"refresh_token":["x"],"expires_at":true}'],
    ] as const
  ).map(
    ([name, text]): Scenario => ({
      name: `stored token ${name}`,
      act: async (w) => {
        await w.writeRaw(text);
        return w.run();
      },
      rootCause: "REAUTHORIZATION_REQUIRED",
      urgency: "critical",
      command: "cafe24-doctor token login",
      exitCode: 2,
    }),
  ),
  {
    name: "token file with a UTF-8 BOM loads, with a note",
    fileOnly: "a BOM is what an editor adds to a file; the note comes from the file's own checks",
    act: async (w) => {
      const json = w.emu.control.issueTokens(w.mall.mallId);
      await writeFile(w.tokenFile, `\uFEFF${JSON.stringify(json)}`, { mode: 0o600 });
      return w.run();
    },
    rootCause: undefined,
    urgency: "low",
    command: undefined,
    exitCode: 1,
  },
  ...(
    [
      // Written by the old toolkit on a host outside Seoul, its naive times may be 9 hours off: say so.
      ["America/Los_Angeles", "LEGACY_LOCAL_TIME_EXPIRY", "medium", 2],
      // On a Seoul host the naive times were Korean time all along: only the format is old.
      ["Asia/Seoul", undefined, "low", 1],
    ] as const
  ).map(
    ([zone, rootCause, urgency, exitCode]): Scenario => ({
      name: `legacy .000 token file on a host in ${zone}`,
      fileOnly: "the old toolkit wrote files only",
      act: async (w) => {
        const previous = process.env.TZ;
        process.env.TZ = zone;
        onTestFinished(() => {
          if (previous === undefined) delete process.env.TZ;
          else process.env.TZ = previous;
        });
        const json = w.emu.control.issueTokens(w.mall.mallId);
        const legacy = (kst: unknown) => String(kst).replace(/\.(\d{3})$/, ".$1740.000");
        const file = {
          ...json,
          expires_at: legacy(json.expires_at),
          refresh_token_expires_at: legacy(json.refresh_token_expires_at),
          issued_at: legacy(json.issued_at),
        };
        await writeFile(w.tokenFile, JSON.stringify(file), { mode: 0o600 });
        return w.run();
      },
      rootCause,
      urgency,
      command: undefined,
      exitCode,
    }),
  ),
  {
    name: "token file world-readable",
    fileOnly: "permission bits are a file's",
    act: async (w) => {
      await w.writeTokens();
      await chmod(w.tokenFile, 0o644);
      return w.run();
    },
    rootCause: "TOKEN_FILE_READABLE_BY_OTHERS",
    urgency: "high",
    command: undefined,
    exitCode: 2,
  },
  {
    name: "token file tracked by git",
    fileOnly: "only a file can be committed",
    act: async (w) => {
      await w.writeTokens();
      return w.run({ isTrackedByGit: async () => true });
    },
    rootCause: "TOKEN_FILE_TRACKED_BY_GIT",
    urgency: "high",
    command: undefined,
    exitCode: 2,
  },
];

/**
 * The doctor's scenario matrix over one kind of store: test/doctor/scenarios/scenario-matrix.test.ts runs it over
 * files, scenario-matrix-redis.test.ts over Redis (two files, so that each stays well within a minute). Over
 * Redis every scenario runs except the `fileOnly` ones: a token file's bytes (BOM, the old toolkit's format),
 * its permission bits and its place in git have no counterpart in a Redis hash.
 */
export function scenarioMatrix(kind: "file" | "redis"): void {
  const unavailable = kind === "redis" && redisUnavailable("the doctor's scenarios over Redis");
  describe.skipIf(unavailable)(
    `the doctor names the real cause in every scenario over a ${kind} store`,
    () => {
      const stores = useStores(kind, DURABLE_REDIS);
      scenarios(kind === "file" ? SCENARIOS : SCENARIOS.filter((s) => !s.fileOnly), stores);
    },
  );
}

function scenarios(list: Scenario[], stores: Stores) {
  it.each(list)("$name", async (scenario) => {
    const w = await world(scenario.emulator, stores);
    const run = await scenario.act(w);
    const codes = run.problems.map((p) => p.finding.code);
    expect(run.rootCause?.code, `problems: ${codes.join(", ")}`).toBe(scenario.rootCause);
    expect(run.problems[0]?.finding.urgency, `problems: ${codes.join(", ")}`).toBe(scenario.urgency);
    if (scenario.command) expect(run.rootCause?.command).toBe(scenario.command);
    expect(verdictOf(run.results).exitCode).toBe(scenario.exitCode);
    expect(run.apiCalls.spent).toBeLessThanOrEqual(20);
    // Over another store the configured token file is neither read nor made.
    if (stores.kind !== "file") expect(existsSync(w.tokenFile)).toBe(false);

    for (const lang of ["ko", "en"] as const) {
      const t = createTranslator(lang);
      const text = renderProblems(buildReport(reportInputOf(run, lang, w.mall.mallId), t), { color: false });
      if (run.rootCause) {
        expect(text).toContain(t(run.rootCause.title.key, run.rootCause.title.params));
        if (run.rootCause.command) expect(text).toContain(run.rootCause.command);
      }
      // No unfilled placeholder; a Redis key's hash tag (`…:token:<client id>:{mall}`) is not one.
      expect(text.replaceAll(`:{${w.mall.mallId}}`, ":")).not.toMatch(/\{[a-zA-Z]+\}/);
    }
  });
}
