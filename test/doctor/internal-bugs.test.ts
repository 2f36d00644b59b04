import { describe, expect, it } from "vitest";
import { authenticationCheck } from "../../src/doctor/checks/authentication.js";
import { networkCheck } from "../../src/doctor/checks/network.js";
import { servicesCheck } from "../../src/doctor/checks/services.js";
import { tokenStoreCheck } from "../../src/doctor/checks/token-store.js";
import { DoctorApi } from "../../src/doctor/doctor-api.js";
import { runChecks } from "../../src/doctor/run-checks.js";
import type { CheckResult } from "../../src/doctor/types.js";
import { Cafe24Client } from "../../src/http/cafe24-client.js";
import type { FetchLike } from "../../src/util/runtime.js";
import { offlineContext, scenario, testConfig } from "./checks/context-helper.js";

/** What a bug in our own code throws: a TypeError with no system error code and no cause. */
const bug = () => new TypeError("Cannot read properties of undefined (reading 'status')");
const buggyFetch: FetchLike = async () => {
  throw bug();
};

function crashed(result: CheckResult | undefined) {
  expect(result?.findings.map((f) => f.code)).toEqual(["CHECK_CRASHED"]);
  expect(result?.evidence).toEqual({ error: "TypeError" });
}

describe("a bug inside a check", () => {
  it("is reported as the check crashing, not as the mall's host being unreachable", async () => {
    const s = await scenario();
    const [network] = await runChecks([networkCheck], { ...s.ctx, fetch: buggyFetch });
    crashed(network);
  });

  it("inside the Admin API client is no CAFE24_NETWORK answer: the authentication check crashes", async () => {
    const s = await scenario();
    const client = new Cafe24Client({
      mallId: s.mallId,
      tokens: {
        getAccessToken: async () => {
          throw bug();
        },
        handleUnauthorized: async () => {
          throw bug();
        },
      },
      baseUrl: s.emu.baseUrlTemplate,
      allowInsecureLoopback: true,
    });
    const api = new DoctorApi(client);
    await expect(api.get("/store")).rejects.toThrow(TypeError);
    expect(api.answers).toEqual([]);

    const [, , authentication] = await runChecks([tokenStoreCheck, networkCheck, authenticationCheck], {
      ...s.ctx,
      api,
    });
    crashed(authentication);
  });

  it("while probing a service is not the service being unreachable", async () => {
    const ctx = offlineContext(
      testConfig({
        services: [
          {
            name: "dashboard",
            url: "http://127.0.0.1:9/health",
            expectStatus: 200,
            timeoutMs: 1_000,
            assertions: [],
          },
        ],
      }),
    );
    const [services] = await runChecks([servicesCheck], { ...ctx, fetch: buggyFetch });
    crashed(services);
  });
});
