import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { reportSchema } from "../../../src/doctor/report/report-model.js";

const committedPath = fileURLToPath(
  new URL("../../../schema/comprehensive-test-report.schema.json", import.meta.url),
);
const REGENERATE = "UPDATE_REPORT_SCHEMA=1 npx vitest run test/doctor/report/report-schema.test.ts";

describe("the committed JSON Schema", () => {
  it("is exactly what the zod report model generates", () => {
    const generated = z.toJSONSchema(reportSchema);
    // The way to regenerate after changing report-model.ts (then review the diff and commit it).
    if (process.env.UPDATE_REPORT_SCHEMA)
      writeFileSync(committedPath, `${JSON.stringify(generated, null, 2)}\n`);
    // Compared as data, not text, so formatting the file (biome) does not matter.
    const committed: unknown = JSON.parse(readFileSync(committedPath, "utf8"));
    expect(
      committed,
      `schema/comprehensive-test-report.schema.json is stale; regenerate it with: ${REGENERATE}`,
    ).toEqual(generated);
  });
});
