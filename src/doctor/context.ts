import type { DoctorConfig } from "../config/doctor-config.js";
import type { TokenStore } from "../store/token-store.js";
import type { FetchLike, Now } from "../util/runtime.js";
import type { DoctorApi } from "./doctor-api.js";
import type { HttpLog } from "./http-log.js";
import type { CheckId, CheckOutcome, CheckResult, FindingCodeOf } from "./types.js";

/** Name resolution, injectable so tests can make a host unresolvable without touching DNS. */
export type LookupHost = (hostname: string) => Promise<{ address: string; family: number }>;

/** What every check gets. Nothing here can refresh a token: diagnosis never changes anything. */
export interface DoctorContext {
  config: DoctorConfig;
  /** "quick" (`cafe24-doctor`): one live call and one data call; "full" (`check`): every probe. */
  mode: "quick" | "full";
  now: Now;
  /** Aborts at the global deadline; pass it to every wait and request. */
  signal: AbortSignal;
  /** Budgeted, paced, logged, read-only Cafe24 Admin API access; undefined when the mall id is unknown. */
  api: DoctorApi | undefined;
  /** Logged fetch for the user's services and for raw network probes. */
  fetch: FetchLike;
  httpLog: HttpLog;
  /** Where the token is read from, never written (no refresh); a FileTokenStore also gets the file checks. */
  store: TokenStore;
  lookup: LookupHost;
  /** Whether the working directory's files are tracked by git (for the token-store check); injectable. */
  isTrackedByGit: (path: string) => Promise<boolean>;
}

/** Check `I`: it can report only the finding codes of its own table (FindingCodeOf). */
export interface CheckDefinition<I extends CheckId = CheckId> {
  id: I;
  /** Checks whose results (and facts) this one reads; it starts after them. */
  dependsOn: readonly CheckId[];
  run(
    ctx: DoctorContext,
    deps: Partial<Record<CheckId, CheckResult>>,
  ): Promise<CheckOutcome<FindingCodeOf<I>>>;
}
