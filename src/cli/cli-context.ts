import type { Lang, Translate } from "../i18n/translate.js";

/** What every command gets from the program: language, translator, output streams. */
export interface CliContext {
  lang: Lang;
  t: Translate;
  debug: boolean;
  out: (line: string) => void;
  err: (line: string) => void;
}
