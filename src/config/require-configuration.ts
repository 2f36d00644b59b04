import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import type { Translate } from "../i18n/translate.js";
import type { DoctorConfig } from "./doctor-config.js";

/** The folders looked in, for a message: the nearest first, the home-like tail kept short. */
export function searchedPlaces(config: Pick<DoctorConfig, "searched" | "cwd">): string {
  return (config.searched ?? [config.cwd]).join(", ");
}

/**
 * A diagnosis with nothing to diagnose could not run (exit 3, as the README's table says): no `.env`, no config
 * file and no CAFE24_* credential anywhere. Says where it looked, so a command run from the wrong folder says so.
 */
export function requireConfiguration(config: DoctorConfig, t: Translate): void {
  const nothing =
    !config.mallId &&
    !config.clientId &&
    !config.clientSecret &&
    config.configFile === undefined &&
    config.dotenvFile === undefined;
  if (!nothing) return;
  throw new DoctorError(ERROR_CODES.configInvalid, t("cli.noConfig"), {
    details: [
      t("cli.noConfig"),
      t("cli.noConfig.looked", { dirs: searchedPlaces(config) }),
      t("cli.noConfig.fix"),
    ],
  });
}
