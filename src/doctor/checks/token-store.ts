/*
 * Check 2 — token store: is the mall's token there, and in a shape we understand? In a token file, also: is
 * the file private, out of git, and free of the client secret? Publishes the token (or the legacy env copy) for
 * the checks after it. Finding codes and messages: src/i18n/doctor/checks/token-store.ts.
 */
import { stat } from "node:fs/promises";
import { isMallId } from "../../cafe24/mall-id.js";
import type { TokenSet } from "../../cafe24/token-set.js";
import { DoctorError, ERROR_CODES } from "../../errors/doctor-error.js";
import { tokenStoreCatalogue } from "../../i18n/doctor/checks/token-store.js";
import { FileTokenStore } from "../../store/file-token-store.js";
import type { TokenFileContents } from "../../store/token-file-format.js";
import type { StoredToken } from "../../store/token-store.js";
import type { CheckDefinition, DoctorContext } from "../context.js";
import { facts } from "../facts.js";
import type { CheckOutcome, EvidenceValue, Finding, FindingCodeOf } from "../types.js";
import { findingBuilder } from "./finding-of.js";
import { safeText } from "./safe-text.js";
import { shellPath } from "./shell-path.js";

const LOGIN = "cafe24-doctor token login";

const finding = findingBuilder(tokenStoreCatalogue);
type Code = FindingCodeOf<"token-store">;
type Outcome = CheckOutcome<Code>;

const noToken = () => facts("token-store", { token: undefined, source: "none", legacy: [] });

export const tokenStoreCheck: CheckDefinition<"token-store"> = {
  id: "token-store",
  dependsOn: [],
  async run(ctx): Promise<Outcome> {
    const { mallId } = ctx.config;
    if (!mallId || !isMallId(mallId)) {
      return {
        status: "skipped",
        summary: { key: "check.token-store.summary.noMallId" },
        evidence: {},
        findings: [],
        facts: noToken(),
      };
    }
    // Only a file has permission bits, a place in git and the old toolkit's extras to look at.
    return ctx.store instanceof FileTokenStore
      ? inspectFile(ctx, ctx.store, mallId)
      : inspectStore(ctx, mallId);
  },
};

async function inspectFile(ctx: DoctorContext, store: FileTokenStore, mallId: string): Promise<Outcome> {
  const path = store.pathFor(mallId);
  const file = shellPath(path, ctx.config.cwd);
  const mode = await fileMode(path);
  if (mode === "absent") return missing(ctx, mallId, { file });

  const read = await readContents(store, mallId, file);
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
      facts: noToken(),
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
}

/** Any other store (memory, Redis, an app's own): is the token there, and readable as one? */
async function inspectStore(ctx: DoctorContext, mallId: string): Promise<Outcome> {
  const location = ctx.store.location;
  let stored: StoredToken | undefined;
  try {
    stored = await ctx.store.get(mallId);
  } catch (error) {
    const invalid = error instanceof DoctorError && error.code === ERROR_CODES.tokenFileInvalid;
    const code = error instanceof DoctorError ? error.code : error instanceof Error ? error.name : "error";
    return {
      status: "fail",
      summary: {
        key: invalid ? "check.token-store.summary.storeInvalid" : "check.token-store.summary.storeUnreadable",
        params: { location },
      },
      evidence: { store: location, ...(invalid ? { problems: problemsOf(error) } : { error: code }) },
      findings: [
        invalid
          ? finding("TOKEN_INVALID", {
              text: "check.token-store.storeInvalid",
              params: { location, mallId },
              command: LOGIN,
            })
          : finding("TOKEN_STORE_UNREADABLE", {
              text: "check.token-store.storeUnreadable",
              params: { location, error: code },
            }),
      ],
      facts: noToken(),
    };
  }
  if (!stored) return missing(ctx, mallId, { location });
  return {
    status: "ok",
    summary: { key: "check.token-store.summary.stored", params: { location } },
    evidence: { store: location, scopes: stored.token.scopes.length },
    findings: [],
    facts: facts("token-store", { token: stored.token, source: "store", legacy: [] }),
  };
}

/** Permission bits of the file; undefined when stat fails otherwise (reading it then says why). */
async function fileMode(path: string): Promise<number | undefined | "absent"> {
  try {
    return (await stat(path)).mode & 0o777;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "absent" : undefined;
  }
}

