import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/doctor/report/build-report.js";
import { renderHtml } from "../../../src/doctor/report/render-html.js";
import { createTranslator } from "../../../src/i18n/translate.js";
import { fullInput, HOSTILE, TOKEN_IN_PATH } from "./fixtures.js";

const html = (lang: "ko" | "en" = "ko") => renderHtml(buildReport(fullInput(lang), createTranslator(lang)));

describe("the HTML report", () => {
  it("escapes hostile text from evidence and summaries", () => {
    const page = html();
    expect(page).not.toContain(HOSTILE);
    expect(page).not.toMatch(/<script|<img/i);
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });

  it("is self-contained: no src or href pointing anywhere, URLs only as text", () => {
    const page = html();
    // Escaped text has no raw "<", so every tag found here is real markup.
    const tags = page.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(100);
    expect(tags.filter((tag) => /\b(src|href|action|srcset|poster|data)\s*=|http/i.test(tag))).toEqual([]);
    expect(page).not.toMatch(/url\(|@import/i);
    expect(page).toContain('<td class="url">https://myshop.cafe24api.com/api/v2/admin/store</td>');
    expect(page).not.toContain(TOKEN_IN_PATH);
  });

  it("draws a timeline bar per check, placed by start offset and sized by duration", () => {
    const page = html();
    expect(page.match(/class="tl-bar /g)).toHaveLength(12);
    // The run lasted 1234 ms; authentication ran from 90 ms for 110 ms.
    expect(page).toContain('class="tl-bar s-expired" style="left:7.29%;width:8.91%"');
  });

  it("is in the report's language and readable on a phone", () => {
    const ko = html("ko");
    expect(ko).toContain('<html lang="ko">');
    expect(ko).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(ko).toContain("@media (max-width:520px)");
    expect(ko).toContain("근본 원인");
    expect(ko).toContain("[만료]");
    expect(html("en")).toContain("[EXPIRED]");
  });

  it("shows the verdict, the root-cause command and each problem's command as copyable code", () => {
    const page = html("en");
    expect(page).toContain('class="verdict verdict-problems"');
    expect(page).toContain("exit code 2");
    expect(
      page.match(/<pre><code>cafe24-doctor token refresh<\/code><\/pre>/g)?.length,
    ).toBeGreaterThanOrEqual(2);
    expect(page).toContain('<span class="badge u-critical">critical</span>');
  });
});
