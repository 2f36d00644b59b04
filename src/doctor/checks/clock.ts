/*
 * Check 4 — clock: does this host's clock agree with Cafe24's? Compares ctx.now() with the `Date` header of
 * an answer already received (the authentication call, or the network probe) — it never makes a call of
 * its own. A skew of about nine hours is the classic trap: the clock was set to Korean wall time while the
 * system believes it is UTC (or the reverse), so every token looks expired, or valid, when it is not.
 * Finding codes and messages: src/i18n/doctor/checks/clock.ts.
 */
import { formatKstIso, KST_OFFSET_MS } from "../../cafe24/kst.js";
import { clockCatalogue } from "../../i18n/doctor/checks/clock.js";
import type { CheckDefinition } from "../context.js";
import { factsOf } from "../facts.js";
import type { CheckId, CheckOutcome, CheckResult, EvidenceValue, FindingCodeOf } from "../types.js";
import { findingBuilder } from "./finding-of.js";
import { formatOffset, hostTimeZone, zoneOffsetMs } from "./time-zone.js";

const finding = findingBuilder(clockCatalogue);

/** Beyond this the token expiry math is visibly wrong (design.md: 30 s is the usual tolerance). */
const MAX_SKEW_MS = 60_000;
/** How close to ±9 h counts as the time-zone trap rather than a clock that merely drifted. */
const TRAP_TOLERANCE_MS = 5 * 60_000;

export interface ClockCheckOptions {
  /** The host's IANA zone, for the evidence. @default the runtime's */
  timeZone?: () => string;
  /** Picks the command that turns on time sync. @default process.platform */
  platform?: NodeJS.Platform;
}

export function createClockCheck(options: ClockCheckOptions = {}): CheckDefinition<"clock"> {
  const timeZone = options.timeZone ?? hostTimeZone;
  const platform = options.platform ?? process.platform;
  return {
    id: "clock",
    dependsOn: ["network", "authentication"],
    async run(ctx, deps): Promise<CheckOutcome<FindingCodeOf<"clock">>> {
      const zone = timeZone();
      const reading =
        serverReading(ctx.api?.latestWith("date")?.headers?.get("date"), ctx.now()) ?? networkReading(deps);
      const zoneEvidence: Record<string, EvidenceValue> = {
        hostTimeZone: zone,
        hostUtcOffset: formatOffset(zoneOffsetMs(zone, ctx.now()) ?? 0),
      };
      if (!reading) {
        return {
          status: "skipped",
          summary: { key: "check.clock.summary.noServerTime" },
          evidence: zoneEvidence,
          findings: [],
        };
      }
      const skew = reading.localMs - reading.serverMs;
      const seconds = Math.round(skew / 1000);
      const evidence = {
        ...zoneEvidence,
        localTime: formatKstIso(reading.localMs),
        serverTime: formatKstIso(reading.serverMs),
        skewSeconds: seconds,
        serverTimeFrom: reading.from,
      };
      const command = ntpCommand(platform);
      if (Math.abs(Math.abs(skew) - KST_OFFSET_MS) <= TRAP_TOLERANCE_MS) {
        return {
          status: "fail",
          summary: { key: skew > 0 ? "check.clock.summary.nineAhead" : "check.clock.summary.nineBehind" },
          evidence,
          findings: [
            finding("CLOCK_NINE_HOUR_SKEW", {
              text: skew > 0 ? "check.clock.nineAhead" : "check.clock.nineBehind",
              params: { zone, command },
              command,
            }),
          ],
        };
      }
      if (Math.abs(skew) > MAX_SKEW_MS) {
        return {
          status: "warn",
          summary: {
            key: skew > 0 ? "check.clock.summary.ahead" : "check.clock.summary.behind",
            params: { seconds: Math.abs(seconds) },
          },
          evidence,
          findings: [
            finding("CLOCK_SKEW", {
              text: "check.clock.skew",
              params: { seconds, command },
              command,
            }),
          ],
        };
      }
      return {
        status: "ok",
        summary: { key: "check.clock.summary.ok", params: { seconds: Math.abs(seconds), zone } },
        evidence,
        findings: [],
      };
    },
  };
}

export const clockCheck = createClockCheck();

interface Reading {
  serverMs: number;
  localMs: number;
  from: "api" | "network";
}

/** The Admin API answer's Date, read against the clock now (the answer is at most seconds old). */
function serverReading(date: string | null | undefined, localMs: number): Reading | undefined {
  const serverMs = Date.parse(date ?? "");
  return Number.isNaN(serverMs) ? undefined : { serverMs, localMs, from: "api" };
}

function networkReading(deps: Partial<Record<CheckId, CheckResult>>): Reading | undefined {
  const clock = factsOf(deps, "network")?.serverClock;
  return clock && { ...clock, from: "network" };
}

/** The one command that makes the system keep its clock right, per platform. */
export function ntpCommand(platform: NodeJS.Platform): string {
  if (platform === "darwin") return "sudo sntp -sS time.apple.com";
  if (platform === "win32") return "w32tm /resync";
  return "timedatectl set-ntp true";
}
