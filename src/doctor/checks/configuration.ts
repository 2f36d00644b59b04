/*
 * Check 1 — configuration: are the settings every later check and command needs present and well-formed?
 * Only where each key came from is reported, never a value (the secret shows as "present"). Finding codes and
 * messages: src/i18n/doctor/checks/configuration.ts.
 */

import { mallBaseUrl } from "../../cafe24/mall-base-url.js";
import { isMallId } from "../../cafe24/mall-id.js";
import { isKnownScope } from "../../cafe24/scopes.js";
import type { DoctorConfig } from "../../config/doctor-config.js";
import { DoctorError, ERROR_CODES } from "../../errors/doctor-error.js";
import { configurationCatalogue } from "../../i18n/doctor/checks/configuration.js";
import type { CheckDefinition } from "../context.js";
import type { CheckOutcome, CheckStatus, EvidenceValue, Finding, FindingCodeOf } from "../types.js";
import { findingBuilder } from "./finding-of.js";
import { shellPath } from "./shell-path.js";

const INIT = "cafe24-doctor init";

const finding = findingBuilder(configurationCatalogue);
type Code = FindingCodeOf<"configuration">;

export const configurationCheck: CheckDefinition<"configuration"> = {
  id: "configuration",
  dependsOn: [],
  async run(ctx): Promise<CheckOutcome<Code>> {
    const { config } = ctx;
    const findings = [
      ...credentialFindings(config),
      ...baseUrlFindings(config),
      ...redirectUriFindings(config),
      ...scopeFindings(config),
      ...apiVersionFindings(config),
      ...legacyTokenFindings(config),
    ];
    const missing = findings.flatMap((f) => MISSING_ENV[f.code] ?? []);
    return {
      status: statusOf(findings),
      summary:
        missing.length > 0
          ? { key: "check.configuration.summary.missing", params: { names: missing.join(", ") } }
          : findings.length > 0
            ? { key: "check.configuration.summary.problems", params: { count: findings.length } }
            : { key: "check.configuration.summary.ok", params: sourceCounts(config) },
      evidence: evidenceOf(config),
      findings,
    };
  },
};

/** Findings that mean "not set", with the variable that sets it, for the summary line. */
const MISSING_ENV: Partial<Record<Code, string>> = {
  MALL_ID_MISSING: "CAFE24_MALL_ID",
  CLIENT_ID_MISSING: "CAFE24_CLIENT_ID",
  CLIENT_SECRET_MISSING: "CAFE24_CLIENT_SECRET",
};

function statusOf(findings: readonly Finding<Code>[]): CheckStatus {
  if (findings.some((f) => MISSING_ENV[f.code])) return "missing";
  if (findings.some((f) => f.urgency === "critical" || f.urgency === "high")) return "fail";
  return findings.length > 0 ? "warn" : "ok";
}

function credentialFindings(config: DoctorConfig): Finding<Code>[] {
  const findings: Finding<Code>[] = [];
  if (!config.mallId) {
    findings.push(
      finding("MALL_ID_MISSING", {
        text: "check.configuration.mallIdMissing",
        command: INIT,
      }),
    );
  } else if (!isMallId(config.mallId)) {
    findings.push(
      finding("MALL_ID_INVALID", {
        text: "check.configuration.mallIdInvalid",
        command: INIT,
      }),
    );
  }
  if (!config.clientId) {
    findings.push(
      finding("CLIENT_ID_MISSING", {
        text: "check.configuration.clientIdMissing",
        command: INIT,
      }),
    );
  }
  if (!config.clientSecret) {
    findings.push(
      finding("CLIENT_SECRET_MISSING", {
        text: "check.configuration.clientSecretMissing",
        command: INIT,
      }),
    );
  } else if (config.secretHadWhitespace === true || /^\s|\s$/.test(config.clientSecret)) {
    findings.push(
      finding("CLIENT_SECRET_WHITESPACE", {
        text: "check.configuration.clientSecretWhitespace",
        params: { source: sourceName(config, "clientSecret") },
      }),
    );
  }
  return findings;
}

