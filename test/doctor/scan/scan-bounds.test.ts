import { describe, expect, it } from "vitest";
import { scanProject } from "../../../src/doctor/scan/scan-project.js";
import { PY_REFRESHER, project } from "./scan-helpers.js";

/** Ten sources, each a refresher: a/00.py … a/09.py. */
const tenRefreshers = () =>
  project(
    Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`a/${String(i).padStart(2, "0")}.py`, PY_REFRESHER]),
    ),
  );

describe("the scan's bounds", () => {
  it("stops at the file bound and says so", async () => {
    const scan = await scanProject(await tenRefreshers(), { limits: { maxFiles: 4 } });
    expect(scan.filesScanned).toBe(4);
    expect(scan.findings.map((f) => f.file)).toEqual(["a/00.py", "a/01.py", "a/02.py", "a/03.py"]);
    expect(scan.limitsHit).toEqual(["files"]);
  });

  it("skips a file over the per-file byte bound and reads the rest", async () => {
    const root = await project({
      "big.py": `${PY_REFRESHER}${"# padding\n".repeat(200)}`,
      "small.py": PY_REFRESHER,
    });
    const scan = await scanProject(root, { limits: { maxFileBytes: 1000 } });
    expect(scan.findings.map((f) => f.file)).toEqual(["small.py"]);
    expect(scan.skipped.large).toBe(1);
    expect(scan.limitsHit).toEqual(["fileBytes"]);
  });

  it("stops at the total byte bound", async () => {
    const bytes = Buffer.byteLength(PY_REFRESHER);
    const scan = await scanProject(await tenRefreshers(), { limits: { maxTotalBytes: bytes * 3 + 1 } });
    expect(scan.filesScanned).toBe(3);
    expect(scan.bytesScanned).toBe(bytes * 3);
    expect(scan.limitsHit).toEqual(["totalBytes"]);
  });

  it("stops at the time bound by the injected clock, and reports the elapsed time by it", async () => {
    const root = await tenRefreshers();
    let clock = 0;
    // Every reading of the clock is 400 ms later: the 2-second bound falls in the middle of the walk.
    const now = () => {
      clock += 400;
      return clock;
    };
    const scan = await scanProject(root, { limits: { maxMs: 2_000 }, now });
    expect(scan.limitsHit).toEqual(["time"]);
    expect(scan.filesScanned).toBeLessThan(10);
    expect(scan.elapsedMs).toBeGreaterThan(2_000);
  });

  it("reports no bound when the project fits, with the elapsed time from the clock", async () => {
    let clock = 1_000;
    const scan = await scanProject(await tenRefreshers(), {
      now: () => {
        clock += 1;
        return clock;
      },
    });
    expect(scan.limitsHit).toEqual([]);
    expect(scan.filesScanned).toBe(10);
    expect(scan.elapsedMs).toBeGreaterThan(0);
  });
});
