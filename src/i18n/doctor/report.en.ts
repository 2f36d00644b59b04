/** English messages of the doctor's report part; keys are prefixed by area. */
export const reportEn = {} as const;
