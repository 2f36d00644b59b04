import type { reportEn } from "./report.en.js";

export const reportKo: Record<keyof typeof reportEn, string> = {};
