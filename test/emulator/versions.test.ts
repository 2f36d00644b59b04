import { describe, expect, it } from "vitest";
import { SERVED_VERSION_HEADER } from "../../src/emulator/versions.js";
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

const served = (response: Response) => response.headers.get(SERVED_VERSION_HEADER);

describe("X-Cafe24-Api-Version", () => {
  it("is optional: without it the call runs as the app's version (the newest by default)", async () => {
    const { get, target } = setup();
    expect(target.mall.apiVersion).toBe(LATEST);
    const response = await get();
    expect(response.status).toBe(200);
    expect(served(response)).toBe(LATEST);
  });

  it.each([LATEST, "2026-03-01", OLDEST_LIVE])("serves the live version %s as itself", async (version) => {
    const { get } = setup();
    const response = await get(version);
    expect(response.status).toBe(200);
    expect(served(response)).toBe(version);
  });

  it("takes precedence over the app's version in both directions", async () => {
    const { emulator, get, target } = setup();
    emulator.control.setAppVersion(target.mall.mallId, EXPIRED);
    expect(served(await get())).toBe(OLDEST_LIVE);
    expect(served(await get(LATEST))).toBe(LATEST);
    emulator.control.setAppVersion(target.mall.mallId, LATEST);
    expect(served(await get())).toBe(LATEST);
    expect(served(await get(EXPIRED))).toBe(OLDEST_LIVE);
  });

  it.each(["2099-01-01", "2025-13-45", "latest", "2025-12-1"])(
    "refuses the unknown version %s with 400 and Cafe24's observed wording",
    async (version) => {
      const { get } = setup();
      const response = await get(version);
      expect(response.status).toBe(400);
      expect(served(response)).toBeNull();
      const { error } = await envelope(response);
      expect(error.message).toBe(`${version} version you requested is not available`);
    },
  );

  it("expires a version exactly one year after its successor's release, midnight KST", async () => {
    const { emulator, target } = setup();
    emulator.control.setClock(Date.parse("2026-11-30T14:59:59.999Z"));
    const token = issueAccess(emulator, target.mall.mallId);
    const get = () => adminGet(target, "/products?limit=1", token, { "x-cafe24-api-version": OLDEST_LIVE });
    expect(served(await get())).toBe(OLDEST_LIVE);
    emulator.control.advanceClock(1);
    const after = await get();
    expect(after.status).toBe(200);
    expect(served(after)).toBe("2025-12-01");
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

describe("an expired version (Cafe24's versioning guide: served as the oldest live version, no error)", () => {
  it("answers 200 as the oldest live version, whether asked by header or by the app's own version", async () => {
    const { emulator, get, target } = setup();
    for (const version of [EXPIRED, "2024-06-01"]) {
      const response = await get(version);
      expect(response.status).toBe(200);
      expect(served(response)).toBe(OLDEST_LIVE);
    }
    emulator.control.setAppVersion(target.mall.mallId, EXPIRED);
    expect(served(await get())).toBe(OLDEST_LIVE);
  });

  it("counts, per mall, which version served each call and how many fell back", async () => {
    const { emulator, get, target } = setup();
    await get(EXPIRED);
    await get(EXPIRED);
    await get("2024-06-01");
    await get(LATEST);
    await get("2099-01-01");
    const { versions } = emulator.control.stats(target.mall.mallId);
    expect(versions).toEqual({
      served: { [OLDEST_LIVE]: 3, [LATEST]: 1 },
      fallbacks: { [EXPIRED]: 2, "2024-06-01": 1 },
      fellBack: 3,
    });
  });

  describe("with versions.expired = 'error' (the strict server the emulator used to be)", () => {
    const strict = () => setup({ versions: { expired: "error" } });

    it("refuses an expired version with 400 naming it", async () => {
      const { get } = strict();
      const response = await get(EXPIRED);
      expect(response.status).toBe(400);
      expect(served(response)).toBeNull();
      const { error } = await envelope(response);
      expect(error.message).toContain(`'${EXPIRED}'`);
      expect(error.message).toMatch(/expired/);
    });

    it("names the app's own version when that one has expired and no header is sent", async () => {
      const { emulator, get, target } = strict();
      emulator.control.setAppVersion(target.mall.mallId, EXPIRED);
      const { error } = await envelope(await get());
      expect(error.message).toContain(`'${EXPIRED}'`);
      expect((await get(LATEST)).status).toBe(200);
    });

    it("still refuses an unknown version with the observed wording", async () => {
      const { get } = strict();
      const { error } = await envelope(await get("2099-01-01"));
      expect(error.message).toBe("2099-01-01 version you requested is not available");
      expect(served(await get(OLDEST_LIVE))).toBe(OLDEST_LIVE);
    });
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