/** Nothing stored: only the old toolkit's CAFE24_ACCESS_TOKEN, if set, stands in for the token. */
function missing(
  ctx: DoctorContext,
  mallId: string,
  where: { file: string } | { location: string },
): Outcome {
  const legacy = ctx.config.legacyAccessToken;
  const inFile = "file" in where;
  return {
    status: "missing",
    summary: inFile
      ? {
          key: legacy ? "check.token-store.summary.missingEnv" : "check.token-store.summary.missing",
          params: where,
        }
      : {
          key: legacy
            ? "check.token-store.summary.storeMissingEnv"
            : "check.token-store.summary.storeMissing",
          params: { ...where, mallId },
        },
    evidence: {
      ...(inFile ? where : { store: where.location }),
      exists: false,
      legacyEnvToken: Boolean(legacy),
    },
    findings: [
      inFile
        ? finding("TOKEN_FILE_MISSING", { text: "check.token-store.missing", params: where, command: LOGIN })
        : finding("TOKEN_MISSING", {
            text: "check.token-store.storeMissing",
            params: { ...where, mallId },
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
      finding: Finding<Code>;
    };

async function readContents(store: FileTokenStore, mallId: string, file: string): Promise<ReadResult> {
  let contents: TokenFileContents | undefined;
  try {
    contents = await store.inspect(mallId);
  } catch (error) {
    if (error instanceof DoctorError && error.code === ERROR_CODES.tokenFileInvalid) {
      return {
        summary: "check.token-store.summary.invalid",
        evidence: { problems: problemsOf(error) },
        finding: finding("TOKEN_FILE_INVALID", {
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
      finding: finding("TOKEN_FILE_UNREADABLE", {
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
    finding: finding("TOKEN_FILE_OTHER_MALL", {
      text: "check.token-store.otherMall",
      params: { file, mallId },
      command: `CAFE24_TOKEN_FILE='./tokens/{mall_id}.json' ${LOGIN}`,
    }),
  };
}

/** The parser names keys and shapes, not values; masking anyway keeps a future message from leaking. */
function problemsOf(error: DoctorError): string[] {
  return error.details.slice(0, 5).map((problem) => safeText(problem));
}

/** Problems of where the file lives and who can read it; they matter even when the file is unusable. */
async function hygieneFindings(
  ctx: DoctorContext,
  path: string,
  file: string,
  mode: number | undefined,
): Promise<{ findings: Finding<Code>[]; evidence: Record<string, EvidenceValue> }> {
  const findings: Finding<Code>[] = [];
  // Windows has no POSIX modes; stat reports 0o666 for every writable file.
  if (process.platform !== "win32" && mode !== undefined && (mode & 0o077) !== 0) {
    findings.push(
      finding("TOKEN_FILE_READABLE_BY_OTHERS", {
        text: "check.token-store.readableByOthers",
        params: { file, mode: mode.toString(8) },
        command: `chmod 600 ${file}`,
      }),
    );
  }
  const tracked = await ctx.isTrackedByGit(path).catch(() => false);
  if (tracked) {
    findings.push(
      finding("TOKEN_FILE_TRACKED_BY_GIT", {
        text: "check.token-store.trackedByGit",
        params: { file },
        command: `git rm --cached ${file} && echo ${file} >> .gitignore`,
      }),
    );
  }
  return { findings, evidence: { trackedByGit: tracked } };
}

/** Traits of the old toolkit's files; the client secret has its own, more urgent finding. */
function contentFindings(contents: TokenFileContents, file: string): Finding<Code>[] {
  const findings: Finding<Code>[] = [];
  if (contents.hasClientSecret) {
    findings.push(
      finding("TOKEN_FILE_HAS_CLIENT_SECRET", {
        text: "check.token-store.clientSecret",
        params: { file },
        command: `CAFE24_TOKEN_FILE=${file} cafe24-doctor token refresh`,
      }),
    );
  }
  const legacy = contents.legacy.filter((trait) => trait !== "client-secret");
  if (legacy.length > 0) {
    findings.push(
      finding("TOKEN_FILE_LEGACY_FORMAT", {
        text: "check.token-store.legacyFormat",
        params: { file, traits: legacy.join(", ") },
        command: "cafe24-doctor token refresh",
        evidence: { legacyTraits: legacy },
      }),
    );
  }
  return findings;
}
