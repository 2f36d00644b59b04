import { z } from "zod";
import { configFileSchema } from "./config-file-schema.js";

/** Where the committed JSON Schema lives in the package; the starter config points editors at it. */
export const CONFIG_SCHEMA_PATH = "schema/cafe24-doctor.config.schema.json";

/** `$schema` of a starter config: the installed package's copy, so editors validate offline. */
export const CONFIG_SCHEMA_REF = `./node_modules/cafe24-doctor/${CONFIG_SCHEMA_PATH}`;

/**
 * The JSON Schema of cafe24-doctor.config.json, generated from the zod schema so the two cannot disagree
 * (a test compares it with the committed file). `io: "input"`: keys with defaults are optional to write.
 */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configFileSchema, { io: "input" }),
    title: "cafe24-doctor.config.json",
  };
}
