import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import { loadDoctorConfig } from "../../src/config/load-doctor-config.js";
import { createEmulator } from "../../src/emulator/emulator.js";
import { startEmulator } from "../../src/emulator/server.js";
import { DoctorError, ERROR_CODES } from "../../src/errors/doctor-error.js";
import { en } from "../../src/i18n/en.js";
import { ko } from "../../src/i18n/ko.js";
import { tempDir } from "../helpers/token-files.js";

/** The README paragraph that lists the error codes, from its first line to the blank line after it. */
function codeList(file: string, opening: string): string {
  const text = readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");
  const start = text.indexOf(opening);
  expect(start, `${file} has no paragraph starting "${opening}"`).toBeGreaterThanOrEqual(0);
  return text.slice(start, text.indexOf("\n\n", start));
}

const LISTS = {
  "README.md": codeList("README.md", "Error codes (stable"),
  "README.ko.md": codeList("README.ko.md", "오류 코드(고정"),
};
const CATALOGUES: Record<string, Readonly<Record<string, string>>> = { en, ko };

describe("every error code a public function can throw", () => {
  it.each(Object.values(ERROR_CODES))("%s says what happened and the fix in both languages", (code) => {
    for (const [lang, catalogue] of Object.entries(CATALOGUES)) {
      expect(catalogue[`error.${code}`], `${lang}: error.${code}`).toMatch(/\S/);
      expect(catalogue[`error.${code}.fix`], `${lang}: error.${code}.fix`).toMatch(/\S/);
    }
  });

  it.each(Object.values(ERROR_CODES))("%s is in both READMEs' error-code lists", (code) => {
    for (const [file, list] of Object.entries(LISTS)) expect(list, file).toContain(`\`${code}\``);
  });
});

/** What a public entry point threw (or rejected with). */
async function thrown(act: () => unknown): Promise<unknown> {
  try {
    await act();
  } catch (error) {
    return error;
  }
  throw new Error("nothing was thrown");
}

describe("public entry points validate with a DoctorError, never a raw ZodError", () => {
  const badEmulator = { ttl: { accessSec: -5 }, malls: [{ mallId: "not a mall!" }] };

  it.each([
    ["createEmulator", () => createEmulator(badEmulator)],
    ["startEmulator", () => startEmulator(badEmulator)],
  ])("%s names each invalid option (EMULATOR_CONFIG_INVALID)", async (_, act) => {
    const error = await thrown(act);
    expect(error).not.toBeInstanceOf(ZodError);
    expect(error).toBeInstanceOf(DoctorError);
    expect(error).toMatchObject({ code: ERROR_CODES.emulatorConfigInvalid });
    const details = (error as DoctorError).details;
    expect(details).toHaveLength(2);
    expect(details).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ttl\.accessSec: /),
        expect.stringMatching(/^malls\.0\.mallId: /),
      ]),
    );
  });

  it("control.setFaults names each invalid rule (EMULATOR_CONFIG_INVALID)", async () => {
    const emulator = createEmulator();
    const error = await thrown(() =>
      emulator.control.setFaults([{ kind: "status" }, { kind: "status", status: 418 as 500 }]),
    );
    expect(error).toBeInstanceOf(DoctorError);
    expect(error).toMatchObject({
      code: ERROR_CODES.emulatorConfigInvalid,
      details: [expect.stringMatching(/^faults\.1\.status: /)],
    });
  });

  it("loadDoctorConfig names each invalid key of the config file (CONFIG_INVALID)", async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, "cafe24-doctor.config.json"), JSON.stringify({ reportDir: 42 }));
    const error = await thrown(() => loadDoctorConfig({ cwd, env: {} }));
    expect(error).toBeInstanceOf(DoctorError);
    expect(error).toMatchObject({
      code: ERROR_CODES.configInvalid,
      details: [expect.stringContaining("reportDir")],
    });
  });

  it("toTokenSet names each unusable field of a token answer (CAFE24_BAD_RESPONSE)", async () => {
    const error = await thrown(() => toTokenSet({ access_token: 42 }, "myshop"));
    expect(error).toBeInstanceOf(DoctorError);
    expect(error).toMatchObject({ code: ERROR_CODES.badResponse });
    expect((error as DoctorError).details).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^access_token: /),
        expect.stringMatching(/^refresh_token: /),
      ]),
    );
  });
});
