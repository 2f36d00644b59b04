/** English messages of the doctor's checks-b part; keys are prefixed by area. */
export const checksBEn = {} as const;
