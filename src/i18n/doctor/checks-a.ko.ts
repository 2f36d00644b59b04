import type { checksAEn } from "./checks-a.en.js";

export const checksAKo: Record<keyof typeof checksAEn, string> = {};
