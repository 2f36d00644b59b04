/** 긴급 / 높음 / 보통 / 낮음: how soon a finding needs a person. */
export type Urgency = "critical" | "high" | "medium" | "low";

/**
 * One check's vocabulary: its finding codes, each with the urgency it is reported at, and every message the
 * check says, in English and Korean. The codes are stable (tests, reports, users' scripts and the root-cause
 * analysis match on them); the doctor derives its `FindingCode` union from these tables, so a code that is in
 * no table does not compile.
 */
export interface CheckCatalogue<Code extends string, Key extends string> {
  /** Each code's urgency; a check may raise or lower it where the table's comment says so. */
  codes: Readonly<Record<Code, Urgency>>;
  en: Readonly<Record<Key, string>>;
  ko: Readonly<Record<Key, string>>;
}

/** Checks at compile time that `ko` has exactly the keys of `en`, and keeps the literal codes and keys. */
export function checkCatalogue<const Code extends string, const Key extends string>(catalogue: {
  codes: Readonly<Record<Code, Urgency>>;
  en: Readonly<Record<Key, string>>;
  ko: Readonly<Record<NoInfer<Key>, string>>;
}): CheckCatalogue<Code, Key> {
  return catalogue;
}

/** The finding codes of a catalogue. */
export type CodeOf<C extends { codes: object }> = keyof C["codes"] & string;
