/**
 * What the browser shows after the redirect reaches the listener. Both languages at once: the browser's
 * language is not known here, and the page is two sentences long.
 */
export function callbackPage(ok: boolean): string {
  const [ko, en] = ok
    ? ["인증되었습니다. 이 탭을 닫아도 됩니다.", "Authorized — you can close this tab."]
    : [
        "인증이 완료되지 않았습니다. 터미널의 안내를 확인하세요.",
        "Authorization did not complete — see the terminal for what to do.",
      ];
  return `<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>cafe24-doctor</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#222}</style></head>
<body><h1>${ok ? "✅" : "⚠️"} cafe24-doctor</h1><p>${ko}</p><p lang="en">${en}</p></body></html>`;
}
