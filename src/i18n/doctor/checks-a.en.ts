/** English messages of the doctor's checks-a part; keys are prefixed by area. */
export const checksAEn = {} as const;
