import { readFile } from "node:fs/promises";
import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import { writeFileDurably } from "../store/durable-write.js";
import { formatZodIssues } from "../util/format-zod-issues.js";
import { type Recording, recordingSchema } from "./recording.js";

/** Writes a recording readable by its owner only (0600): it is meant to be shared, but by its owner's choice. */
export async function writeRecording(path: string, recording: Recording): Promise<void> {
  await writeFileDurably(path, `${JSON.stringify(recording, null, 2)}\n`);
}

/** Reads and validates a recording; a missing, unparsable or foreign file is an INVALID_OPTIONS error naming it. */
export async function readRecording(path: string): Promise<Recording> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw new DoctorError(ERROR_CODES.invalidOptions, `Cannot read the recording ${path}.`, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new DoctorError(ERROR_CODES.invalidOptions, `${path} is not JSON.`, { cause });
  }
  const parsed = recordingSchema.safeParse(json);
  if (!parsed.success) {
    const what = `${path} is not a conformance recording (schemaVersion 1).`;
    throw new DoctorError(ERROR_CODES.invalidOptions, what, {
      details: [what, ...formatZodIssues(parsed.error)],
    });
  }
  return parsed.data;
}
