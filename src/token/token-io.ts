import type { Translate } from "../i18n/translate.js";

/** Where the token commands write: stdout for results, stderr for progress and warnings, in the user's language. */
export interface TokenIo {
  t: Translate;
  out: (line: string) => void;
  err: (line: string) => void;
  /** With `--json`: the command's result as fields (the authorize URL, whether anything was revoked). */
  result?: (fields: Record<string, unknown>) => void;
}
