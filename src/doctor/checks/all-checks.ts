import type { CheckDefinition } from "../context.js";
import { apiVersionCheck } from "./api-version.js";
import { appModulesCheck } from "./app-modules.js";
import { authenticationCheck } from "./authentication.js";
import { clockCheck } from "./clock.js";
import { codeScanCheck } from "./code-scan.js";
import { configurationCheck } from "./configuration.js";
import { dataApisCheck } from "./data-apis.js";
import { networkCheck } from "./network.js";
import { projectFilesCheck } from "./project-files.js";
import { rateLimitCheck } from "./rate-limit.js";
import { redisCheck } from "./redis.js";
import { scopeCoverageCheck } from "./scope-coverage.js";
import { servicesCheck } from "./services.js";
import { tokenLifetimesCheck } from "./token-lifetimes.js";
import { tokenStoreCheck } from "./token-store.js";

/**
 * `check`: all twelve, in report order (the runner starts each as soon as its dependencies are done), then Redis,
 * which runDoctor keeps only when the store is a RedisTokenStore, then the project's files and its code.
 */
export const ALL_CHECKS: readonly CheckDefinition[] = [
  configurationCheck,
  tokenStoreCheck,
  tokenLifetimesCheck,
  clockCheck,
  networkCheck,
  authenticationCheck,
  scopeCoverageCheck,
  dataApisCheck,
  rateLimitCheck,
  apiVersionCheck,
  appModulesCheck,
  servicesCheck,
  redisCheck,
  projectFilesCheck,
  codeScanCheck,
];

/**
 * `diagnose`: what the old quick diagnosis looked at — configuration, the token (local state and a live call),
 * the data API, deployed services and app modules — plus the checks those need.
 */
const QUICK = new Set([
  "configuration",
  "token-store",
  "token-lifetimes",
  // No call of its own (the Date header of answers already received): a 9-hour clock makes every token look
  // expired, and the quick diagnosis must not send that to a refresh.
  "clock",
  "network",
  "authentication",
  "scope-coverage",
  "data-apis",
  // From the answers already there (no call of its own): a refused version is named here as in `check`.
  "api-version",
  "services",
  "app-modules",
  "redis",
  "project-files",
]);
export const QUICK_CHECKS: readonly CheckDefinition[] = ALL_CHECKS.filter((c) => QUICK.has(c.id));
