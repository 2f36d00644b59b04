import type { Language } from "./languages.js";

/** What the scan looks for; stable names (the JSON output and the expected-findings files use them). */
export type ScanRuleId = "REFRESHER" | "NAIVE_EXPIRY_PARSE" | "LITERAL_SECRET" | "NON_ATOMIC_TOKEN_WRITE";

export const SCAN_RULE_IDS: readonly ScanRuleId[] = [
  "REFRESHER",
  "NAIVE_EXPIRY_PARSE",
  "LITERAL_SECRET",
  "NON_ATOMIC_TOKEN_WRITE",
];

/** One place in the project: relative path, 1-based line, the line shortened and with credentials masked. */
export interface ScanFinding {
  rule: ScanRuleId;
  file: string;
  line: number;
  excerpt: string;
}

/** A source as the rules read it. */
export interface ScannedSource {
  rel: string;
  language: Language;
  /** The code view's lines (comments and docstrings blanked), 0-based. */
  lines: readonly string[];
}

/** A place a rule found: its 0-based line index, and any literal credential on it to mask in the excerpt. */
export interface RuleHit {
  index: number;
  secret?: string;
}

/** What the scan learnt from every source before the deferred rules run. */
export interface ProjectFacts {
  /** Names the project assigns Cafe24's token URL to (`CAFE24_TOKEN_URL = "https://…/api/v2/oauth/token"`). */
  tokenUrlNames: ReadonlySet<string>;
}

export interface SourceRule {
  id: ScanRuleId;
  /**
   * Runs after every source was read, on the sources `keeps` kept, with the project's facts (a refresher may
   * take Cafe24's token URL from a settings module).
   */
  deferred?: { keeps(code: string): boolean };
  find(source: ScannedSource, project: ProjectFacts): RuleHit[];
}
