import { literalSecretRule } from "./rules/literal-secret.js";
import { naiveExpiryRule } from "./rules/naive-expiry.js";
import { nonAtomicWriteRule } from "./rules/non-atomic-write.js";
import { refresherRule } from "./rules/refresher.js";
import type { SourceRule } from "./scan-types.js";

/** Every rule the scan applies to each source, in the order findings are listed. */
export const SOURCE_RULES: readonly SourceRule[] = [
  refresherRule,
  naiveExpiryRule,
  literalSecretRule,
  nonAtomicWriteRule,
];
