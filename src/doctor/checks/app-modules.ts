/**
 * Check 11 — app modules: every file of the user's app listed in `modules` exists (relative to the working
 * directory) and, with `import: true`, loads. The old toolkit reported these as `[누락]`. Imports run in a
 * worker thread with a timeout, so a module that hangs, loops or starts a server cannot hang the diagnosis.
 * Finding codes and messages: src/i18n/doctor/checks/app-modules.ts.
 */
import { stat } from "node:fs/promises";
import { extname, resolve } from "node:path";
import type { ModuleSpec } from "../../config/doctor-config.js";
import { appModulesCatalogue } from "../../i18n/doctor/checks/app-modules.js";
import { abortError } from "../../util/runtime.js";
import type { CheckDefinition, DoctorContext } from "../context.js";
import type { CheckOutcome, EvidenceValue, Finding, FindingCodeOf } from "../types.js";
import { findingBuilder } from "./finding-of.js";
import { type ImportOutcome, importInWorker } from "./import-in-worker.js";

/** Longest wait for one import; the global deadline still applies. */
const DEFAULT_IMPORT_TIMEOUT_MS = 5_000;

const IMPORTABLE = new Set([".js", ".mjs", ".cjs"]);

const finding = findingBuilder(appModulesCatalogue);
type Code = FindingCodeOf<"app-modules">;

type Settled = Exclude<ImportOutcome, { kind: "aborted" }>;

type ModuleResult =
  | { spec: ModuleSpec; state: "present" | "missing" | "notImportable" }
  | { spec: ModuleSpec; state: "import"; outcome: Settled };

/** The check with a given import timeout (tests use a short one). */
export function createAppModulesCheck(
  options: { importTimeoutMs?: number } = {},
): CheckDefinition<"app-modules"> {
  const timeoutMs = options.importTimeoutMs ?? DEFAULT_IMPORT_TIMEOUT_MS;
  return {
    id: "app-modules",
    dependsOn: [],
    async run(ctx) {
      if (ctx.config.modules.length === 0) {
        return {
          status: "skipped",
          summary: { key: "check.app-modules.skipped.none" },
          evidence: {},
          findings: [],
        };
      }
      const results = await Promise.all(ctx.config.modules.map((spec) => inspect(spec, ctx, timeoutMs)));
      return outcome(results);
    },
  };
}

export const appModulesCheck = createAppModulesCheck();

async function inspect(spec: ModuleSpec, ctx: DoctorContext, timeoutMs: number): Promise<ModuleResult> {
  const file = resolve(ctx.config.cwd, spec.path);
  const exists = await stat(file).then(
    () => true,
    () => false,
  );
  if (!exists) return { spec, state: "missing" };
  if (!spec.import) return { spec, state: "present" };
  if (!IMPORTABLE.has(extname(file))) return { spec, state: "notImportable" };
  const result = await importInWorker(file, timeoutMs, ctx.signal);
  if (result.kind === "aborted") throw abortError(ctx.signal);
  return { spec, state: "import", outcome: result };
}

function outcome(results: ModuleResult[]): CheckOutcome<Code> {
  const evidence: Record<string, EvidenceValue> = {};
  const findings: Finding<Code>[] = [];
  for (const r of results) {
    evidence[r.spec.path] = r.state === "import" ? describe(r.outcome) : r.state;
    const finding = findingFor(r);
    if (finding) findings.push(finding);
  }
  const missing = results.filter((r) => r.state === "missing").map((r) => r.spec.path);
  const broken = results
    .filter((r) => r.state === "import" && r.outcome.kind !== "imported")
    .map((r) => r.spec.path);
  if (missing.length > 0) {
    return {
      status: "missing",
      summary: {
        key: "check.app-modules.summary.missing",
        params: { paths: missing.join(", "), count: missing.length },
      },
      evidence,
      findings,
    };
  }
  if (broken.length > 0) {
    return {
      status: "fail",
      summary: { key: "check.app-modules.summary.broken", params: { paths: broken.join(", ") } },
      evidence,
      findings,
    };
  }
  return {
    status: "ok",
    summary: { key: "check.app-modules.summary.ok", params: { count: results.length } },
    evidence,
    findings,
  };
}

function describe(outcome: Settled): string {
  if (outcome.kind === "threw") return `threw ${outcome.name}`;
  return outcome.kind;
}

function findingFor(r: ModuleResult): Finding<Code> | undefined {
  const path = r.spec.path;
  if (r.state === "missing") {
    return finding("MODULE_MISSING", {
      cause: { key: "check.app-modules.MODULE_MISSING.cause", params: { path } },
      remedy: { key: "check.app-modules.MODULE_MISSING.remedy", params: { path } },
      command: `git restore -- ${path}`,
      evidence: { path },
    });
  }
  if (r.state !== "import" || r.outcome.kind === "imported") return undefined;
  if (r.outcome.kind === "timeout") {
    return finding("MODULE_IMPORT_TIMEOUT", {
      cause: { key: "check.app-modules.MODULE_IMPORT_TIMEOUT.cause", params: { path } },
      remedy: { key: "check.app-modules.MODULE_IMPORT_TIMEOUT.remedy" },
      command: `node ${path}`,
      evidence: { path },
    });
  }
  const { name, message } = r.outcome;
  return finding("MODULE_IMPORT_FAILED", {
    cause: { key: "check.app-modules.MODULE_IMPORT_FAILED.cause", params: { path, name, message } },
    remedy: { key: "check.app-modules.MODULE_IMPORT_FAILED.remedy" },
    command: `node ${path}`,
    evidence: { path, error: name, message },
  });
}
