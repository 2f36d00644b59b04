import { maskSecret } from "./mask-secret.js";

export interface ScrubOptions {
  /** Longest result, the closing `…` included. @default 1000 */
  maxLength?: number;
}

export const SCRUB_DEFAULT_MAX_LENGTH = 1000;
/** Text beyond this is not even looked at: error text is short, and a 10 MB body must not cost seconds. */
const MAX_INPUT = 65_536;
/** Known values shorter than this are not searched for: they would match ordinary words. */
const MIN_KNOWN = 4;
/** A run of this many characters of a known secret is a leak even when the rest was cut off. */
const FRAGMENT = 12;

/**
 * Marks a mask already put in (a private-use character, replaced in the input), so that later passes neither
 * re-mask it nor read it as a value.
 */
const HOLD = "\uE000";
const HELD = /\uE000(\d+)\uE000/g;

/** The characters of token68 (RFC 7235) and base64, also JSON-escaped (`\/`) or percent-encoded (`%2F`). */
const TOKEN_CHAR = String.raw`(?:[A-Za-z0-9._~+/=…-]|\\/|%2[BbFf]|%3[Dd])`;

/** `Bearer <token>` and `Basic <base64>`, also after `Authorization:` (where any value is a credential). */
const SCHEME = new RegExp(
  String.raw`((?:authorization\\?["']?\s*[:=]\s*\\?["']?)?)\b(bearer|basic)(\s+|%20|\+)(${TOKEN_CHAR}{4,})`,
  "gi",
);

/** Names whose value is a credential, in snake, kebab or camel case. */
const KEY =
  "access[_-]?token|refresh[_-]?token|id[_-]?token|client[_-]?secret|authorization|password|code|token";
const KEY_ONLY = new RegExp(`^(?:${KEY})$`, "i");
const KEY_IN = new RegExp(KEY, "i");

/**
 * `key=value`, `key: value`, `"key":"value"`, `'key': 'value'`, `\"key\":\"value\"` (JSON inside JSON) and
 * `key%3Dvalue` (a query inside a query). Groups: 1 the key and separator, 2 the separator itself, then the
 * value as 3 double-quoted, 4 escaped-double-quoted, 5 single-quoted or 6 bare (up to a space, `&` or `%26`,
 * a quote, `,`, `;` or a closing bracket: a secret is not always URL-encoded where it is echoed).
 */
const FIELD = new RegExp(
  String.raw`(?:(?<![A-Za-z0-9_])|(?<=%[0-9A-Fa-f]{2}))((?:\\?["'])?(?:${KEY})(?:\\?["'])?\s*(:|=|%3[Aa]|%3[Dd])\s*)` +
    String.raw`(?:"((?:[^"\\\r\n]|\\.)*)"|\\"((?:[^"\\\r\n]|\\[^"\r\n])*)\\"|'([^'\r\n]*)'|` +
    String.raw`((?:(?!%26)[^\s&"'\\,;)\]}]|\\/)+))`,
  "gi",
);

/**
 * Masks every secret in text that is about to be kept or shown (an error message, a log field, a status
 * page): (a) each `known` value (tokens, client secret, authorization code, Basic encodings), also
 * JSON-escaped, percent-encoded or cut down to a 12-character fragment; (b) anything shaped like a
 * credential whatever its value — `Bearer …`, `Basic …`, `access_token=…`, `"refresh_token":"…"`,
 * `client_secret`, `code=` in JSON, form, query or header form. Each secret becomes its `maskSecret` mask,
 * so the text still says what the server said. Idempotent; the result is at most `maxLength` long.
 */
export function scrubSecrets(
  text: string,
  known: readonly string[] = [],
  options: ScrubOptions = {},
): string {
  const masks: string[] = [];
  const hold = (secret: string): string => {
    masks.push(maskSecret(secret));
    return `${HOLD}${masks.length - 1}${HOLD}`;
  };
  let out = text.slice(0, MAX_INPUT).replaceAll(HOLD, "\uFFFD");
  for (const secret of searchable(known)) {
    out = out.replace(encodedForms(secret), () => hold(secret));
    out = maskFragments(out, secret, hold);
  }
  out = out.replace(SCHEME, (match, prefix: string, scheme: string, gap: string, value: string) =>
    isMasked(value) || (!prefix && !looksLikeCredential(value))
      ? match
      : `${prefix}${scheme}${gap}${hold(value)}`,
  );
  out = out.replace(FIELD, (match, head: string, separator: string, ...values: (string | undefined)[]) => {
    const [double, escaped, single, bare] = values;
    const value = double ?? escaped ?? single ?? bare ?? "";
    const key = KEY_IN.exec(head)?.[0] ?? "";
    const prose = bare !== undefined && separator === ":";
    if (!isCredentialValue(key, value, prose)) return match;
    const quote =
      double !== undefined ? '"' : escaped !== undefined ? '\\"' : single !== undefined ? "'" : "";
    return `${head}${quote}${hold(value)}${quote}`;
  });
  out = out.replace(HELD, (_, index: string) => masks[Number(index)] ?? "…");
  return bounded(out, options.maxLength ?? SCRUB_DEFAULT_MAX_LENGTH);
}

