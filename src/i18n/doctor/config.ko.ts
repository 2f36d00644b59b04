import type { configEn } from "./config.en.js";

export const configKo: Record<keyof typeof configEn, string> = {};
