import { apiVersionCatalogue } from "./api-version.js";
import { appModulesCatalogue } from "./app-modules.js";
import { authenticationCatalogue } from "./authentication.js";
import { clockCatalogue } from "./clock.js";
import { codeScanCatalogue } from "./code-scan.js";
import { configurationCatalogue } from "./configuration.js";
import { dataApisCatalogue } from "./data-apis.js";
import { networkCatalogue } from "./network.js";
import { projectFilesCatalogue } from "./project-files.js";
import { rateLimitCatalogue } from "./rate-limit.js";
import { redisCatalogue } from "./redis.js";
import { scopeCoverageCatalogue } from "./scope-coverage.js";
import { servicesCatalogue } from "./services.js";
import { tokenLifetimesCatalogue } from "./token-lifetimes.js";
import { tokenStoreCatalogue } from "./token-store.js";

/** Each check's catalogue (the twelve, and Redis), by check id: where the doctor's finding codes come from. */
export const CHECK_CATALOGUES = {
  configuration: configurationCatalogue,
  "token-store": tokenStoreCatalogue,
  "token-lifetimes": tokenLifetimesCatalogue,
  clock: clockCatalogue,
  network: networkCatalogue,
  authentication: authenticationCatalogue,
  "scope-coverage": scopeCoverageCatalogue,
  "data-apis": dataApisCatalogue,
  "rate-limit": rateLimitCatalogue,
  "api-version": apiVersionCatalogue,
  "app-modules": appModulesCatalogue,
  services: servicesCatalogue,
  redis: redisCatalogue,
  "project-files": projectFilesCatalogue,
  "code-scan": codeScanCatalogue,
};

/** The checks' English messages, for en.ts. */
export const checksEn = {
  ...configurationCatalogue.en,
  ...tokenStoreCatalogue.en,
  ...tokenLifetimesCatalogue.en,
  ...clockCatalogue.en,
  ...networkCatalogue.en,
  ...authenticationCatalogue.en,
  ...scopeCoverageCatalogue.en,
  ...dataApisCatalogue.en,
  ...rateLimitCatalogue.en,
  ...apiVersionCatalogue.en,
  ...appModulesCatalogue.en,
  ...servicesCatalogue.en,
  ...redisCatalogue.en,
  ...projectFilesCatalogue.en,
  ...codeScanCatalogue.en,
};

/** The checks' Korean messages, for ko.ts (each catalogue's type already pins them to its English keys). */
export const checksKo = {
  ...configurationCatalogue.ko,
  ...tokenStoreCatalogue.ko,
  ...tokenLifetimesCatalogue.ko,
  ...clockCatalogue.ko,
  ...networkCatalogue.ko,
  ...authenticationCatalogue.ko,
  ...scopeCoverageCatalogue.ko,
  ...dataApisCatalogue.ko,
  ...rateLimitCatalogue.ko,
  ...apiVersionCatalogue.ko,
  ...appModulesCatalogue.ko,
  ...servicesCatalogue.ko,
  ...redisCatalogue.ko,
  ...projectFilesCatalogue.ko,
  ...codeScanCatalogue.ko,
};
