import type { Lang, Translate } from "../i18n/translate.js";

/** What every command gets from the program: language, translator, output streams. */
export interface CliContext {
  lang: Lang;
  /** Whether --lang was given (a config file's language applies only when it was not). */
  explicitLang: boolean;
  t: Translate;
  debug: boolean;
  out: (line: string) => void;
  err: (line: string) => void;
}
