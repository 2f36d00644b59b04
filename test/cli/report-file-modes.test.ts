import { readdirSync } from "node:fs";
import { mkdir, mkdtemp, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import { writeHttpLog } from "../../src/doctor/report/write-http-log.js";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import { doctorEnv } from "../doctor/scenarios/scenario-kit.js";
import { launch } from "../helpers/emulator.js";
import { CLI, runNode } from "../helpers/run-cli.js";

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe("files cafe24-doctor check writes", () => {
  it("are mode 0600 under umask 022: the JSON report, the HTML report, and a pre-existing 0644 log tightened on append", async () => {
    const emu = await launch({ clock: { frozen: false, start: Date.now() } });
    const mall = emu.malls[0];
    if (!mall?.clientSecret) throw new Error("demo mall expected");
    const dir = await mkdtemp(join(tmpdir(), "c24-modes-"));
    const tokenFile = join(dir, "oauth_token.json");
    const token = toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId);
    await new FileTokenStore({ path: tokenFile }).compareAndSet(mall.mallId, undefined, token);
    const reportDir = join(dir, "cafe24-doctor-reports");
    await mkdir(reportDir);
    const log = join(reportDir, "comprehensive_test.log");
    await writeFile(log, "an earlier run\n", { mode: 0o644 });
    expect(await modeOf(log)).toBe(0o644);

    const env = { ...doctorEnv(emu, { ...mall, clientSecret: mall.clientSecret }, tokenFile), NO_COLOR: "1" };
    const result = await runNode(CLI, ["check", "--html", "--lang", "en"], { env, cwd: dir, umask: "022" });
    expect(result.code, result.stderr).toBe(0);

    const files = readdirSync(reportDir);
    const reports = files.filter((f) => /^comprehensive_test_report_\d{8}_\d{6}\.(json|html)$/.test(f));
    expect(reports).toHaveLength(2);
    for (const file of [...reports, "comprehensive_test.log"]) {
      expect(await modeOf(join(reportDir, file)), file).toBe(0o600);
    }
  });

  it("creates a new HTTP log with mode 0600 under umask 022", async () => {
    const dir = await mkdtemp(join(tmpdir(), "c24-modes-"));
    const previous = process.umask(0o022);
    try {
      const path = await writeHttpLog(dir, {
        kind: "check",
        startedAt: 0,
        finishedAt: 1,
        mallId: "shop1",
        toolVersion: "0.0.0",
        results: [],
        http: [],
        apiCalls: { spent: 0, budget: 20 },
        deadline: { ms: 15_000, hit: false },
      });
      expect(await modeOf(path)).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });
});
