import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { useStores } from "../helpers/stores.js";
import { doctorEnv, type World, world } from "./scenarios/scenario-kit.js";

/** The CLI reads the host's clock: the emulator runs on it too (else the clock check rightly objects). */
const LIVE_CLOCK = { clock: { frozen: false, start: Date.now() } };

/** The two commands of issue 11 as a user types them, in-process against the emulator. */
async function doctor(w: World, args: string[], env: Record<string, string>) {
  let out = "";
  let err = "";
  const code = await runCli([...args, "--lang", "en"], {
    cwd: w.dir,
    env: { ...doctorEnv(w.emu, w.mall, w.tokenFile), ...env },
    out: (line) => {
      out += `${line}\n`;
    },
    err: (line) => {
      err += `${line}\n`;
    },
  });
  return { code, out, err };
}

describe("issue 11: what the doctor says on the CLI", () => {
  const stores = useStores("file");

  it.each([[["check"]], [[]]])(
    "CAFE24_CLIENT_SECRET=WrongSecret123 cafe24-doctor %j exits 2 and names the secret",
    async (args) => {
      const w = await world(LIVE_CLOCK, stores);
      await w.writeTokens();
      const result = await doctor(w, [...args, "--json"], { CAFE24_CLIENT_SECRET: "WrongSecret123" });
      expect(result.code, result.err).toBe(2);
      const report = JSON.parse(result.out);
      expect(report.rootCause.code).toBe("CLIENT_CREDENTIALS_REJECTED");
      expect(JSON.stringify(report.rootCause)).toContain("Copy the current secret from Developer Center");
      expect(result.out).not.toContain("WrongSecret123");
    },
  );

  it.each([[["check"]], [[]]])(
    "CAFE24_API_VERSION=2019-01-01 cafe24-doctor %j names the unknown version",
    async (args) => {
      const w = await world(LIVE_CLOCK, stores);
      await w.writeTokens();
      const result = await doctor(w, [...args, "--json"], { CAFE24_API_VERSION: "2019-01-01" });
      expect(result.code, result.err).toBe(2);
      const report = JSON.parse(result.out);
      expect(report.rootCause.code).toBe("API_VERSION_EXPIRED");
      expect(report.problems.length).toBeGreaterThan(0);
      expect(JSON.stringify(report.rootCause)).toContain("does not serve the configured API version");
    },
  );
});
