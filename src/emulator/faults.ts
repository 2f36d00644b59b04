import type { FaultRule } from "./options.js";
import type { Random } from "./prng.js";

export type FaultDecision =
  | { kind: "latency"; ms: number; phase: "before" | "after" }
  | { kind: "status"; status: 500 | 503 | 504; phase: "before" | "after" }
  | { kind: "reset"; phase: "before" | "after" }
  | { kind: "html"; phase: "before" | "after" }
  | { kind: "rate-limit"; phase: "before" | "after" };

/**
 * Decides, per request, which injected faults apply. Draws come from one seeded PRNG in request order, so a
 * sequential run replays identically under the same seed. Latency combines with at most one failing fault.
 */
export class FaultInjector {
  constructor(
    private rules: FaultRule[],
    private readonly random: Random,
  ) {}

  setRules(rules: FaultRule[]): void {
    this.rules = rules;
  }

  getRules(): readonly FaultRule[] {
    return this.rules;
  }

  decide(method: string, path: string): FaultDecision[] {
    const decisions: FaultDecision[] = [];
    let failing = false;
    for (const rule of this.rules) {
      if (rule.method && rule.method !== method) continue;
      if (rule.route && !path.startsWith(rule.route)) continue;
      if (this.random() >= rule.probability) continue;
      const phase = rule.phase;
      if (rule.kind === "latency") {
        const [min, max] = rule.latencyMs ?? [100, 100];
        decisions.push({ kind: "latency", ms: min + this.random() * Math.max(0, max - min), phase });
        continue;
      }
      if (failing) continue;
      failing = true;
      if (rule.kind === "status") decisions.push({ kind: "status", status: rule.status ?? 503, phase });
      else decisions.push({ kind: rule.kind, phase });
    }
    return decisions;
  }
}

/** Named profiles for the CLI's --faults flag. */
export const FAULT_PROFILES: Record<string, FaultRule[]> = {
  none: [],
  flaky: [
    { kind: "status", status: 503, probability: 0.2, phase: "before" },
    { kind: "reset", probability: 0.05, phase: "before" },
    { kind: "latency", latencyMs: [20, 200], probability: 1, phase: "before" },
  ],
  slow: [{ kind: "latency", latencyMs: [100, 100], probability: 1, phase: "before" }],
  down: [{ kind: "status", status: 503, probability: 1, phase: "before" }],
};
