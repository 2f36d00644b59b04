import { createInterface } from "node:readline";
import { createColors } from "picocolors";
import type { z } from "zod";
import { splitScopes } from "../cafe24/scopes.js";
import type { MessageKey } from "../i18n/en.js";
import { createTranslator, type Lang } from "../i18n/translate.js";
import { apiVersionSchema, httpUrlSchema, mallIdSchema, scopeListSchema } from "./config-fields.js";
import type { InitAnswers } from "./init-answers.js";

/** One question of `cafe24-doctor init`: Enter keeps the default shown in brackets. */
export interface InitQuestion {
  key: keyof InitAnswers;
  prompt: MessageKey;
  /** The answer as text, for the brackets. */
  show(answers: InitAnswers): string | undefined;
  /** The typed (non-blank) answer, or the problem with it in English. */
  parse(text: string): { value: InitAnswers[keyof InitAnswers] } | { problem: string };
}

/** Validated by the config file's own field schemas, so init cannot write what the loader would refuse. */
function by(schema: z.ZodType, toValue: (text: string) => unknown = (text) => text) {
  return (text: string) => {
    const value = toValue(text);
    const result = schema.safeParse(value);
    return result.success
      ? { value: value as InitAnswers[keyof InitAnswers] }
      : { problem: result.error.issues.map((issue) => issue.message).join("; ") };
  };
}

const asIs = (text: string) => ({ value: text });

export const initQuestions: readonly InitQuestion[] = [
  { key: "mallId", prompt: "config.init.prompt.mallId", show: (a) => a.mallId, parse: by(mallIdSchema) },
  {
    key: "redirectUri",
    prompt: "config.init.prompt.redirectUri",
    show: (a) => a.redirectUri,
    parse: by(httpUrlSchema("https://myapp.example.com/oauth/callback")),
  },
  {
    key: "scopes",
    prompt: "config.init.prompt.scopes",
    show: (a) => a.scopes.join(","),
    parse: by(scopeListSchema, splitScopes),
  },
  {
    key: "apiVersion",
    prompt: "config.init.prompt.apiVersion",
    show: (a) => a.apiVersion,
    parse: by(apiVersionSchema),
  },
  { key: "tokenFile", prompt: "config.init.prompt.tokenFile", show: (a) => a.tokenFile, parse: asIs },
  {
    key: "serviceUrl",
    prompt: "config.init.prompt.serviceUrl",
    show: (a) => a.serviceUrl,
    parse: by(httpUrlSchema("https://myapp.example.com/health")),
  },
  { key: "reportDir", prompt: "config.init.prompt.reportDir", show: (a) => a.reportDir, parse: asIs },
];

export interface RunInitInteractiveOptions {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  lang: Lang;
  /** Starting answers, usually initDefaults() (the current environment). */
  defaults: InitAnswers;
}

/**
 * Asks each question on `stdout`, reading answers line by line from `stdin` (a terminal or a pipe). A blank
 * line keeps the default; an invalid answer is explained and asked again; end of input keeps the remaining
 * defaults, so `printf 'myshop\n' | cafe24-doctor init` works.
 */
export async function runInitInteractive(options: RunInitInteractiveOptions): Promise<InitAnswers> {
  const t = createTranslator(options.lang);
  const color = createColors(options.stdout.isTTY === true);
  const say = (text: string) => options.stdout.write(text);
  // The async iterator buffers lines, so answers piped in before their question are not lost.
  const reader = createInterface({ input: options.stdin, terminal: false });
  const lines = reader[Symbol.asyncIterator]();
  const answers: InitAnswers = { ...options.defaults };
  try {
    say(`${t("config.init.intro")}\n`);
    for (const question of initQuestions) {
      const shown = question.show(answers);
      const hint = shown ? `[${shown}]` : `(${t("config.init.optional")})`;
      for (;;) {
        say(`${color.cyan("?")} ${t(question.prompt)} ${color.dim(hint)}: `);
        const next = await lines.next();
        const text = next.done ? "" : String(next.value).trim();
        if (next.done) say("\n");
        if (text === "") break;
        const parsed = question.parse(text);
        if ("value" in parsed) {
          Object.assign(answers, { [question.key]: parsed.value });
          break;
        }
        say(`  ${color.yellow(t("config.init.invalid", { problem: parsed.problem }))}\n`);
      }
    }
  } finally {
    reader.close();
  }
  return answers;
}
