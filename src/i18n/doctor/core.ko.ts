import type { coreEn } from "./core.en.js";

export const coreKo: Record<keyof typeof coreEn, string> = {};
