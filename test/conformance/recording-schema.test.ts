import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { recordingSchema } from "../../src/conformance/recording.js";
import { OBSERVED, recordEmulator } from "./conformance-kit.js";

const committedPath = fileURLToPath(
  new URL("../../schema/conformance-recording.schema.json", import.meta.url),
);
const REGENERATE = "UPDATE_CONFORMANCE_SCHEMA=1 npx vitest run test/conformance/recording-schema.test.ts";

describe("the committed JSON Schema of a conformance recording", () => {
  it("is exactly what the zod recording model generates", () => {
    const generated = z.toJSONSchema(recordingSchema);
    if (process.env.UPDATE_CONFORMANCE_SCHEMA)
      writeFileSync(committedPath, `${JSON.stringify(generated, null, 2)}\n`);
    const committed: unknown = JSON.parse(readFileSync(committedPath, "utf8"));
    expect(
      committed,
      `schema/conformance-recording.schema.json is stale; regenerate it with: ${REGENERATE}`,
    ).toEqual(generated);
  });

  it("accepts a recording of the emulator and refuses one with a value where a shape belongs", async () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(committedPath, "utf8")));
    const { recording } = await recordEmulator(OBSERVED);
    expect(validate(recording), JSON.stringify(validate.errors)).toBe(true);
    const leaky = structuredClone(recording) as unknown as { probes: { body: unknown }[] };
    (leaky.probes[0] as { body: unknown }).body = { type: "string", format: "text", value: "홍길동" };
    expect(validate(leaky)).toBe(false);
  });
});
