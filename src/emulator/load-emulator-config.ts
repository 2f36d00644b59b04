import { readFile } from "node:fs/promises";
import { z } from "zod";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import { formatZodIssues } from "../util/format-zod-issues.js";
import {
  type EmulatorOptionsInput,
  emulatorOptionsSchema,
  type FaultRuleInput,
  faultRuleSchema,
} from "./options.js";

/** Reads and validates a JSON file; every problem becomes one detail line naming the key. */
async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw new DoctorError(ERROR_CODES.emulatorConfigUnreadable, `Cannot read ${path}`, {
      cause,
      details: [`${path}: ${(cause as NodeJS.ErrnoException).code ?? "unreadable"}`],
    });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (cause) {
    throw new DoctorError(ERROR_CODES.emulatorConfigUnreadable, `${path} is not valid JSON`, {
      cause,
      details: [`${path}: ${(cause as Error).message}`],
    });
  }
}

function validate<T>(path: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new DoctorError(ERROR_CODES.emulatorConfigInvalid, `${path} has invalid settings`, {
    details: formatZodIssues(result.error).map((line) => `${path} → ${line}`),
  });
}

/** An emulator config file: any subset of the emulator options (malls, ttl, rateLimit, …). */
export async function loadEmulatorConfig(path: string): Promise<EmulatorOptionsInput> {
  const value = await readJson(path);
  validate(path, emulatorOptionsSchema, value);
  return value as EmulatorOptionsInput;
}

/** A JSON array of fault rules. */
export async function loadFaultRules(path: string): Promise<FaultRuleInput[]> {
  const value = await readJson(path);
  validate(path, z.array(faultRuleSchema), value);
  return value as FaultRuleInput[];
}
