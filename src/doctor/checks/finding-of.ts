import type { MessageKey } from "../../i18n/en.js";
import type { EvidenceValue, Finding, Urgency } from "../types.js";

/** Message prefixes that have both a `.cause` and a `.remedy` key, so a finding can never miss either text. */
export type FindingText = {
  [K in MessageKey]: K extends `${infer P}.cause` ? (`${P}.remedy` extends MessageKey ? P : never) : never;
}[MessageKey];

export interface FindingSpec {
  code: string;
  urgency: Urgency;
  /** Prefix of the `.cause` and `.remedy` messages. */
  text: FindingText;
  /** Placeholders of both messages. */
  params?: Record<string, string | number>;
  command?: string | undefined;
  evidence?: Record<string, EvidenceValue>;
}

/** A Finding whose cause and remedy come from one message prefix. */
export function findingOf(spec: FindingSpec): Finding {
  const params = spec.params ? { params: spec.params } : {};
  return {
    code: spec.code,
    urgency: spec.urgency,
    cause: { key: `${spec.text}.cause` as MessageKey, ...params },
    remedy: { key: `${spec.text}.remedy` as MessageKey, ...params },
    ...(spec.command ? { command: spec.command } : {}),
    ...(spec.evidence ? { evidence: spec.evidence } : {}),
  };
}
