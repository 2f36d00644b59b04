import { chmod, readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { formatKstNaive } from "../../../src/cafe24/kst.js";
import type { TokenSet } from "../../../src/cafe24/token-set.js";
import { type CheckFacts, factsOf } from "../../../src/doctor/facts.js";
import { DoctorError, ERROR_CODES } from "../../../src/errors/doctor-error.js";
import { MemoryTokenStore } from "../../../src/store/memory-token-store.js";
import type { StoredToken } from "../../../src/store/token-store.js";
import {
  expectNoSecrets,
  findingOf,
  runCheck,
  type Scenario,
  scenario,
  writeTokenFile,
} from "./context-helper.js";

/** The old toolkit's timestamps: Python's microseconds with a fake ".000" glued on. */
const oldToolkitTime = (ms: number) => `${formatKstNaive(ms).slice(0, 19)}.197740.000`;

function oldToolkitFile(token: TokenSet, clientSecret: string): string {
  return JSON.stringify(
    {
      access_token: token.accessToken,
      refresh_token: token.refreshToken,
      expires_at: oldToolkitTime(token.accessTokenExpiresAt),
      refresh_token_expires_at: oldToolkitTime(token.refreshTokenExpiresAt ?? 0),
      client_id: token.clientId,
      client_secret: clientSecret,
      mall_id: token.mallId,
      scopes: token.scopes,
    },
    null,
    4,
  );
}

function tokenFacts(result: Awaited<ReturnType<typeof runCheck>>): CheckFacts["token-store"] | undefined {
  return factsOf({ "token-store": result }, "token-store");
}

async function check(s: Scenario) {
  const result = await runCheck(s.ctx, "token-store");
  expectNoSecrets([result], s.secrets);
  return result;
}

describe("token-store check", () => {
  it("reads a private, current token file and hands its token to the checks after it", async () => {
    const s = await scenario();
    const result = await check(s);
    expect(result.status).toBe("ok");
    expect(result.findings).toEqual([]);
    expect(result.evidence).toMatchObject({
      file: "oauth_token.json",
      mode: "600",
      trackedByGit: false,
      legacyTraits: [],
    });
    expect(tokenFacts(result)).toEqual({ token: s.token, source: "file", legacy: [] });
  });

  it("reports a missing file as missing and critical, with the login command", async () => {
    const s = await scenario({ token: "none" });
    const result = await check(s);
    expect(result.status).toBe("missing");
    const finding = findingOf(result, "TOKEN_FILE_MISSING");
    expect(finding.urgency).toBe("critical");
    expect(finding.command).toBe("cafe24-doctor token login");
    expect(tokenFacts(result)).toEqual({ token: undefined, source: "none", legacy: [] });
  });

  it("falls back to the old toolkit's CAFE24_ACCESS_TOKEN when there is no file, without showing it", async () => {
    const s = await scenario({
      token: "none",
      config: { legacyAccessToken: "LegacyEnvAccessToken0123456789" },
    });
    const result = await check(s);
    expect(result.status).toBe("missing");
    expect(result.summary.key).toBe("check.token-store.summary.missingEnv");
    const facts = tokenFacts(result);
    expect(facts?.source).toBe("env");
    expect(facts?.token?.accessToken).toBe("LegacyEnvAccessToken0123456789");
    expect(facts?.token?.accessTokenExpiresAt).toBeNaN();
  });

  /** Ways a good file (its text given) goes bad. */
  const broken: Record<string, (good: string) => string | Uint8Array> = {
    empty: () => "",
    truncated: (good) => good.slice(0, good.indexOf("refresh_token") + 30),
    "wrong types": (good) =>
      good
        .replace(/"scopes": \[[^\]]*\]/, '"scopes": 42')
        .replace('"expires_at": "', '"expires_at": 1, "x": "'),
    "UTF-16": () => new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
  };
  for (const [name, spoil] of Object.entries(broken)) {
    it(`fails on a ${name} file (TOKEN_FILE_INVALID, critical, re-authorize) without quoting it`, async () => {
      const s = await scenario();
      await writeTokenFile(s, spoil(await readFile(s.store.pathFor(s.mallId), "utf8")));
      const result = await check(s);
      expect(result.status).toBe("fail");
      const finding = findingOf(result, "TOKEN_FILE_INVALID");
      expect(finding.urgency).toBe("critical");
      expect(finding.command).toBe("cafe24-doctor token login");
      expect(result.evidence.problems).toEqual(expect.arrayContaining([expect.any(String)]));
      expect(tokenFacts(result)?.token).toBeUndefined();
    });
  }

  it("reads a file with a UTF-8 BOM, and says the next refresh rewrites it", async () => {
    const s = await scenario();
    const text = await readFile(s.store.pathFor(s.mallId), "utf8");
    await writeTokenFile(s, `\ufeff${text}`);
    const result = await check(s);
    expect(result.status).toBe("warn");
    const finding = findingOf(result, "TOKEN_FILE_LEGACY_FORMAT");
    expect(finding.urgency).toBe("low");
    expect(finding.command).toBe("cafe24-doctor token refresh");
    expect(tokenFacts(result)?.token?.accessToken).toBe(s.token?.accessToken);
  });

  it("reads the old toolkit's .000 file but flags its client secret (high) and its format (low)", async () => {
    const s = await scenario();
    await writeTokenFile(s, oldToolkitFile(s.token as TokenSet, s.ctx.config.clientSecret ?? ""));
    const result = await check(s);
    expect(result.status).toBe("warn");
    const leak = findingOf(result, "TOKEN_FILE_HAS_CLIENT_SECRET");
    expect(leak.urgency).toBe("high");
    expect(leak.command).toBe("CAFE24_TOKEN_FILE=oauth_token.json cafe24-doctor token refresh");
    expect(findingOf(result, "TOKEN_FILE_LEGACY_FORMAT").evidence).toEqual({
      legacyTraits: ["microsecond-timestamps"],
    });
    expect(result.evidence.hasClientSecret).toBe(true);
    expect(tokenFacts(result)?.legacy).toEqual(["microsecond-timestamps", "client-secret"]);
  });

  it("flags a world-readable file (high) with the exact chmod", async () => {
    const s = await scenario();
    await chmod(s.store.pathFor(s.mallId), 0o644);
    const result = await check(s);
    expect(result.status).toBe("warn");
    const finding = findingOf(result, "TOKEN_FILE_READABLE_BY_OTHERS");
    expect(finding.urgency).toBe("high");
    expect(finding.command).toBe("chmod 600 oauth_token.json");
    expect(result.evidence.mode).toBe("644");
  });

  it("flags a file tracked by git (high) with the commands that untrack and ignore it", async () => {
    const tracked: string[] = [];
    const s = await scenario({
      isTrackedByGit: async (path) => {
        tracked.push(path);
        return true;
      },
    });
    const result = await check(s);
    const finding = findingOf(result, "TOKEN_FILE_TRACKED_BY_GIT");
    expect(finding.urgency).toBe("high");
    expect(finding.command).toBe("git rm --cached oauth_token.json && echo oauth_token.json >> .gitignore");
    expect(tracked).toEqual([s.store.pathFor(s.mallId)]);
  });

  it("still checks privacy (group-readable too) and git for a file it cannot parse", async () => {
    const s = await scenario({ isTrackedByGit: async () => true });
    await writeTokenFile(s, "{");
    await chmod(s.store.pathFor(s.mallId), 0o640);
    const result = await check(s);
    expect(result.findings.map((f) => f.code).sort()).toEqual([
      "TOKEN_FILE_INVALID",
      "TOKEN_FILE_READABLE_BY_OTHERS",
      "TOKEN_FILE_TRACKED_BY_GIT",
    ]);
  });

  it("refuses another mall's token in a shared file, pointing at one file per mall", async () => {
    const s = await scenario();
    const text = await readFile(s.store.pathFor(s.mallId), "utf8");
    await writeTokenFile(s, text.replace(`"mall_id": "${s.mallId}"`, '"mall_id": "othermall"'));
    const result = await check(s);
    expect(result.status).toBe("fail");
    const finding = findingOf(result, "TOKEN_FILE_OTHER_MALL");
    expect(finding.urgency).toBe("critical");
    expect(finding.command).toBe("CAFE24_TOKEN_FILE='./tokens/{mall_id}.json' cafe24-doctor token login");
  });

  it("is skipped without a mall id, and says why", async () => {
    const s = await scenario({ config: { mallId: undefined } });
    const result = await check(s);
    expect(result.status).toBe("skipped");
    expect(result.summary.key).toBe("check.token-store.summary.noMallId");
    expect(tokenFacts(result)?.source).toBe("none");
  });
});

