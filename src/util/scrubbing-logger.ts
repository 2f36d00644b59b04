import type { Logger } from "./runtime.js";
import { scrubSecrets } from "./scrub-secrets.js";
import { scrubSecretsDeep } from "./scrub-secrets-deep.js";

/**
 * Passes every line on with anything shaped like a credential masked, in the message and in every structured
 * field (a `reason` is often an error message, and error messages quote servers). For long-running processes
 * whose logs are kept: `watch`.
 */
export function scrubbingLogger(logger: Logger, known: readonly string[] = []): Logger {
  const line =
    (level: keyof Logger) =>
    (fields: Record<string, unknown>, message: string): void =>
      logger[level](
        scrubSecretsDeep(fields, known, { maxLength: 500 }) as Record<string, unknown>,
        scrubSecrets(message, known, { maxLength: 500 }),
      );
  return { debug: line("debug"), info: line("info"), warn: line("warn"), error: line("error") };
}
