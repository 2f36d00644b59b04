/** English messages of the doctor's config part; keys are prefixed by area. */
export const configEn = {} as const;
