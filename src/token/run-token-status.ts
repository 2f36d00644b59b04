import type { Now } from "../util/runtime.js";
import { followTokenStatus } from "./follow-token-status.js";
import { renderTokenStatus } from "./render-token-status.js";
import { judgeHealth } from "./token-health.js";
import type { TokenIo } from "./token-io.js";
import type { TokenSetup } from "./token-setup.js";
import { readTokenStatus, tokenStatusJson } from "./token-status-report.js";

export interface TokenStatusOptions {
  verify?: boolean;
  json?: boolean;
  /** A live countdown, given a terminal to redraw on and a signal that ends it (Ctrl-C). */
  follow?: { write: (text: string) => void; signal: AbortSignal };
  now?: Now;
}

/** `token status`: exit 0 healthy, 1 refresh token within 3 days, 2 expired or re-authorization needed. */
export async function runTokenStatus(
  setup: TokenSetup,
  io: TokenIo,
  options: TokenStatusOptions,
): Promise<number> {
  const read = () =>
    readTokenStatus(setup, { verify: options.verify ?? false, ...(options.now ? { now: options.now } : {}) });
  let report = await read();
  if (options.json) {
    io.out(JSON.stringify(tokenStatusJson(report), null, 2));
    return report.verdict.exitCode;
  }
  if (!options.follow) {
    for (const line of renderTokenStatus(report, io.t)) io.out(line);
    return report.verdict.exitCode;
  }
  // The live call is made once; each redraw only re-reads the file and recomputes the countdown.
  const verification = report.verification;
  let first = true;
  await followTokenStatus({
    draw: async () => {
      if (!first) {
        const again = await readTokenStatus(setup, options.now ? { now: options.now } : {});
        report = verification
          ? { ...again, verification, verdict: judgeHealth(again.status, verification) }
          : again;
      }
      first = false;
      return [...renderTokenStatus(report, io.t), io.t("token.status.followHint")];
    },
    write: options.follow.write,
    signal: options.follow.signal,
  });
  return 0;
}
