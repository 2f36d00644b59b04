import type { RuleHit, ScannedSource, SourceRule } from "../scan-types.js";
import { looksLikeCredential } from "./credential-literal.js";

/** Names that hold a credential, in snake, camel or upper case, with any prefix (CAFE24_CLIENT_SECRET). */
const NAME = "[A-Za-z0-9_$]*?(?:client_?secret|access_?token|refresh_?token)";
const VALUE = String.raw`(["'\x60])([^"'\x60\s]{16,512})\1`;

/** `NAME = "…"`, `NAME := "…"`, `$NAME = '…'`, `val NAME: String = "…"`, `final String NAME = "…"`. */
const ASSIGNED = new RegExp(
  String.raw`(?<![\w$])\$?${NAME}\s*(?::\s*[\w<>\[\]?.]+\s*)?(?::=|=(?![=>~]))\s*${VALUE}`,
  "gi",
);
/** `"NAME": "…"`, `NAME: "…"`, `'NAME' => '…'`, `"NAME" to "…"`, `put("NAME", "…")`, `getenv("NAME", "…")`. */
const KEYED = new RegExp(
  String.raw`(?<![\w$])["']?:?${NAME}["']?\s*(?:=>|:(?!:)|,|\s+to\s+)\s*${VALUE}`,
  "gi",
);

/**
 * LITERAL_SECRET: an access token, refresh token or client secret written into the source. It travels with
 * every clone, and a token copied in is dead at the next refresh anyway. Placeholders, empty strings and
 * lookups of the environment are not literals of a credential (looksLikeCredential).
 */
export const literalSecretRule: SourceRule = {
  id: "LITERAL_SECRET",
  find(source: ScannedSource): RuleHit[] {
    const hits: RuleHit[] = [];
    source.lines.forEach((line, index) => {
      for (const pattern of [ASSIGNED, KEYED]) {
        for (const match of line.matchAll(pattern)) {
          const value = match[2] as string;
          if (looksLikeCredential(value)) {
            hits.push({ index, secret: value });
            return;
          }
        }
      }
    });
    return hits;
  },
};
