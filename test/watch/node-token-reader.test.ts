import { describe, expect, it } from "vitest";
import { launch } from "../helpers/emulator.js";
import { useStores } from "../helpers/stores.js";
import {
  ACCESS_SEC,
  ENDPOINT_FIELDS,
  expectedTable,
  NODE_READER,
  runReaderScenario,
  startReader,
} from "./token-reader-setup.js";

const ROUNDS = 5;

describe("the Node token client (examples/token-clients/node) reading from watch's endpoint", () => {
  const stores = useStores("file");

  it("every call succeeds while tokens expire, and it never refreshes or sees a refresh token", async () => {
    const running = await launch({ ttl: { accessSec: ACCESS_SEC }, rateLimit: { enabled: false } });
    const outcome = await runReaderScenario(
      running,
      stores.open(),
      (env) => startReader(process.execPath, [NODE_READER], env),
      ROUNDS,
    );
    const { steps, summary } = outcome;
    expect(outcome.transport).toBe("fetch");
    expect(steps.map((s) => [s.kind, s.result.source, s.refreshesDuringCall])).toEqual(expectedTable(ROUNDS));
    expect(steps.filter((s) => !s.result.ok)).toEqual([]);
    expect(summary).toMatchObject({ calls: 1 + 4 * ROUNDS, failed: 0, rejections: 2 * ROUNDS });
    expect(summary.keys).toEqual(ENDPOINT_FIELDS);
    expect(outcome.unauthorized).toBe(2 * ROUNDS);
    expect(outcome.invalidGrant).toBe(0);
    expect(outcome.refreshGrants).toBe(3 * ROUNDS);
    expect(outcome.watchTokenRequests).toBe(outcome.refreshGrants);
    expect(outcome.tokenRoute).toBe(outcome.watchTokenRequests);
  });
});
