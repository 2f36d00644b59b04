import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { InitAnswers } from "../../src/config/init-answers.js";
import { initQuestions, runInitInteractive } from "../../src/config/run-init-interactive.js";
import type { Lang } from "../../src/i18n/translate.js";

const DEFAULTS: InitAnswers = {
  mallId: "envshop",
  scopes: ["mall.read_product"],
  tokenFile: "./oauth_token.json",
  reportDir: ".",
};

/**
 * Runs init over fake streams, typing each answer only once its prompt has appeared (as a person would),
 * then ending the input. Returns the answers and everything printed.
 */
async function converse(typed: string[], lang: Lang = "en") {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let printed = "";
  let prompts = 0;
  stdout.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    printed += text;
    if (!text.endsWith(": ")) return;
    const answer = typed[prompts++];
    if (answer === undefined) stdin.end();
    else stdin.write(`${answer}\n`);
  });
  const answers = await runInitInteractive({ stdin, stdout, lang, defaults: DEFAULTS });
  return { answers, printed };
}

describe("interactive init", () => {
  it("asks every question and keeps the typed answers", async () => {
    const { answers } = await converse([
      "myshop",
      "https://myapp.example.com/oauth/callback",
      "mall.read_product, mall.read_order",
      "2025-06-01",
      "./secrets/token.json",
      "https://myapp.example.com/health",
      "./reports",
    ]);
    expect(answers).toEqual({
      mallId: "myshop",
      redirectUri: "https://myapp.example.com/oauth/callback",
      scopes: ["mall.read_product", "mall.read_order"],
      apiVersion: "2025-06-01",
      tokenFile: "./secrets/token.json",
      serviceUrl: "https://myapp.example.com/health",
      reportDir: "./reports",
    });
  });

  it("keeps the defaults from the environment on Enter, and shows them in brackets", async () => {
    const { answers, printed } = await converse(initQuestions.map(() => ""));
    expect(answers).toEqual(DEFAULTS);
    expect(printed).toContain("[envshop]");
    expect(printed).toContain("[mall.read_product]");
  });

  it("explains an invalid answer and asks again", async () => {
    const { answers, printed } = await converse([
      "my shop!",
      "myshop",
      "",
      "mall.read_prodcut",
      "mall.read_order",
    ]);
    expect(answers.mallId).toBe("myshop");
    expect(answers.scopes).toEqual(["mall.read_order"]);
    expect(printed).toContain('must be a Cafe24 mall id (letters, digits, "-")');
    expect(printed).toContain(
      '"mall.read_prodcut" is not a Cafe24 scope — did you mean "mall.read_product"?',
    );
    expect(printed.match(/Mall ID/g)).toHaveLength(2);
  });

  it("keeps the remaining defaults when the input ends early (piped answers)", async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    stdin.end("pipedshop\n");
    const answers = await runInitInteractive({ stdin, stdout, lang: "en", defaults: DEFAULTS });
    expect(answers).toEqual({ ...DEFAULTS, mallId: "pipedshop" });
  });

  it("asks in Korean", async () => {
    const { printed } = await converse([], "ko");
    expect(printed).toContain("쇼핑몰 ID");
    expect(printed).toContain("Enter");
  });
});
