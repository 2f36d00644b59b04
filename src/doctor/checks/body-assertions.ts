import type { BodyAssertion } from "../../config/doctor-config.js";
import { maskSecret } from "../../util/mask-secret.js";
import type { EvidenceValue } from "../types.js";

export interface FailedAssertion {
  path: string;
  expected: BodyAssertion["equals"];
  /** "boolean", "string", "absent", … */
  actualType: string;
  /** The actual value when it cannot be a secret, else masked. */
  actual: EvidenceValue;
}

/** The value at a dotted path (`token_status.valid`); array indexes are path segments too. */
export function valueAt(body: unknown, path: string): unknown {
  let current = body;
  for (const segment of path.split(".")) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** The first assertion the body breaks, or undefined when all hold. */
export function firstFailedAssertion(
  body: unknown,
  assertions: readonly BodyAssertion[],
): FailedAssertion | undefined {
  for (const assertion of assertions) {
    const value = valueAt(body, assertion.path);
    if (value === assertion.equals) continue;
    return {
      path: assertion.path,
      expected: assertion.equals,
      actualType: typeOf(value),
      actual: shown(value),
    };
  }
  return undefined;
}

function typeOf(value: unknown): string {
  if (value === undefined) return "absent";
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}

/** A short word like "expired" is a status; a longer or mixed string may be a token, so it is masked. */
const ENUM_LIKE = /^[A-Za-z_-]{1,20}$/;

function shown(value: unknown): EvidenceValue {
  if (value === null || typeof value === "boolean" || typeof value === "number") return value;
  if (typeof value === "string") return ENUM_LIKE.test(value) ? value : maskSecret(value);
  return `(${typeOf(value)})`;
}