/** A store that is no file and fails every read the way `fail` says. */
class FailingStore extends MemoryTokenStore {
  constructor(private readonly fail: () => Error) {
    super();
  }

  override async get(): Promise<StoredToken | undefined> {
    throw this.fail();
  }
}

describe("token-store check over a store that is no file", () => {
  it("reads the token from any store, without file checks, and hands it on", async () => {
    const tracked: string[] = [];
    const s = await scenario({
      isTrackedByGit: async (path) => {
        tracked.push(path);
        return true;
      },
    });
    const store = new MemoryTokenStore();
    await store.compareAndSet(s.mallId, undefined, s.token as TokenSet);
    const result = await check({ ...s, ctx: { ...s.ctx, store } });
    expect(result.status).toBe("ok");
    expect(result.findings).toEqual([]);
    expect(result.summary).toEqual({
      key: "check.token-store.summary.stored",
      params: { location: "memory" },
    });
    expect(result.evidence).toEqual({ store: "memory", scopes: s.token?.scopes.length });
    expect(tracked).toEqual([]);
    expect(tokenFacts(result)).toEqual({ token: s.token, source: "store", legacy: [] });
  });

  it("reports an empty store as TOKEN_MISSING (critical), with the login command", async () => {
    const s = await scenario({ token: "none" });
    const result = await check({ ...s, ctx: { ...s.ctx, store: new MemoryTokenStore() } });
    expect(result.status).toBe("missing");
    expect(result.summary.key).toBe("check.token-store.summary.storeMissing");
    const finding = findingOf(result, "TOKEN_MISSING");
    expect(finding.urgency).toBe("critical");
    expect(finding.command).toBe("cafe24-doctor token login");
    expect(tokenFacts(result)).toEqual({ token: undefined, source: "none", legacy: [] });
  });

  it("reports a stored value that is no token as TOKEN_INVALID, naming the problems, not as missing", async () => {
    const s = await scenario();
    const store = new FailingStore(
      () =>
        new DoctorError(ERROR_CODES.tokenFileInvalid, "not a token", {
          details: ["refresh_token: expected string"],
        }),
    );
    const result = await check({ ...s, ctx: { ...s.ctx, store } });
    expect(result.status).toBe("fail");
    expect(findingOf(result, "TOKEN_INVALID").command).toBe("cafe24-doctor token login");
    expect(result.evidence.problems).toEqual(["refresh_token: expected string"]);
    expect(tokenFacts(result)?.token).toBeUndefined();
  });

  it("reports a store it cannot read as TOKEN_STORE_UNREADABLE with the error's code", async () => {
    const s = await scenario();
    const store = new FailingStore(() => new DoctorError(ERROR_CODES.tokenStoreIo, "connection refused"));
    const result = await check({ ...s, ctx: { ...s.ctx, store } });
    expect(result.status).toBe("fail");
    expect(findingOf(result, "TOKEN_STORE_UNREADABLE").cause.params).toMatchObject({
      error: "TOKEN_STORE_IO",
    });
  });
});
