/** Korean labels for the consent screen (what a merchant reads before approving). */
const SCOPE_LABELS: Record<string, string> = {
  store: "상점 정보",
  product: "상품",
  category: "상품분류",
  collection: "브랜드·제조사",
  supply: "공급사",
  personal: "개인화 정보",
  order: "주문",
  community: "게시판",
  customer: "회원",
  notification: "알림",
  promotion: "프로모션",
  design: "디자인",
  application: "앱",
  salesreport: "매출 통계",
  privacy: "개인정보",
  mileage: "적립금",
  shipping: "배송",
  translation: "번역",
  analytics: "애널리틱스",
};

function scopeLabel(scope: string): string {
  const m = /^mall\.(read|write)_(.+)$/.exec(scope);
  if (!m?.[2]) return scope;
  const subject = SCOPE_LABELS[m[2]] ?? m[2];
  return `${subject} ${m[1] === "read" ? "읽기" : "쓰기"}`;
}

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export interface ConsentView {
  appName: string;
  mallId: string;
  shopName: string;
  userId: string;
  scopes: string[];
  ticket: string;
  action: string;
}

/** The consent screen: Korean, shows the app, the mall and each scope, with approve and deny buttons. */
export function renderConsentPage(view: ConsentView): string {
  const items = view.scopes
    .map((s) => `<li><span>${escapeHtml(scopeLabel(s))}</span> <code>${escapeHtml(s)}</code></li>`)
    .join("");
  return `<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>앱 권한 동의 - ${escapeHtml(view.appName)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.3rem}ul{padding-left:1.2rem}code{color:#666;font-size:.85em}
.actions{display:flex;gap:.5rem;margin-top:1.5rem}button{flex:1;padding:.8rem;font-size:1rem;border-radius:.4rem;border:1px solid #999}
button[value=approve]{background:#1f6feb;color:#fff;border-color:#1f6feb}.note{color:#666;font-size:.85rem}</style></head>
<body><h1>「${escapeHtml(view.appName)}」 앱이 쇼핑몰 권한을 요청합니다</h1>
<p>쇼핑몰 <strong>${escapeHtml(view.shopName)}</strong> (${escapeHtml(view.mallId)}) · 관리자 <strong>${escapeHtml(view.userId)}</strong></p>
<p>이 앱이 다음 정보에 접근하도록 허용하시겠습니까?</p><ul id="scopes">${items}</ul>
<form method="post" action="${escapeHtml(view.action)}"><input type="hidden" name="ticket" value="${escapeHtml(view.ticket)}">
<div class="actions"><button type="submit" name="decision" value="deny">취소</button>
<button type="submit" name="decision" value="approve">동의함</button></div></form>
<p class="note">cafe24-doctor 에뮬레이터 · 실제 카페24가 아닙니다</p></body></html>`;
}
