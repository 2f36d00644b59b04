import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { scanProject } from "../../../src/doctor/scan/scan-project.js";

const REPOSITORY = fileURLToPath(new URL("../../..", import.meta.url));

describe("scanning cafe24-doctor's own repository", () => {
  it("finds nothing: its OAuth client, emulator token endpoint and docs are not user refreshers", async () => {
    const scan = await scanProject(REPOSITORY);
    expect(scan.findings).toEqual([]);
    expect(scan.watchEvidence).toEqual([]);
    expect(scan.limitsHit).toEqual([]);
    // It did read the sources (src/ alone has hundreds), so the empty list means something.
    expect(scan.filesScanned).toBeGreaterThan(200);
  });
});
