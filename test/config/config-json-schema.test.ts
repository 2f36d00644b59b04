import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_SCHEMA_PATH, configJsonSchema } from "../../src/config/config-json-schema.js";

const committed = join(import.meta.dirname, "../..", CONFIG_SCHEMA_PATH);
const generated = configJsonSchema();

describe("the committed JSON Schema of cafe24-doctor.config.json", () => {
  it("equals the one generated from the zod schema", async () => {
    // Compared as data, not text, so the formatter may lay the file out as it likes.
    if (process.env.UPDATE_CONFIG_SCHEMA === "1") {
      await writeFile(committed, `${JSON.stringify(generated, null, 2)}\n`);
    }
    const onDisk: unknown = JSON.parse(await readFile(committed, "utf8").catch(() => "null"));
    expect(
      onDisk,
      `${CONFIG_SCHEMA_PATH} is out of date. Regenerate it: UPDATE_CONFIG_SCHEMA=1 npx vitest run test/config/config-json-schema.test.ts`,
    ).toEqual(generated);
  });

  it("rejects unknown keys and offers the scope names to editors", () => {
    const schema = configJsonSchema() as {
      additionalProperties: boolean;
      properties: { scopes: { items: { enum: string[] } } };
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.scopes.items.enum).toContain("mall.read_product");
  });
});
