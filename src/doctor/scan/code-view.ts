import type { Language } from "./languages.js";

/**
 * The source with its comments (and Python docstrings, Ruby =begin blocks) blanked out, same length and same
 * line breaks, strings kept: a refresh call shown in a comment or a docstring is documentation, not code, and
 * every offset still maps to the line a person would open.
 */
export function codeView(source: string, language: Language): string {
  const out = source.split("");
  const blank = (from: number, to: number) => {
    for (let i = from; i < to && i < out.length; i++) if (out[i] !== "\n") out[i] = " ";
  };
  const hashComments = language === "python" || language === "ruby" || language === "php";
  const slashComments = language !== "python" && language !== "ruby";
  const tripleQuotes = language === "python" || language === "kotlin" || language === "java";
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    const next = source[i + 1];
    if (language === "ruby" && c === "=" && atLineStart(source, i) && source.startsWith("=begin", i)) {
      const end = source.indexOf("\n=end", i);
      const stop = end < 0 ? source.length : end + 5;
      blank(i, stop);
      i = stop;
    } else if (slashComments && c === "/" && next === "/") {
      const stop = lineEnd(source, i);
      blank(i, stop);
      i = stop;
    } else if (slashComments && c === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end < 0 ? source.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (hashComments && c === "#" && !(language === "php" && next === "[")) {
      const stop = lineEnd(source, i);
      blank(i, stop);
      i = stop;
    } else if (tripleQuotes && (c === '"' || c === "'") && source.startsWith(c.repeat(3), i)) {
      const end = source.indexOf(c.repeat(3), i + 3);
      const stop = end < 0 ? source.length : end + 3;
      if (language === "python" && isDocstring(source, i)) blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'" || (c === "`" && language !== "python")) {
      i = stringEnd(source, i, c, language);
    } else {
      i++;
    }
  }
  return out.join("");
}

function lineEnd(source: string, from: number): number {
  const end = source.indexOf("\n", from);
  return end < 0 ? source.length : end;
}

function atLineStart(source: string, at: number): boolean {
  return at === 0 || source[at - 1] === "\n";
}

/** A triple-quoted string that is a statement of its own (only indentation before it, no operator above). */
function isDocstring(source: string, at: number): boolean {
  let j = at - 1;
  while (j >= 0 && (source[j] === " " || source[j] === "\t")) j--;
  if (j >= 0 && source[j] !== "\n") return false;
  while (j >= 0 && /\s/.test(source[j] as string)) j--;
  return j < 0 || !/[=([{,+%]/.test(source[j] as string);
}

/** Past the closing quote; a string left open ends at its line (or, for raw/template strings, the file). */
function stringEnd(source: string, at: number, quote: string, language: Language): number {
  const multiline = quote === "`";
  // Go's raw strings and JavaScript's templates take no escapes that matter here; a backslash in Go's is literal.
  const escapes = !(quote === "`" && language === "go");
  let i = at + 1;
  while (i < source.length) {
    const c = source[i];
    if (escapes && c === "\\") i += 2;
    else if (c === quote) return i + 1;
    else if (c === "\n" && !multiline && language !== "ruby" && language !== "php") return i;
    else i++;
  }
  return i;
}
