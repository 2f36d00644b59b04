import { createTranslator } from "../i18n/translate.js";

/** What the listener tells the browser: approved, ended without a token, or not this login's redirect at all. */
export type CallbackOutcome = "authorized" | "failed" | "foreign";

const ko = createTranslator("ko");
const en = createTranslator("en");

/**
 * What the browser shows after the redirect reaches the listener. Both languages at once: the browser's
 * language is not known here, and the page is two sentences long.
 */
export function callbackPage(outcome: CallbackOutcome): string {
  const key = `token.callback.${outcome}` as const;
  return `<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>cafe24-doctor</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#222}</style></head>
<body><h1>${outcome === "authorized" ? "✅" : "⚠️"} cafe24-doctor</h1><p>${ko(key)}</p><p lang="en">${en(key)}</p></body></html>`;
}
