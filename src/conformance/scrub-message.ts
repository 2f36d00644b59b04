import { scrubSecrets } from "../util/scrub-secrets.js";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A server message as it may be shared: Cafe24's words kept, anything that could be a value replaced by a
 * placeholder. `known` are the values this run knows to be private or sent by a probe (tokens, the secret, the
 * mall id, the made-up inputs): messages echo input, so each becomes `<value>`. Then everything shaped like a
 * credential, an e-mail, a phone number, an order id or a timestamp is replaced too.
 */
export function scrubMessage(message: string, known: readonly string[]): string {
  let out = message;
  const longestFirst = [...new Set(known)].filter((v) => v.length >= 3).sort((a, b) => b.length - a.length);
  for (const value of longestFirst) {
    for (const form of new Set([value, encodeURIComponent(value)])) {
      // Whole words only: a mall id may be a plain word ("shop") that Cafe24's own parameter names contain.
      out = out.replace(new RegExp(`(?<![\\w-])${escapeRegExp(form)}(?![\\w-])`, "gi"), "<value>");
    }
  }
  out = scrubSecrets(out, [], { maxLength: 500 });
  return out
    .replace(/[^\s@"'<>]+@[^\s@"'<>]+\.[A-Za-z]{2,}/g, "<email>")
    .replace(/\b\d{8}-\d{7}\b/g, "<order_id>")
    .replace(/\b0\d{1,2}-\d{3,4}-\d{4}\b/g, "<phone>")
    .replace(
      /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?/g,
      "<date>",
    );
}
