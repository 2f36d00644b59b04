import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { launch } from "../helpers/emulator.js";
import { useStores } from "../helpers/stores.js";
import {
  ACCESS_SEC,
  ENDPOINT_FIELDS,
  expectedTable,
  PYTHON_READER,
  probe,
  runReaderScenario,
  startReader,
} from "./token-reader-setup.js";

const ROUNDS = 5;
const CI = process.env.CI === "true";
const python = probe("python3", ["-c", "import sys; assert sys.version_info >= (3, 8)"], "python3 (3.8+)");
const requests = python.ok
  ? probe("python3", ["-c", "import requests"], "python3's `requests` (apt-get install python3-requests)")
  : python;

const transports = [
  { name: "requests", env: {}, available: requests },
  { name: "urllib", env: { CAFE24_TOKEN_CLIENT_NO_REQUESTS: "1" }, available: python },
] as const;

const CLIENT = fileURLToPath(
  new URL("../../examples/token-clients/python/cafe24_token_client.py", import.meta.url),
);

describe("the Python token client (examples/token-clients/python) reading from watch's endpoint", () => {
  const stores = useStores("file");

  it("needs nothing beyond the standard library: `requests` is used only when it imports", () => {
    // Without the module's docstring, whose usage example imports the client.
    const source = readFileSync(CLIENT, "utf8").replace(/^[\s\S]*?"""[\s\S]*?"""/, "");
    const imports = [...source.matchAll(/^([ \t]*)(?:import|from) ([\w.]+)/gm)].map((m) => ({
      module: m[2] as string,
      indented: (m[1] ?? "") !== "",
    }));
    const standard = [
      "datetime",
      "json",
      "os",
      "sys",
      "threading",
      "time",
      "urllib.error",
      "urllib.parse",
      "urllib.request",
    ];
    expect(
      imports
        .filter((i) => !i.indented)
        .map((i) => i.module)
        .sort(),
    ).toEqual(standard);
    expect(imports.filter((i) => i.indented)).toEqual([{ module: "requests", indented: true }]);
    expect(source).toMatch(/try:\n(?:.*\n){0,3}\s+import requests\nexcept ImportError:\n\s+requests = None/);
  });
  for (const transport of transports) {
    // CI runs every variant: a machine without python3 (or requests) fails there instead of passing unseen.
    if (!transport.available.ok && !CI) {
      console.log(`not running the Python client over ${transport.name}: ${transport.available.reason}`);
      continue;
    }
    it(`over ${transport.name}: every call succeeds while tokens expire, and it never refreshes or sees a refresh token`, async () => {
      expect(transport.available.ok, transport.available.reason).toBe(true);
      const running = await launch({
        ttl: { accessSec: ACCESS_SEC },
        rateLimit: { enabled: false },
      });
      const outcome = await runReaderScenario(
        running,
        stores.open(),
        (env) => startReader("python3", [PYTHON_READER], { ...env, ...transport.env }),
        ROUNDS,
      );
      const { steps, summary } = outcome;
      expect(outcome.transport).toBe(transport.name);
      expect(steps.map((s) => [s.kind, s.result.source, s.refreshesDuringCall])).toEqual(
        expectedTable(ROUNDS),
      );
      expect(steps.filter((s) => !s.result.ok)).toEqual([]);
      expect(summary).toMatchObject({ calls: 1 + 4 * ROUNDS, failed: 0, rejections: 2 * ROUNDS });
      expect(summary.keys).toEqual(ENDPOINT_FIELDS);
      expect(summary.keys).not.toContain("refresh_token");
      // Each 401 was one refused call, retried once with success: two per round.
      expect(outcome.unauthorized).toBe(2 * ROUNDS);
      expect(outcome.invalidGrant).toBe(0);
      // Three refreshes a round — two asked of the endpoint, one watch's own — every one of them watch's.
      expect(outcome.refreshGrants).toBe(3 * ROUNDS);
      expect(outcome.watchTokenRequests).toBe(outcome.refreshGrants);
      expect(outcome.tokenRoute).toBe(outcome.watchTokenRequests);
    });
  }
});
