import { describe, expect, it, onTestFinished } from "vitest";
import { reportError } from "../../src/cli/report-error.js";
import { DoctorError, ERROR_CODES } from "../../src/errors/doctor-error.js";
import { createTranslator } from "../../src/i18n/translate.js";
import type { Logger } from "../../src/util/runtime.js";
import { scrubbingLogger } from "../../src/util/scrubbing-logger.js";
import { startStatusServer } from "../../src/watch/status-server/start-status-server.js";
import { fakeSource, reauthMall, snapshotOf } from "../watch/fake-watch-source.js";
import { ACCESS_TOKEN, APP, expectNoLeak, REFRESH_TOKEN } from "./echo-upstream.js";

/** Text as careless code words it: credentials in the shapes servers and libraries echo them in. */
const CARELESS = `Bearer ${ACCESS_TOKEN} {"refresh_token":"${REFRESH_TOKEN}"} client_secret=${APP.clientSecret}`;

describe("the last stops before text leaves the process", () => {
  it("masks credentials in JSON.stringify of any DoctorError, whoever worded it", () => {
    const error = new DoctorError(ERROR_CODES.tokenStoreIo, `could not save: ${CARELESS}`, {
      details: [CARELESS],
    });
    const json = JSON.stringify(error);
    expectNoLeak("JSON.stringify(error)", json);
    expect(JSON.parse(json)).toMatchObject({
      code: ERROR_CODES.tokenStoreIo,
      message: expect.stringContaining("could not save: Bearer Ac…s2"),
    });
  });

  it("scrubs every line reportError prints, the --debug stack trace included", () => {
    const lines: string[] = [];
    const cli = {
      lang: "en" as const,
      explicitLang: true,
      t: createTranslator("en"),
      debug: true,
      out: (line: string) => lines.push(line),
      err: (line: string) => lines.push(line),
    };
    reportError(new Error(`unexpected: ${CARELESS}`), cli);
    reportError(new DoctorError(ERROR_CODES.invalidOptions, CARELESS, { details: [CARELESS] }), cli);
    expectNoLeak("reportError's lines", lines.join("\n"));
    expect(lines.join("\n")).toContain("Bearer Ac…s2");
    expect(lines.some((line) => /^\s+at /.test(line))).toBe(true);
  });

  it("masks a credential in a watch source's last error and events on /status and the status page", async () => {
    const mall = reauthMall();
    const source = fakeSource(
      snapshotOf([
        {
          ...mall,
          lastError: { code: "CAFE24_OAUTH_FAILED", message: CARELESS, at: mall.lastRefreshAt ?? 0 },
          events: [{ at: mall.lastRefreshAt ?? 0, kind: "refresh-failed", message: CARELESS }],
        },
      ]),
    );
    const server = await startStatusServer({ source, lang: "en" });
    onTestFinished(() => server.close());
    expectNoLeak("/status", await (await fetch(`${server.url}/status`)).text());
    expectNoLeak("the status page", await (await fetch(`${server.url}/`)).text());
  });

  it("masks credentials in a watch log line's fields and message", () => {
    const lines: string[] = [];
    const record = (fields: Record<string, unknown>, message: string) => {
      lines.push(`${message} ${JSON.stringify(fields)}`);
    };
    const inner: Logger = { debug: record, info: record, warn: record, error: record };
    const logger = scrubbingLogger(inner);
    logger.warn({ mallId: APP.mallId, reason: CARELESS, nested: { access_token: ACCESS_TOKEN } }, CARELESS);
    expectNoLeak("the log", lines.join("\n"));
    expect(lines[0]).toContain(`"mallId":"${APP.mallId}"`);
  });
});
