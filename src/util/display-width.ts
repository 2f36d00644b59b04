/**
 * How many terminal columns `text` takes: East Asian wide and fullwidth characters (Hangul, CJK, fullwidth
 * forms, most emoji) take two, combining marks and zero-width characters none, ANSI escape sequences none.
 * Enough to line up the columns of a Korean table; not a full Unicode width implementation.
 */
export function displayWidth(text: string): number {
  let width = 0;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are what is removed.
  for (const ch of text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "")) {
    const code = ch.codePointAt(0) ?? 0;
    if (isZeroWidth(code)) continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isZeroWidth(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code < 0xa0) ||
    (code >= 0x0300 && code <= 0x036f) || // combining diacritics
    (code >= 0x1160 && code <= 0x11ff) || // Hangul jungseong/jongseong (join the preceding choseong)
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0xfe00 && code <= 0xfe0f) // variation selectors
  );
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) || // Hangul choseong
    (code >= 0x2e80 && code <= 0x303e) || // CJK radicals, punctuation
    (code >= 0x3041 && code <= 0x33ff) || // kana, Hangul compatibility jamo, CJK symbols
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa960 && code <= 0xa97f) ||
    (code >= 0xac00 && code <= 0xd7a3) || // Hangul syllables
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) || // fullwidth forms
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** `text` followed by spaces up to `width` columns (as displayed, so Hangul counts twice). */
export function padEndDisplay(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Lines laid out as `label<two or more spaces>value` get their values lined up in one column, two spaces
 * after the widest label as the terminal shows it; other lines are left as they are. The catalogues pad with
 * spaces counted in characters, which puts a Korean label's value a column or more off.
 */
export function alignLabelColumn(lines: readonly string[]): string[] {
  const split = lines.map((line) => /^(\S+(?: \S+)*) {2,}(\S.*)$/.exec(line));
  const width = Math.max(0, ...split.map((m) => (m?.[1] ? displayWidth(m[1]) : 0)));
  return lines.map((line, i) => {
    const m = split[i];
    return m?.[1] && m[2] !== undefined ? `${padEndDisplay(m[1], width + 2)}${m[2]}` : line;
  });
}
