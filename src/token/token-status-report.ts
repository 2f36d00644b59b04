import { formatKstIso } from "../cafe24/kst.js";
import { FileTokenStore } from "../store/file-token-store.js";
import type { LegacyTrait } from "../store/token-file-format.js";
import type { TokenStatus } from "../tokens/token-manager.js";
import type { Now } from "../util/runtime.js";
import { type HealthVerdict, judgeHealth } from "./token-health.js";
import type { TokenSetup } from "./token-setup.js";
import { type Verification, verifyAccessToken } from "./verify-access-token.js";

export interface TokenStatusReport {
  status: TokenStatus;
  legacy: LegacyTrait[];
  verification: Verification | undefined;
  verdict: HealthVerdict;
  /** The instant the remaining times were computed at. */
  at: number;
}

/** Reads the stored token (no lock, no refresh) and, with `verify`, asks Cafe24 once whether it accepts it. */
export async function readTokenStatus(
  setup: TokenSetup,
  options: { verify?: boolean; now?: Now } = {},
): Promise<TokenStatusReport> {
  const now = options.now ?? Date.now;
  const status = await setup.manager.status();
  const stored = await setup.manager.current();
  // Legacy traits are a file's; other stores hold only what we wrote.
  const legacy =
    setup.store instanceof FileTokenStore ? ((await setup.store.inspect(setup.mallId))?.legacy ?? []) : [];
  const verification =
    options.verify && stored ? await verifyAccessToken(setup, stored.token, now) : undefined;
  return {
    status,
    legacy,
    verification,
    verdict: judgeHealth(status, verification),
    at: now(),
  };
}

/** The `--json` shape: instants in KST with offset, remaining times in seconds; no token values at all. */
export function tokenStatusJson(report: TokenStatusReport): Record<string, unknown> {
  const { status, verification, verdict } = report;
  const life = (l: TokenStatus["accessToken"]) => ({
    expiresAt: l.expiresAt === null ? null : formatKstIso(l.expiresAt),
    remainingSeconds: l.expiresAt === null ? null : Math.round((l.expiresAt - report.at) / 1000),
    expired: l.expiresAt !== null && l.expiresAt <= report.at,
  });
  return {
    mallId: status.mallId,
    location: status.location,
    accessToken: life(status.accessToken),
    refreshToken: life(status.refreshToken),
    scopes: status.scopes,
    receivedAt: status.receivedAt === null ? null : formatKstIso(status.receivedAt),
    legacy: report.legacy,
    ...(verification ? { verify: verification } : {}),
    health: verdict.health,
    exitCode: verdict.exitCode,
    next: verdict.next ?? null,
  };
}