/** Whether a field name (an object key, a form field) holds a credential: `access_token`, `clientSecret`, … */
export function isCredentialKey(key: string): boolean {
  return KEY_ONLY.test(key);
}

/** Whether the value under a credential-named key is one (an error `code` of 422 or `invalid_grant` is not). */
export function isCredentialValue(key: string, value: string, prose = false): boolean {
  if (value === "" || isMasked(value)) return false;
  const name = key.toLowerCase().replace(/[-_]/g, "");
  if (name === "code") return looksLikeCode(value);
  // `Authorization: Bearer x` is the scheme rule's to mask; the scheme word itself is no secret.
  if (name === "authorization" && /^(bearer|basic)$/i.test(value)) return false;
  // After a colon a bare word may be prose ("the token: expired"); `=` and quotes mean a value.
  return !prose || looksLikeCredential(value);
}

function searchable(known: readonly string[]): string[] {
  return [...new Set(known)].filter((s) => s.length >= MIN_KNOWN).sort((a, b) => b.length - a.length);
}

/** The secret as written, JSON-escaped (`\/`, `\u002b`) or percent-encoded (`%2B`, `%2b`). */
function encodedForms(secret: string): RegExp {
  let pattern = "";
  for (const char of secret) {
    if (/[A-Za-z0-9]/.test(char)) {
      pattern += char;
      continue;
    }
    const alternatives = [escapeRegExp(char), caseless(encodeURIComponent(char))];
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x10000) alternatives.push(caseless(`\\u${code.toString(16).padStart(4, "0")}`));
    if (char === "/") alternatives.push(String.raw`\\/`);
    pattern += `(?:${[...new Set(alternatives)].join("|")})`;
  }
  return new RegExp(pattern, "g");
}

/** Masks any run of `FRAGMENT` or more characters of the secret (a truncated echo), widened to the full run. */
function maskFragments(text: string, secret: string, hold: (secret: string) => string): string {
  if (secret.length < FRAGMENT + 4) return text;
  let out = text;
  for (let i = 0; i + FRAGMENT <= secret.length; i++) {
    const piece = secret.slice(i, i + FRAGMENT);
    for (let at = out.indexOf(piece); at >= 0; at = out.indexOf(piece, at + 1)) {
      let start = at;
      let end = at + FRAGMENT;
      for (let s = i; start > 0 && s > 0 && out[start - 1] === secret[s - 1]; s--) start--;
      for (let e = i + FRAGMENT; end < out.length && e < secret.length && out[end] === secret[e]; e++) end++;
      out = out.slice(0, start) + hold(secret) + out.slice(end);
      at = start;
    }
  }
  return out;
}

/** What maskSecret makes: `…`, `ab…yz`, `abcd…wxyz`. */
const MASK = /^(?:…|[^…]{2}…[^…]{2}|[^…]{4}…[^…]{4})$/;

/** Masked already, by an earlier pass or an earlier scrub: left as it is, which makes scrubbing idempotent. */
const isMasked = (value: string): boolean => value.includes(HOLD) || MASK.test(value);

/** Long enough and random-looking: a digit, a capital after the first letter, or base64 punctuation. */
function looksLikeCredential(value: string): boolean {
  if (value.length >= 24) return true;
  return (
    value.length >= 8 && (/\d/.test(value) || /.[A-Z]/.test(value) || /[+/=_]|%2[BbFf]|%3[Dd]/.test(value))
  );
}

/** Authorization codes are long mixed-case runs; error codes are numbers, snake_case words or SHOUTING_CASE. */
function looksLikeCode(value: string): boolean {
  return value.length >= 12 && !/\s/.test(value) && /[a-z]/.test(value) && /[A-Z0-9]/.test(value);
}

function bounded(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text;
}

const escapeRegExp = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");

/** A pattern matching the text with its letters in either case (for hex digits in escapes). */
const caseless = (text: string): string =>
  escapeRegExp(text).replace(/[a-fA-F]/g, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
