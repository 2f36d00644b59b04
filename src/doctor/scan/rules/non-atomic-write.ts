import type { Language } from "../languages.js";
import type { RuleHit, ScannedSource, SourceRule } from "../scan-types.js";

/** A write that truncates the file it names first; group 1 is the path expression where the language has one. */
const IN_PLACE_WRITE: Readonly<Record<Language, RegExp>> = {
  python: /\bopen\s*\(\s*([^,]+?)\s*,\s*(?:mode\s*=\s*)?["']w[bt+]?["']|([\w.()"'/]+?)\.write_text\s*\(/,
  javascript: /\b(?:writeFileSync|writeFile)\s*\(\s*([^,]+?)\s*,/,
  php: /\bfile_put_contents\s*\(\s*([^,]+?)\s*,|\bfopen\s*\(\s*([^,]+?)\s*,\s*["']w/,
  java: /\bFiles\.(?:write|writeString)\s*\(\s*([^,]+?)\s*,|\bnew\s+FileWriter\s*\(\s*([^,)]+)/,
  kotlin:
    /\bFiles\.(?:write|writeString)\s*\(\s*([^,]+?)\s*,|\bnew\s+FileWriter\s*\(\s*([^,)]+)|\bFileWriter\s*\(\s*([^,)]+)|([\w.()"'/]+?)\.writeText\s*\(/,
  ruby: /\bFile\.write\s*\(\s*([^,]+?)\s*,|\bFile\.open\s*\(\s*([^,]+?)\s*,\s*["']w/,
  go: /\b(?:os|ioutil)\.WriteFile\s*\(\s*([^,]+?)\s*,/,
};

/** The data written is the token (json.dump(token, f), JSON.stringify(tokens), json_encode($token)). */
const TOKEN_DATA =
  /(?:json\.dumps?|JSON\.stringify|json_encode|to_json|Marshal\w*|writeValueAsString|encodeToString)\s*\(\s*[\w$.[\]'"]*token|token\w*\.to_json/i;
/** The temp side of temp+rename, or a writer that does it for you. */
const TEMP_PATH = /te?mp|\.part\b|\.new\b|atomic/i;
/** A rename (or an atomic writer) near the write: the write goes to a temp file that replaces the real one. */
const ATOMIC_NEARBY =
  /\bos\.replace\s*\(|\bos\.rename\s*\(|\bshutil\.move\s*\(|\brenameSync\s*\(|\brename\s*\(|\bFiles\.move\s*\(|ATOMIC_MOVE|\bFile\.rename\b|\bFileUtils\.mv\b|\bos\.Rename\s*\(|\brenameTo\s*\(|atomic|NamedTemporaryFile|mkstemp/i;
const NEARBY_LINES = 15;
/** Lines after `open(path, "w")` that may hold the json.dump of the token. */
const BODY_LINES = 5;

/**
 * NON_ATOMIC_TOKEN_WRITE: the token file rewritten in place. A crash or a kill between truncate and write
 * leaves it empty or half-written — and since Cafe24 rotated the refresh token on the refresh that produced
 * it, the only copy of the live one is gone. Flags in-place writes whose path or data is the token, with no
 * temp file renamed over it nearby.
 */
export const nonAtomicWriteRule: SourceRule = {
  id: "NON_ATOMIC_TOKEN_WRITE",
  find(source: ScannedSource): RuleHit[] {
    const { lines } = source;
    const write = IN_PLACE_WRITE[source.language];
    const hits: RuleHit[] = [];
    lines.forEach((line, index) => {
      const match = write.exec(line);
      if (!match) return;
      const target = match.slice(1).find((group) => group !== undefined) ?? "";
      if (TEMP_PATH.test(target)) return;
      const body = lines.slice(index, index + BODY_LINES + 1).join("\n");
      if (!/token/i.test(target) && !TOKEN_DATA.test(body)) return;
      const around = lines.slice(Math.max(0, index - NEARBY_LINES), index + NEARBY_LINES + 1).join("\n");
      if (ATOMIC_NEARBY.test(around)) return;
      hits.push({ index });
    });
    return hits;
  },
};
