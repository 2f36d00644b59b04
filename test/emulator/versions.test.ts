import { describe, expect, it } from "vitest";
import {
  adminGet,
  envelope,
  httpTarget,
  inProcess,
  issueAccess,
  launch,
  localTarget,
} from "../helpers/emulator.js";

// The clock stands at 2026-11-27 20:41 KST. A version expires one year after its successor's release, so
// 2025-06-01 expired on 2026-09-01, while 2025-09-01 lives until 2026-12-01 00:00 KST (2026-11-30T15:00Z).
const LATEST = "2026-09-01";
const EXPIRED = "2025-06-01";
const OLDEST_LIVE = "2025-09-01";

function setup(options: Parameters<typeof inProcess>[0] = {}) {
  const emulator = inProcess(options);
  const target = localTarget(emulator);
  const token = issueAccess(emulator, target.mall.mallId);
  const get = (version?: string, path = "/products?limit=1") =>
    adminGet(target, path, token, version === undefined ? {} : { "x-cafe24-api-version": version });
  return { emulator, target, token, get };
}

describe("X-Cafe24-Api-Version", () => {
  it("is optional: without it the call runs as the app's version (the newest by default)", async () => {
    const { get, target } = setup();
    expect(target.mall.apiVersion).toBe(LATEST);
    expect((await get()).status).toBe(200);
  });

  it.each([LATEST, "2026-03-01", OLDEST_LIVE])("accepts the live version %s", async (version) => {
    const { get } = setup();
    expect((await get(version)).status).toBe(200);
  });

  it("takes precedence over the app's version in both directions", async () => {
    const { emulator, get, target } = setup();
    emulator.control.setAppVersion(target.mall.mallId, EXPIRED);
    expect((await get()).status).toBe(400);
    expect((await get(LATEST)).status).toBe(200);
    emulator.control.setAppVersion(target.mall.mallId, LATEST);
    expect((await get()).status).toBe(200);
    expect((await get(EXPIRED)).status).toBe(400);
  });

  it.each(["2099-01-01", "2025-13-45", "latest", "2025-12-1"])(
    "refuses the unknown version %s with an error naming it",
    async (version) => {
      const { get } = setup();
      const response = await get(version);
      expect(response.status).toBe(400);
      const { error } = await envelope(response);
      expect(error.message).toContain(`'${version}'`);
      expect(error.message).toMatch(/not a valid version/);
      expect(error.more_info).toEqual({ version, reason: "unknown" });
    },
  );

  it("refuses an expired version with an error naming it", async () => {
    const { get } = setup();
    const response = await get(EXPIRED);
    expect(response.status).toBe(400);
    const { error } = await envelope(response);
    expect(error.message).toContain(`'${EXPIRED}'`);
    expect(error.message).toMatch(/expired/);
    expect(error.more_info).toEqual({ version: EXPIRED, reason: "expired" });
  });

  it("names the app's own version when that one has expired and no header is sent", async () => {
    const { emulator, get, target } = setup();
    emulator.control.setAppVersion(target.mall.mallId, EXPIRED);
    const { error } = await envelope(await get());
    expect(error.more_info).toEqual({ version: EXPIRED, reason: "expired" });
  });

  it("expires a version exactly one year after its successor's release, midnight KST", async () => {
    const { emulator, target } = setup();
    emulator.control.setClock(Date.parse("2026-11-30T14:59:59.999Z"));
    const token = issueAccess(emulator, target.mall.mallId);
    const get = () => adminGet(target, "/products?limit=1", token, { "x-cafe24-api-version": OLDEST_LIVE });
    expect((await get()).status).toBe(200);
    emulator.control.advanceClock(1);
    expect((await get()).status).toBe(400);
  });

  it("serves an expired version under versions.expired = 'fallback' (Cafe24's documented behaviour)", async () => {
    const { get } = setup({ versions: { expired: "fallback" } });
    expect((await get(EXPIRED)).status).toBe(200);
    expect((await get("2024-06-01")).status).toBe(200);
    expect((await get("2099-01-01")).status).toBe(400);
  });

  it("does not pour a refused version into the bucket", async () => {
    const { get } = setup();
    const refused = await get("2099-01-01");
    expect(refused.headers.get("x-api-call-limit")).toBe("0/40");
    expect((await get()).headers.get("x-api-call-limit")).toBe("1/40");
  });

  it("follows a custom version list", async () => {
    const { get, target } = setup({
      versions: {
        list: [
          { version: "2026-01-15", releasedAt: "2026-01-15" },
          { version: "2025-10-10", releasedAt: "2025-10-10" },
        ],
      },
    });
    expect(target.mall.apiVersion).toBe("2026-01-15");
    expect((await get("2025-10-10")).status).toBe(200);
    expect((await get(LATEST)).status).toBe(400);
  });
});

describe("GET /api/v2/admin/apps (over HTTP)", () => {
  async function apps(version?: string) {
    const running = await launch();
    const target = httpTarget(running);
    if (version) running.control.setAppVersion(target.mall.mallId, version);
    const response = await adminGet(target, "/apps", issueAccess(running, target.mall.mallId));
    expect(response.status).toBe(200);
    return ((await response.json()) as { app: Record<string, unknown> }).app;
  }

  it("reports the newest version with no expiration date", async () => {
    expect(await apps()).toMatchObject({
      version: LATEST,
      version_expiration_date: null,
      initial_version: LATEST,
      previous_version: "2026-06-01",
    });
  });

  it("reports an older version's expiration date in KST: a year after its successor's release", async () => {
    expect(await apps("2026-03-01")).toMatchObject({
      version: "2026-03-01",
      version_expiration_date: "2027-06-01T00:00:00+09:00",
      previous_version: "2025-12-01",
      initial_version: LATEST,
    });
  });
});
