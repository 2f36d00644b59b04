import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseApiRequest } from "../../src/api-command/api-request.js";
import { DoctorError } from "../../src/errors/doctor-error.js";
import { followTokenStatus } from "../../src/token/follow-token-status.js";
import { localRedirectOf } from "../../src/token/local-redirect.js";
import {
  clearPending,
  loadPending,
  PENDING_TTL_MS,
  pendingPathOf,
  savePending,
} from "../../src/token/pending-authorization.js";
import { judgeHealth } from "../../src/token/token-health.js";
import type { TokenStatus } from "../../src/tokens/token-manager.js";
import { DAY, HOUR } from "../helpers/emulator.js";
import { tempDir } from "../helpers/token-files.js";
import { fileMode } from "./token-cli-kit.js";

const life = (remainingMs: number | null) => ({
  expiresAt: remainingMs === null ? null : 1_000 + remainingMs,
  remainingMs,
  expired: remainingMs !== null && remainingMs <= 0,
});
const status = (access: number, refresh: number | null): TokenStatus => ({
  mallId: "myshop",
  location: "/tmp/t.json",
  accessToken: life(access),
  refreshToken: life(refresh),
  scopes: [],
  receivedAt: null,
});

describe("judgeHealth", () => {
  it.each([
    ["healthy", status(HOUR, 10 * DAY), undefined, 0, undefined],
    ["warning", status(HOUR, 2 * DAY), undefined, 1, "cafe24-doctor token refresh"],
    ["access-expired", status(-1, 10 * DAY), undefined, 2, "cafe24-doctor token refresh"],
    ["reauth-required", status(-1, -1), undefined, 2, "cafe24-doctor token login"],
    ["healthy", status(HOUR, null), undefined, 0, undefined],
  ] as const)("%s", (health, s, verification, exitCode, next) => {
    expect(judgeHealth(s, verification)).toEqual({ health, exitCode, next });
  });

  it("reads a live 401 on an unexpired token as rejected, not expired", () => {
    const verdict = judgeHealth(status(HOUR, 10 * DAY), {
      outcome: "rejected",
      path: "/apps",
      status: 401,
      ms: 3,
    });
    expect(verdict).toMatchObject({ health: "rejected", exitCode: 2 });
  });
});

describe("localRedirectOf", () => {
  it("listens only for loopback redirect URIs, on both families for localhost", () => {
    expect(localRedirectOf("http://127.0.0.1:8788/callback")).toEqual({
      protocol: "http:",
      hosts: ["127.0.0.1"],
      hostname: "127.0.0.1",
      port: 8788,
      path: "/callback",
    });
    expect(localRedirectOf("https://localhost/cb")).toMatchObject({ hosts: ["127.0.0.1", "::1"], port: 443 });
    expect(localRedirectOf("https://myapp.example.com/callback")).toBeUndefined();
    expect(localRedirectOf("not a url")).toBeUndefined();
  });
});

describe("pending authorization", () => {
  it("is written with mode 0600 and forgotten after 10 minutes", async () => {
    const path = pendingPathOf(join(await tempDir(), "t.json"));
    await savePending(path, { state: "s1", redirectUri: "http://127.0.0.1/cb" }, 0);
    expect(await fileMode(path)).toBe(0o600);
    expect((await loadPending(path, PENDING_TTL_MS - 1))?.state).toBe("s1");
    expect(await loadPending(path, PENDING_TTL_MS)).toBeUndefined();
  });

  it("is named after the token file, so the one ignore line oauth_token.json* covers it", () => {
    expect(pendingPathOf("/p/oauth_token.json")).toBe("/p/oauth_token.json.pending");
  });

  it("still reads, then removes, a state saved under the old name oauth_token.json.pending-state.json", async () => {
    const dir = await tempDir();
    const legacy = join(dir, "oauth_token.json.pending-state.json");
    await writeFile(
      legacy,
      JSON.stringify({ state: "old", redirectUri: "http://127.0.0.1/cb", expiresAt: 10 }),
    );
    const path = pendingPathOf(join(dir, "oauth_token.json"));
    expect((await loadPending(path, 0))?.state).toBe("old");
    await clearPending(path);
    expect(existsSync(legacy)).toBe(false);
  });

  it("ignores a file that is not one", async () => {
    const path = join(await tempDir(), "p.json");
    await writeFile(path, "{oops");
    expect(await loadPending(path, 0)).toBeUndefined();
  });
});

describe("parseApiRequest", () => {
  it("collects repeated -q keys into Cafe24's comma lists and reads -d @file", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "b.json"), '{"request":{"a":1}}');
    const request = await parseApiRequest(
      { method: "post", path: "/products", query: ["x=1", "x=2", "y=a=b"], data: "@b.json", shopNo: "2" },
      dir,
    );
    expect(request).toEqual({
      method: "POST",
      path: "/products",
      query: { x: ["1", "2"], y: "a=b" },
      body: { request: { a: 1 } },
      shopNo: 2,
      paginate: false,
    });
  });

  it.each([
    [{ method: "PATCH", path: "/products", query: [] }, "METHOD"],
    [{ method: "GET", path: "products", query: [] }, "PATH"],
    [{ method: "GET", path: "/products", query: [], data: "{}" }, "no body"],
    [{ method: "PUT", path: "/products/1", query: [], data: "@missing.json" }, "Cannot read"],
  ])("refuses %o", async (args, words) => {
    const error = await parseApiRequest(args, await tempDir()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DoctorError);
    expect((error as DoctorError).message).toContain(words);
  });
});

describe("followTokenStatus", () => {
  it("redraws the block in place each tick until stopped", async () => {
    const stop = new AbortController();
    const frames: string[] = [];
    let n = 0;
    await followTokenStatus({
      draw: async () => [`tick ${++n}`, "second line"],
      write: (text) => frames.push(text),
      signal: stop.signal,
      sleep: async () => {
        if (n === 3) stop.abort();
      },
    });
    expect(frames).toEqual([
      "tick 1\nsecond line\n",
      "\x1b[2F\x1b[Jtick 2\nsecond line\n",
      "\x1b[2F\x1b[Jtick 3\nsecond line\n",
    ]);
  });
});