/** The client's own rule (mallBaseUrl) decides, so the check and the calls can never disagree. */
function baseUrlFindings(config: DoctorConfig): Finding<Code>[] {
  if (!config.baseUrl) return [];
  const probeMall = config.mallId && isMallId(config.mallId) ? config.mallId : "mall";
  try {
    mallBaseUrl(probeMall, { baseUrl: config.baseUrl, allowInsecureLoopback: config.allowInsecureLoopback });
    return [];
  } catch (error) {
    const insecure = error instanceof DoctorError && error.code === ERROR_CODES.insecureUrl;
    return [
      finding(insecure ? "BASE_URL_INSECURE" : "BASE_URL_INVALID", {
        text: insecure ? "check.configuration.baseUrlInsecure" : "check.configuration.baseUrlInvalid",
      }),
    ];
  }
}

function redirectUriFindings(config: DoctorConfig): Finding<Code>[] {
  if (!config.redirectUri) {
    return [
      finding("REDIRECT_URI_MISSING", {
        text: "check.configuration.redirectUriMissing",
        command: INIT,
      }),
    ];
  }
  return URL.canParse(config.redirectUri) && /^https?:$/.test(new URL(config.redirectUri).protocol)
    ? []
    : [
        finding("REDIRECT_URI_INVALID", {
          text: "check.configuration.redirectUriInvalid",
          command: INIT,
        }),
      ];
}

function scopeFindings(config: DoctorConfig): Finding<Code>[] {
  const all = [...new Set([...config.scopes, ...config.requiredScopes])];
  if (all.length === 0) {
    return [
      finding("SCOPES_EMPTY", {
        text: "check.configuration.scopesEmpty",
        command: INIT,
      }),
    ];
  }
  const unknown = all.filter((scope) => !isKnownScope(scope));
  return unknown.length === 0
    ? []
    : [
        finding("SCOPES_UNKNOWN", {
          text: "check.configuration.scopesUnknown",
          params: { scopes: unknown.join(", ") },
          // Scope names are public vocabulary, not secrets.
          evidence: { unknownScopes: unknown },
        }),
      ];
}

/** Cafe24 versions are dates (yyyy-mm-dd); anything else is a typo the server would not explain. */
function apiVersionFindings(config: DoctorConfig): Finding<Code>[] {
  const version = config.apiVersion;
  if (version === undefined) return [];
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(version);
  const isDate =
    match !== null &&
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
      .toISOString()
      .startsWith(version);
  return isDate
    ? []
    : [
        finding("API_VERSION_INVALID", {
          text: "check.configuration.apiVersionInvalid",
        }),
      ];
}

/** A copied access token goes stale at the first refresh, and then every call that uses it fails. */
function legacyTokenFindings(config: DoctorConfig): Finding<Code>[] {
  if (!config.legacyAccessToken) return [];
  return [
    finding("LEGACY_ACCESS_TOKEN_SET", {
      text: "check.configuration.legacyAccessToken",
      params: { source: sourceName(config, "legacyAccessToken") },
      // Only a variable of this shell can be unset by a command; a file needs its line removed.
      command: config.sources.legacyAccessToken === "env" ? "unset CAFE24_ACCESS_TOKEN" : undefined,
    }),
  ];
}

/** Where a key came from, for messages: "env", or the .env or config file it was read from. */
function sourceName(config: DoctorConfig, key: string): string {
  const source = config.sources[key];
  if (source === "dotenv") return config.dotenvFile ? shellPath(config.dotenvFile, config.cwd) : ".env";
  if (source === "file" && config.configFile) return shellPath(config.configFile, config.cwd);
  return source ?? "env";
}

function sourceCounts(config: DoctorConfig): Record<string, number> {
  const sources = Object.values(config.sources);
  return {
    fromEnv: sources.filter((s) => s === "env").length,
    fromDotenv: sources.filter((s) => s === "dotenv").length,
    fromFile: sources.filter((s) => s === "file").length,
  };
}

function evidenceOf(config: DoctorConfig): Record<string, EvidenceValue> {
  return {
    sources: Object.entries(config.sources)
      .map(([key, source]) => `${key}=${source}`)
      .sort(),
    clientSecret: config.clientSecret ? "present" : "absent",
    configFile: config.configFile ? shellPath(config.configFile, config.cwd) : null,
    dotenvFile: config.dotenvFile ? shellPath(config.dotenvFile, config.cwd) : null,
    baseUrl: config.baseUrl ? (config.allowInsecureLoopback ? "loopback" : "custom") : "cafe24",
    legacyAccessToken: config.legacyAccessToken ? "present" : "absent",
  };
}
