/*
 * Check 2 — token store: is the token file there, readable, in a shape we understand, private, out of git,
 * and free of the client secret? Publishes the token (or the legacy env copy) for the checks after it.
 *
 * Finding codes (stable):
 *   TOKEN_FILE_MISSING        critical  cafe24-doctor token login
 *   TOKEN_FILE_INVALID        critical  cafe24-doctor token login  (or restore the file from a backup)
 *   TOKEN_FILE_UNREADABLE     critical  —  (permissions or I/O)
 *   TOKEN_FILE_OTHER_MALL     critical  CAFE24_TOKEN_FILE='./tokens/{mall_id}.json' cafe24-doctor token login
 *   TOKEN_FILE_READABLE_BY_OTHERS  high  chmod 600 <file>
 *   TOKEN_FILE_TRACKED_BY_GIT      high  git rm --cached <file> && echo <file> >> .gitignore
 *   TOKEN_FILE_HAS_CLIENT_SECRET   high  CAFE24_TOKEN_FILE=<file> cafe24-doctor token refresh  (rewrites it without)
 *   TOKEN_FILE_LEGACY_FORMAT  low       cafe24-doctor token refresh  (rewritten in the current format)
 */
import { stat } from "node:fs/promises";
import { isMallId } from "../../cafe24/mall-id.js";
import type { TokenSet } from "../../cafe24/token-set.js";
import { DoctorError, ERROR_CODES } from "../../errors/doctor-error.js";
import type { TokenFileContents } from "../../store/token-file-format.js";
import type { CheckDefinition, DoctorContext } from "../context.js";
import { facts } from "../facts.js";
import type { CheckOutcome, EvidenceValue, Finding } from "../types.js";
import { findingOf } from "./finding-of.js";
import { safeText } from "./safe-text.js";
import { shellPath } from "./shell-path.js";

const LOGIN = "cafe24-doctor token login";

export const tokenStoreCheck: CheckDefinition = {
  id: "token-store",
  dependsOn: [],
  async run(ctx): Promise<CheckOutcome> {
    const { mallId } = ctx.config;
    if (!mallId || !isMallId(mallId)) {
      return {
        status: "skipped",
        summary: { key: "check.token-store.summary.noMallId" },
        evidence: {},
        findings: [],
        facts: facts("token-store", { token: undefined, source: "none", legacy: [] }),
      };
    }
    const path = ctx.store.pathFor(mallId);
    const file = shellPath(path, ctx.config.cwd);
    const mode = await fileMode(path);
    if (mode === "absent") return missing(ctx, mallId, file);

    const read = await readContents(ctx, mallId, file);
    const hygiene = await hygieneFindings(ctx, path, file, mode);
    const evidence: Record<string, EvidenceValue> = {
      file,
      mode: mode === undefined ? null : mode.toString(8).padStart(3, "0"),
      ...hygiene.evidence,
    };
    if (!("contents" in read)) {
      return {
        status: "fail",
        summary: { key: read.summary, params: { file } },
        evidence: { ...evidence, ...read.evidence },
        findings: [read.finding, ...hygiene.findings],
        facts: facts("token-store", { token: undefined, source: "none", legacy: [] }),
      };
    }
    const { contents } = read;
    const findings = [...contentFindings(contents, file), ...hygiene.findings];
    return {
      status: findings.length > 0 ? "warn" : "ok",
      summary: { key: "check.token-store.summary.ok", params: { file } },
      evidence: {
        ...evidence,
        legacyTraits: contents.legacy,
        hasClientSecret: contents.hasClientSecret,
        scopes: contents.token.scopes.length,
      },
      findings,
      facts: facts("token-store", { token: contents.token, source: "file", legacy: contents.legacy }),
    };
  },
};

/** Permission bits of the file; undefined when stat fails otherwise (reading it then says why). */
async function fileMode(path: string): Promise<number | undefined | "absent"> {
  try {
    return (await stat(path)).mode & 0o777;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "absent" : undefined;
  }
}

function missing(ctx: DoctorContext, mallId: string, file: string): CheckOutcome {
  const legacy = ctx.config.legacyAccessToken;
  return {
    status: "missing",
    summary: {
      key: legacy ? "check.token-store.summary.missingEnv" : "check.token-store.summary.missing",
      params: { file },
    },
    evidence: { file, exists: false, legacyEnvToken: Boolean(legacy) },
    findings: [
      findingOf({
        code: "TOKEN_FILE_MISSING",
        urgency: "critical",
        text: "check.token-store.missing",
        params: { file },
        command: LOGIN,
      }),
    ],
    facts: facts("token-store", {
      token: legacy ? envToken(mallId, legacy) : undefined,
      source: legacy ? "env" : "none",
      legacy: [],
    }),
  };
}

