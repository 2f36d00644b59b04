import { DoctorError } from "../errors/doctor-error.js";
import type { CheckDefinition, DoctorContext } from "./context.js";
import type { CheckId, CheckOutcome, CheckResult } from "./types.js";

export interface RunChecksHooks {
  onStart?: (id: CheckId) => void;
  onFinish?: (result: CheckResult) => void;
}

/**
 * Runs checks concurrently, each as soon as the checks it depends on have finished. The context's signal is
 * the global deadline: a check still running then is cut off and reported, so one black-holed service cannot
 * hang the diagnosis. A check that throws is a bug in the check, reported as such, never a crash.
 */
export async function runChecks(
  checks: readonly CheckDefinition[],
  ctx: DoctorContext,
  hooks: RunChecksHooks = {},
): Promise<CheckResult[]> {
  const started = new Map<CheckId, Promise<CheckResult>>();
  const byId = new Map(checks.map((c) => [c.id, c]));
  const deadline = deadlinePromise(ctx.signal);

  const start = (check: CheckDefinition): Promise<CheckResult> => {
    const existing = started.get(check.id);
    if (existing) return existing;
    const promise = (async () => {
      const deps: Partial<Record<CheckId, CheckResult>> = {};
      for (const id of check.dependsOn) {
        const dep = byId.get(id);
        if (dep) deps[id] = await start(dep);
      }
      hooks.onStart?.(check.id);
      const startedAt = ctx.now();
      const t0 = performance.now();
      const outcome = await Promise.race([runSafely(check, ctx, deps), deadline.then(() => timedOut())]);
      const result: CheckResult = {
        ...outcome,
        id: check.id,
        startedAt,
        durationMs: Math.round(performance.now() - t0),
      };
      hooks.onFinish?.(result);
      return result;
    })();
    started.set(check.id, promise);
    return promise;
  };

  return Promise.all(checks.map(start));
}

async function runSafely(
  check: CheckDefinition,
  ctx: DoctorContext,
  deps: Partial<Record<CheckId, CheckResult>>,
): Promise<CheckOutcome> {
  try {
    return await check.run(ctx, deps);
  } catch (error) {
    if (ctx.signal.aborted) return timedOut();
    const name = error instanceof DoctorError ? error.code : error instanceof Error ? error.name : "Error";
    return {
      status: "fail",
      summary: { key: "doctor.check.crashed", params: { error: name } },
      evidence: { error: name },
      findings: [
        {
          code: "CHECK_CRASHED",
          urgency: "medium",
          cause: { key: "doctor.check.crashed", params: { error: name } },
          remedy: { key: "doctor.check.crashed.remedy" },
          command: "cafe24-doctor check --debug",
        },
      ],
    };
  }
}

function timedOut(): CheckOutcome {
  return {
    status: "fail",
    summary: { key: "doctor.check.deadline" },
    evidence: {},
    findings: [
      {
        code: "DEADLINE_EXCEEDED",
        urgency: "medium",
        cause: { key: "doctor.check.deadline" },
        remedy: { key: "doctor.check.deadline.remedy" },
        command: "cafe24-doctor check --deadline 30",
      },
    ],
  };
}

/** Resolves when the deadline fires; never rejects, never keeps the process alive on its own. */
function deadlinePromise(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
}
