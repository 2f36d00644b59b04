/**
 * Vocabulary for seed data that looks like a Korean fashion/lifestyle mall. Every person, street number and
 * phone number built from these lists is invented; surnames and given-name syllables are combined at random.
 */

/** Product names read "<adjective> <material> <item>", e.g. "프리미엄 울 니트 가디건". */
export const PRODUCT_ADJECTIVES = [
  "프리미엄",
  "베이직",
  "데일리",
  "오버핏",
  "슬림핏",
  "빈티지",
  "모던",
  "클래식",
  "캐주얼",
  "시그니처",
  "에센셜",
  "소프트",
  "라이트",
  "루즈핏",
  "미니멀",
  "심플",
] as const;

export const PRODUCT_MATERIALS = [
  "울",
  "코튼",
  "린넨",
  "캐시미어",
  "데님",
  "니트",
  "스웨이드",
  "레더",
  "실크",
  "플리스",
  "트위드",
  "저지",
] as const;

export const PRODUCT_ITEMS = [
  "가디건",
  "셔츠",
  "블라우스",
  "티셔츠",
  "맨투맨",
  "후드티",
  "슬랙스",
  "스커트",
  "원피스",
  "코트",
  "재킷",
  "조끼",
  "팬츠",
  "머플러",
  "에코백",
  "토트백",
  "스니커즈",
  "로퍼",
  "양말 세트",
  "파자마",
] as const;

/** Romanised counterparts for eng_product_name, index-aligned with the Korean lists above. */
export const PRODUCT_ADJECTIVES_EN = [
  "Premium",
  "Basic",
  "Daily",
  "Oversized",
  "Slim-fit",
  "Vintage",
  "Modern",
  "Classic",
  "Casual",
  "Signature",
  "Essential",
  "Soft",
  "Light",
  "Loose-fit",
  "Minimal",
  "Simple",
] as const;

export const COLORS = ["블랙", "화이트", "아이보리", "네이비", "베이지", "그레이", "카키", "버건디"] as const;
export const SIZES = ["S", "M", "L", "XL", "FREE"] as const;

/** Category tree vocabulary by depth; depth 1 entries become the top-level menu. */
export const CATEGORY_NAMES: readonly (readonly string[])[] = [
  ["아우터", "상의", "하의", "원피스", "가방", "신발", "액세서리", "홈웨어", "세일", "신상품"],
  ["코트", "재킷", "니트", "셔츠", "티셔츠", "슬랙스", "데님", "스커트", "백팩", "스니커즈", "모자", "잠옷"],
  ["베스트", "롱", "숏", "오버핏", "슬림", "반팔", "긴팔", "와이드", "캐주얼", "포멀"],
  ["블랙", "화이트", "네이비", "베이지", "그레이", "한정판", "기획전", "단독"],
];

/** Cafe24's stock boards (board_type 1 = operational, 2 = general, 4 = product-linked, 5 = 1:1). */
export const BOARDS: readonly { name: string; type: number }[] = [
  { name: "공지사항", type: 1 },
  { name: "뉴스/이벤트", type: 1 },
  { name: "이용안내 FAQ", type: 1 },
  { name: "상품 사용후기", type: 4 },
  { name: "자유게시판", type: 2 },
  { name: "상품 Q&A", type: 4 },
  { name: "자료실", type: 2 },
  { name: "1:1 맞춤상담", type: 5 },
  { name: "갤러리", type: 2 },
  { name: "입고 알림", type: 2 },
];

export const SURNAMES = [
  "김",
  "이",
  "박",
  "최",
  "정",
  "강",
  "조",
  "윤",
  "장",
  "임",
  "한",
  "오",
  "서",
  "신",
] as const;
/** Given-name syllables; two are combined, so names are synthetic rather than copied from anyone. */
export const GIVEN_SYLLABLES = [
  "민",
  "서",
  "지",
  "하",
  "윤",
  "도",
  "예",
  "준",
  "수",
  "현",
  "아",
  "은",
  "우",
  "채",
  "가",
  "온",
] as const;
/** Romanisation of the syllables above (same index), for member ids and e-mail local parts. */
export const SURNAMES_ROMAN = [
  "kim",
  "lee",
  "park",
  "choi",
  "jung",
  "kang",
  "cho",
  "yoon",
  "jang",
  "lim",
  "han",
  "oh",
  "seo",
  "shin",
] as const;
export const GIVEN_ROMAN = [
  "min",
  "seo",
  "ji",
  "ha",
  "yun",
  "do",
  "ye",
  "jun",
  "su",
  "hyun",
  "a",
  "eun",
  "woo",
  "chae",
  "ga",
  "on",
] as const;

/** Real city/district names with invented street names ("가상로", "예시길"): addresses lead nowhere. */
export const CITIES = [
  { city: "서울특별시", districts: ["강남구", "마포구", "송파구", "종로구", "성동구"] },
  { city: "부산광역시", districts: ["해운대구", "수영구", "부산진구"] },
  { city: "인천광역시", districts: ["연수구", "남동구"] },
  { city: "대구광역시", districts: ["수성구", "중구"] },
  { city: "경기도", districts: ["성남시 분당구", "수원시 영통구", "고양시 일산동구"] },
] as const;
export const STREETS = ["가상로", "예시길", "샘플대로", "테스트로", "모의길", "연습로"] as const;
export const EMAIL_DOMAINS = ["example.com", "example.net", "example.org"] as const;
