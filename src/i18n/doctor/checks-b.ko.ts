import type { checksBEn } from "./checks-b.en.js";

export const checksBKo: Record<keyof typeof checksBEn, string> = {};
