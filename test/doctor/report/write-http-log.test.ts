import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatHttpLog, writeHttpLog } from "../../../src/doctor/report/write-http-log.js";
import { fullInput, RUN_START, result, TOKEN_IN_PATH } from "./fixtures.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "doctor-log-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const smallRun = () => ({
  ...fullInput("ko"),
  results: [result("configuration", "ok", [], [0, 3]), result("authentication", "expired", [], [90, 110])],
});

describe("comprehensive_test.log", () => {
  it("has a run header, check start/finish lines and one line per HTTP exchange, in KST time order", () => {
    expect(formatHttpLog(smallRun())).toBe(
      [
        "2026-11-28T00:30:05.000+09:00 RUN cafe24-doctor 0.1.0 check mall=myshop",
        "2026-11-28T00:30:05.000+09:00 START configuration",
        "2026-11-28T00:30:05.003+09:00 FINISH configuration ok 3 ms",
        "2026-11-28T00:30:05.004+09:00 HTTP HEAD https://down.example.com/health - 700 ms limit=- error=TimeoutError",
        "2026-11-28T00:30:05.005+09:00 HTTP GET https://svc.example.com/hook/Ab…89/status 200 690 ms limit=-",
        "2026-11-28T00:30:05.090+09:00 START authentication",
        "2026-11-28T00:30:05.095+09:00 HTTP GET https://myshop.cafe24api.com/api/v2/admin/store 401 104 ms limit=1/40",
        "2026-11-28T00:30:05.200+09:00 FINISH authentication expired 110 ms",
        "2026-11-28T00:30:06.234+09:00 END problems exit=2 1234 ms api-calls=3/20 deadline-hit=false",
        "",
      ].join("\n"),
    );
  });

  it("masks a token-like run in a URL path and drops any query string", () => {
    const run = {
      ...smallRun(),
      http: [
        {
          at: RUN_START,
          method: "POST",
          url: `https://x.example.com/a/${TOKEN_IN_PATH}x/b?access_token=${TOKEN_IN_PATH}&phone=01012345678`,
          status: 200,
          ms: 1,
        },
      ],
    };
    const log = formatHttpLog(run);
    expect(log).not.toContain(TOKEN_IN_PATH);
    expect(log).not.toContain("01012345678");
    expect(log).toContain("HTTP POST https://x.example.com/a/Ab…9x/b 200 1 ms");
  });

  it("appends each run to the same file", async () => {
    const path = await writeHttpLog(dir, smallRun());
    await writeHttpLog(dir, { ...smallRun(), kind: "diagnose" });
    expect(path).toBe(join(dir, "comprehensive_test.log"));
    const lines = (await readFile(path, "utf8")).trimEnd().split("\n");
    expect(lines.filter((l) => l.includes(" RUN ")).map((l) => l.split(" ")[4])).toEqual([
      "check",
      "diagnose",
    ]);
    expect(lines).toHaveLength(18);
  });
});
