import { resolve } from "node:path";
import { splitScopes } from "../cafe24/scopes.js";
import { DEFAULT_TOKEN_FILE } from "../store/file-token-store.js";
import { DEFAULT_REPORT_DIR } from "./config-file-schema.js";
import { pickEnvValues, readDotenv } from "./env-values.js";

/** What `cafe24-doctor init` asks; everything else in the starter config is a commented default. */
export interface InitAnswers {
  mallId?: string;
  redirectUri?: string;
  scopes: string[];
  /** Undefined: no X-Cafe24-Api-Version header, so Cafe24 uses the version set on the app. */
  apiVersion?: string;
  tokenFile: string;
  /** A deployed service's health URL, probed by the doctor. */
  serviceUrl?: string;
  reportDir: string;
}

/**
 * Read scopes for the calls the doctor itself makes (shop, products, categories, orders, the app's version):
 * a starting point when CAFE24_SCOPES is not set, to be matched to the app's permissions in Developer Center.
 */
export const STARTER_SCOPES: readonly string[] = [
  "mall.read_store",
  "mall.read_product",
  "mall.read_category",
  "mall.read_order",
  "mall.read_application",
];

export interface InitDefaultsOptions {
  cwd: string;
  /** @default process.env */
  env?: NodeJS.ProcessEnv;
}

/** Answers taken from CAFE24_* in the environment and `.env` (what `init --yes` writes, and init's defaults). */
export async function initDefaults(options: InitDefaultsOptions): Promise<InitAnswers> {
  const vars = pickEnvValues(options.env ?? process.env, await readDotenv(resolve(options.cwd)));
  return {
    mallId: vars.mallId?.value,
    redirectUri: vars.redirectUri?.value,
    scopes: vars.scopes ? splitScopes(vars.scopes.value) : [...STARTER_SCOPES],
    apiVersion: vars.apiVersion?.value,
    tokenFile: vars.tokenFile?.value ?? DEFAULT_TOKEN_FILE,
    reportDir: DEFAULT_REPORT_DIR,
  };
}
