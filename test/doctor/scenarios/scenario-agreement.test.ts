import { describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/run-cli.js";
import { canFixByRefresh } from "../../../src/doctor/fix-by-refresh.js";
import type { DoctorRun } from "../../../src/doctor/run-doctor.js";
import { useStores } from "../../helpers/stores.js";
import { doctorEnv, type World, world } from "./scenario-kit.js";
import { SCENARIOS, type Scenario } from "./scenario-matrix.js";

/**
 * The quick diagnosis (`cafe24-doctor`) and `check` over the same scenario matrix (issue 11): they agree on the
 * root cause wherever the quick diagnosis runs the checks that see it; every check that fails says why (a
 * finding); and the command a root cause recommends, run as a user would, clears that root cause.
 */

/** The world with every diagnosis run in the given mode. */
function inMode(w: World, kind: "check" | "diagnose"): World {
  return { ...w, run: (options = {}) => w.run({ ...options, kind }) };
}

/** Root causes only `check` can see: the quick diagnosis compares scopes offline and reads one data item. */
const CHECK_ONLY: Record<string, string> = {
  "scope missing for orders":
    "the token still lists the scope; only the full check's order read finds the app no longer has it",
};

function failingWithoutFinding(run: DoctorRun): string[] {
  return run.results
    .filter((r) => ["fail", "expired", "missing"].includes(r.status) && r.findings.length === 0)
    .map((r) => `${r.id} (${r.status}: ${r.summary.key})`);
}

describe("the quick diagnosis and check agree on the scenario matrix", () => {
  const stores = useStores("file");

  it.each(SCENARIOS.filter((s) => CHECK_ONLY[s.name]))(
    "$name: check names it, and every failing check says why",
    async (scenario: Scenario) => {
      const full = await scenario.act(inMode(await world(scenario.emulator, stores), "check"));
      expect(full.rootCause?.code).toBe(scenario.rootCause);
      expect(failingWithoutFinding(full)).toEqual([]);
    },
  );

  it.each(SCENARIOS.filter((s) => !CHECK_ONLY[s.name]))("$name", async (scenario: Scenario) => {
    const fullWorld = await world(scenario.emulator, stores);
    const quickWorld = await world(scenario.emulator, stores);
    const full = await scenario.act(inMode(fullWorld, "check"));
    const quick = await scenario.act(inMode(quickWorld, "diagnose"));
    expect(full.kind).toBe("check");
    expect(quick.kind).toBe("diagnose");
    expect(full.rootCause?.code).toBe(scenario.rootCause);
    expect(quick.rootCause?.code, `quick problems: ${quick.problems.map((p) => p.finding.code)}`).toBe(
      full.rootCause?.code,
    );
    // A command may name a file of the project: compare it with each world's directory taken out.
    expect(quick.rootCause?.command?.replaceAll(quickWorld.dir, "<dir>")).toBe(
      full.rootCause?.command?.replaceAll(fullWorld.dir, "<dir>"),
    );
    // Every failing check carries a finding, in both modes.
    expect(failingWithoutFinding(full)).toEqual([]);
    expect(failingWithoutFinding(quick)).toEqual([]);
  });
});

/** The token commands a root cause can recommend that run without a person here (the emulator approves). */
const RUNNABLE = new Set([
  "cafe24-doctor token refresh",
  "cafe24-doctor token login",
  "cafe24-doctor token login --mall demomall",
]);

/** Runs one CLI command line in-process against the world, as the user would from the project directory. */
async function cli(w: World, args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const code = await runCli([...args, "--lang", "en"], {
    cwd: w.dir,
    env: doctorEnv(w.emu, w.mall, w.tokenFile),
    out: (line) => {
      out += `${line}\n`;
    },
    err: (line) => {
      out += `${line}\n`;
    },
  });
  return { code, out };
}

/**
 * `token login` without a browser: `token exchange` is its two-step form (print the authorize URL; take the
 * redirected URL), ending in the same authorization; the emulator's auto-approve plays the merchant.
 */
async function login(w: World): Promise<{ code: number; out: string }> {
  const first = await cli(w, ["token", "exchange"]);
  expect(first.code, first.out).toBe(0);
  const url = /https?:\/\/\S+\/oauth\/authorize\?\S+/.exec(first.out)?.[0];
  if (!url) throw new Error(`no authorize URL in: ${first.out}`);
  const consent = await fetch(url, { redirect: "manual" });
  const location = consent.headers.get("location");
  if (consent.status !== 302 || !location) throw new Error(`authorize answered ${consent.status}`);
  return cli(w, ["token", "exchange", location]);
}

/** "Enable it on the app in Developer Center, then authorize again" (rootcause.scope.explanation). */
const PERSON_FIRST: Record<string, (w: World) => Promise<void> | void> = {
  "scope missing for orders": (w) => w.emu.control.setAppScopes(w.mall.mallId, w.mall.scopes),
  // "Ask the merchant to reinstall / renew the app" (rootcause.appDeleted / appExpired.explanation).
  "app deleted by the merchant": (w) => {
    w.emu.control.setAppState(w.mall.mallId, "active");
  },
  "app deleted by the merchant, no token stored": (w) => {
    w.emu.control.setAppState(w.mall.mallId, "active");
  },
  "app expired": (w) => {
    w.emu.control.setAppState(w.mall.mallId, "active");
  },
};

describe("every root cause's command succeeds in its scenario and clears the cause", () => {
  const stores = useStores("file");
  const runnable = SCENARIOS.filter((s) => s.command && RUNNABLE.has(s.command));

  it("covers the token commands of the matrix", () => {
    expect(new Set(runnable.map((s) => s.command))).toEqual(RUNNABLE);
  });

  it.each(runnable)("$name → $command", async (scenario: Scenario) => {
    const w = await world({ ...scenario.emulator, autoApprove: true }, stores);
    const before = await scenario.act(w);
    const command = before.rootCause?.command;
    expect(command).toBe(scenario.command);
    // What the root cause's explanation asks of a person before the command, where it asks anything.
    await PERSON_FIRST[scenario.name]?.(w);
    const result = command?.startsWith("cafe24-doctor token login")
      ? await login(w)
      : await cli(w, ["token", "refresh"]);
    expect(result.code, result.out).toBe(0);
    const after = await w.run();
    const codes = after.problems.map((p) => p.finding.code);
    expect(after.rootCause?.code, `after ${command}: ${codes.join(", ")}`).not.toBe(before.rootCause?.code);
  });
});

describe("--fix refreshes only where the root cause recommends a refresh", () => {
  const stores = useStores("file");

  it.each([
    ["access token expired", true],
    ["refresh token rotated elsewhere", false],
    ["token revoked", false],
  ] as const)("%s → %s", async (name, fixable) => {
    const scenario = SCENARIOS.find((s) => s.name === name);
    if (!scenario) throw new Error(`no scenario ${name}`);
    const run = await scenario.act(await world(scenario.emulator, stores));
    expect(canFixByRefresh(run)).toBe(fixable);
  });
});
