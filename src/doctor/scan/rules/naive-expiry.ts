import type { Language } from "../languages.js";
import type { RuleHit, ScannedSource, SourceRule } from "../scan-types.js";

/** Cafe24's raw expiry fields; in JavaScript only the raw snake_case name (camelCase there is usually epoch ms). */
const RAW_EXPIRY = /\b(?:refresh_token_)?expires_at\b/;
const ANY_EXPIRY =
  /\b(?:refresh_token_)?expires_at\b|\b(?:refreshToken)?[eE]xpiresAt\b|\bRefreshTokenExpiresAt\b/;

/** A parse that yields naive (host-zone) or UTC time unless a zone is attached, per language. */
const NAIVE_PARSE: Readonly<Record<Language, RegExp>> = {
  python:
    /\b(?:datetime\.)?(?:strptime|fromisoformat)\s*\(|\bparser\.(?:parse|isoparse)\s*\(|\bisoparse\s*\(|\bto_datetime\s*\(|\barrow\.get\s*\(|\bpendulum\.parse\s*\(/,
  javascript:
    /\bnew\s+Date\s*\(|\bDate\.parse\s*\(|\bdayjs(?:\.utc)?\s*\(|\bmoment(?:\.utc)?\s*\(|\bDateTime\.fromISO\s*\(|\bparseISO\s*\(/,
  php: /\bstrtotime\s*\(|\bnew\s+\\?DateTime(?:Immutable)?\s*\(|\bDateTime(?:Immutable)?::createFromFormat\s*\(|\bdate_create\s*\(|\bCarbon::parse\s*\(/,
  java: /\bLocalDateTime\.parse\s*\(/,
  kotlin: /\bLocalDateTime\.parse\s*\(/,
  ruby: /\b(?:Time|DateTime)\.(?:parse|strptime|iso8601)\b/,
  go: /\btime\.Parse\s*\(/,
};

/** Naive `utcnow()` held against an expiry: off by nine hours against Cafe24's KST. */
const UTCNOW_AGAINST_EXPIRY =
  /utcnow\(\)\s*[<>]=?[^=]*expir|expir[^=<>]*[<>]=?\s*(?:datetime\.)?(?:datetime\.)?utcnow\(\)/i;

/** Korea's zone named in the statement (or a variable for it). */
const KST = /Asia\/Seoul|\bKST\b|\bkst\b|\+09:?00|hours\s*=\s*9\b|ofHours\(\s*9\s*\)|Seoul/i;
/** A zone attached to the parsed value; it is Korea's when the file defines Korea's zone somewhere. */
const ZONE_ATTACHED =
  /tzinfo\s*=|\.localize\s*\(|\.astimezone\s*\(|\batZone\s*\(|\bZoneId\b|\bZoneOffset\b|\bParseInLocation\b|\bDateTimeZone\b|\.tz\s*\(|\bin:\s*|\.in_time_zone\b|\bsetTimezone\s*\(/;
/** An epoch number, not Cafe24's text: `new Date(session.expires_at * 1000)`. */
const EPOCH = /\*\s*1000\b|fromtimestamp|unix/i;
/** The answer of watch's token endpoint carries its offset (+09:00): parsing that is right. */
const READS_WATCH_ENDPOINT = /\/access-token\b/;

/** How many lines after the parse may still attach the zone (`.replace(tzinfo=KST)` on the next line). */
const STATEMENT_LINES = 3;

/**
 * NAIVE_EXPIRY_PARSE: Cafe24's expires_at is KST without an offset ("2026-12-03T21:00:00.000"). Parsed as
 * naive it takes the host's zone; parsed as UTC, or compared with utcnow(), it is nine hours off — tokens look
 * valid long after they died (or dead long before). Flags the parse of an expiry field unless Korea's zone is
 * attached in the same statement.
 */
export const naiveExpiryRule: SourceRule = {
  id: "NAIVE_EXPIRY_PARSE",
  find(source: ScannedSource): RuleHit[] {
    const { lines, language } = source;
    const text = lines.join("\n");
    if (READS_WATCH_ENDPOINT.test(text)) return [];
    const fileNamesKst = KST.test(text);
    // PHP: a default zone of Seoul set in the file makes strtotime and DateTime read KST.
    if (language === "php" && /date_default_timezone_set\s*\(\s*["']Asia\/Seoul/.test(text)) return [];
    const expiry = language === "javascript" ? RAW_EXPIRY : ANY_EXPIRY;
    const parse = NAIVE_PARSE[language];
    const hits: RuleHit[] = [];
    lines.forEach((line, index) => {
      if (language === "python" && UTCNOW_AGAINST_EXPIRY.test(line)) {
        hits.push({ index });
        return;
      }
      const at = line.search(parse);
      if (at < 0 || !expiry.test(line.slice(at)) || EPOCH.test(line)) return;
      const statement = lines.slice(index, index + STATEMENT_LINES).join("\n");
      if (KST.test(statement) || (fileNamesKst && ZONE_ATTACHED.test(statement))) return;
      hits.push({ index });
    });
    return hits;
  },
};
