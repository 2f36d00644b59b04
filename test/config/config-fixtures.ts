import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, onTestFinished } from "vitest";
import { DoctorError } from "../../src/errors/doctor-error.js";

/** A temporary project folder holding `files` (name → text or JSON value), removed after the test. */
export async function project(files: Record<string, unknown> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "cafe24-doctor-config-"));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) {
    await writeFile(
      join(dir, name),
      typeof content === "string" ? content : JSON.stringify(content, null, 2),
    );
  }
  return dir;
}

/** The DoctorError a promise rejects with (fails the test if it resolves or throws something else). */
export async function doctorErrorOf(promise: Promise<unknown>): Promise<DoctorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DoctorError);
  return error as DoctorError;
}

/** Environment with only what a test sets, so the developer's own CAFE24_* never leak in. */
export const NO_ENV: NodeJS.ProcessEnv = {};
