import type { CheckCatalogue } from "../../i18n/doctor/checks/check-catalogue.js";
import type { MessageKey } from "../../i18n/en.js";
import type { EvidenceValue, Finding, FindingCode, Urgency } from "../types.js";

type Params = Record<string, string | number>;

/** Message prefixes among `Key` with both a `.cause` and a `.remedy` key, so neither text can be missing. */
export type FindingText<Key extends string> = {
  [K in Key]: K extends `${infer P}.cause` ? (`${P}.remedy` extends Key ? P : never) : never;
}[Key];

/** One of the check's own messages. */
interface OwnMessage<Key extends string> {
  key: Key;
  params?: Params;
}

export type FindingSpec<Key extends string> = (
  | {
      /** Prefix of the `.cause` and `.remedy` messages. */
      text: FindingText<Key>;
      /** Placeholders of both messages. */
      params?: Params;
    }
  | { cause: OwnMessage<Key>; remedy: OwnMessage<Key> }
) & {
  /** Instead of the table's urgency, where the table's comment on the code says when. */
  urgency?: Urgency;
  command?: string | undefined;
  evidence?: Record<string, EvidenceValue>;
};

/**
 * How one check words its findings: only codes from its catalogue's table (which also sets their urgency) and
 * only its own messages, so a check cannot report a code, or borrow a text, that is not in its catalogue.
 */
export function findingBuilder<Code extends FindingCode, Key extends MessageKey>(
  catalogue: CheckCatalogue<Code, Key>,
): (code: Code, spec: FindingSpec<Key>) => Finding<Code> {
  return (code, spec) => {
    const told =
      "text" in spec
        ? {
            cause: { key: `${spec.text}.cause` as Key, ...(spec.params ? { params: spec.params } : {}) },
            remedy: { key: `${spec.text}.remedy` as Key, ...(spec.params ? { params: spec.params } : {}) },
          }
        : { cause: spec.cause, remedy: spec.remedy };
    return {
      code,
      urgency: spec.urgency ?? catalogue.codes[code],
      ...told,
      ...(spec.command ? { command: spec.command } : {}),
      ...(spec.evidence ? { evidence: spec.evidence } : {}),
    };
  };
}
