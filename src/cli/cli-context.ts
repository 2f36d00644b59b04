import type { DoctorConfig } from "../config/doctor-config.js";
import type { Lang, Translate } from "../i18n/translate.js";
import type { TokenStore } from "../store/token-store.js";

/** What every command gets from the program: language, output, where it runs, the token store, its exit code. */
export interface CliContext {
  lang: Lang;
  /** Whether --lang was given (a config file's language applies only when it was not). */
  explicitLang: boolean;
  t: Translate;
  debug: boolean;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Where the configuration (.env, cafe24-doctor.config.json) is looked for. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  /**
   * The token store the configuration names: the one seam every command takes its store from. The command
   * owns what it gets; runCli closes every store handed out when the command ends (a Redis store holds
   * sockets).
   */
  storeFor: (config: DoctorConfig) => TokenStore;
  /** Records the command's exit code (documented in the README); the last one recorded is returned. */
  exit: (code: number) => void;
}
