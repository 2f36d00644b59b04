/** English messages of the doctor's core part; keys are prefixed by area. */
export const coreEn = {} as const;