/** What the old toolkit's CAFE24_ACCESS_TOKEN tells: the access token and nothing else (see CheckFacts). */
function envToken(mallId: string, accessToken: string): TokenSet {
  return {
    mallId,
    accessToken,
    accessTokenExpiresAt: Number.NaN,
    refreshToken: "",
    refreshTokenExpiresAt: Number.NaN,
    scopes: [],
    issuedAt: null,
  };
}

type ReadResult =
  | { contents: TokenFileContents }
  | {
      summary:
        | "check.token-store.summary.invalid"
        | "check.token-store.summary.unreadable"
        | "check.token-store.summary.otherMall";
      evidence: Record<string, EvidenceValue>;
      finding: Finding;
    };

async function readContents(ctx: DoctorContext, mallId: string, file: string): Promise<ReadResult> {
  let contents: TokenFileContents | undefined;
  try {
    contents = await ctx.store.inspect(mallId);
  } catch (error) {
    if (error instanceof DoctorError && error.code === ERROR_CODES.tokenFileInvalid) {
      return {
        summary: "check.token-store.summary.invalid",
        // The parser names keys and shapes, not values; masking anyway keeps a future message from leaking.
        evidence: { problems: error.details.slice(0, 5).map((problem) => safeText(problem)) },
        finding: findingOf({
          code: "TOKEN_FILE_INVALID",
          urgency: "critical",
          text: "check.token-store.invalid",
          params: { file },
          command: LOGIN,
        }),
      };
    }
    const code = (error as { cause?: NodeJS.ErrnoException }).cause?.code ?? "error";
    return {
      summary: "check.token-store.summary.unreadable",
      evidence: { error: code },
      finding: findingOf({
        code: "TOKEN_FILE_UNREADABLE",
        urgency: "critical",
        text: "check.token-store.unreadable",
        params: { file, error: code },
      }),
    };
  }
  if (contents) return { contents };
  // The file exists (we stat-ed it) but inspect() disowned it: it holds another mall's token.
  return {
    summary: "check.token-store.summary.otherMall",
    evidence: {},
    finding: findingOf({
      code: "TOKEN_FILE_OTHER_MALL",
      urgency: "critical",
      text: "check.token-store.otherMall",
      params: { file, mallId },
      command: `CAFE24_TOKEN_FILE='./tokens/{mall_id}.json' ${LOGIN}`,
    }),
  };
}

/** Problems of where the file lives and who can read it; they matter even when the file is unusable. */
async function hygieneFindings(
  ctx: DoctorContext,
  path: string,
  file: string,
  mode: number | undefined,
): Promise<{ findings: Finding[]; evidence: Record<string, EvidenceValue> }> {
  const findings: Finding[] = [];
  // Windows has no POSIX modes; stat reports 0o666 for every writable file.
  if (process.platform !== "win32" && mode !== undefined && (mode & 0o077) !== 0) {
    findings.push(
      findingOf({
        code: "TOKEN_FILE_READABLE_BY_OTHERS",
        urgency: "high",
        text: "check.token-store.readableByOthers",
        params: { file, mode: mode.toString(8) },
        command: `chmod 600 ${file}`,
      }),
    );
  }
  const tracked = await ctx.isTrackedByGit(path).catch(() => false);
  if (tracked) {
    findings.push(
      findingOf({
        code: "TOKEN_FILE_TRACKED_BY_GIT",
        urgency: "high",
        text: "check.token-store.trackedByGit",
        params: { file },
        command: `git rm --cached ${file} && echo ${file} >> .gitignore`,
      }),
    );
  }
  return { findings, evidence: { trackedByGit: tracked } };
}

/** Traits of the old toolkit's files; the client secret has its own, more urgent finding. */
function contentFindings(contents: TokenFileContents, file: string): Finding[] {
  const findings: Finding[] = [];
  if (contents.hasClientSecret) {
    findings.push(
      findingOf({
        code: "TOKEN_FILE_HAS_CLIENT_SECRET",
        urgency: "high",
        text: "check.token-store.clientSecret",
        params: { file },
        command: `CAFE24_TOKEN_FILE=${file} cafe24-doctor token refresh`,
      }),
    );
  }
  const legacy = contents.legacy.filter((trait) => trait !== "client-secret");
  if (legacy.length > 0) {
    findings.push(
      findingOf({
        code: "TOKEN_FILE_LEGACY_FORMAT",
        urgency: "low",
        text: "check.token-store.legacyFormat",
        params: { file, traits: legacy.join(", ") },
        command: "cafe24-doctor token refresh",
        evidence: { legacyTraits: legacy },
      }),
    );
  }
  return findings;
}
