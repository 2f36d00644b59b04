import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";

/**
 * The one rule for a Cafe24 mall id: it is the API host's subdomain (`{mall_id}.cafe24api.com`), so a DNS label
 * of letters, digits and '-', starting with a letter or digit, at most 40 characters. Hosts ignore case.
 */
export const MALL_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/i;

export function isMallId(value: string): boolean {
  return MALL_ID_PATTERN.test(value);
}

/** Throws INVALID_OPTIONS naming the value (cut short: it may be anything) when it is not a mall id. */
export function assertMallId(value: string): void {
  if (!isMallId(value)) {
    throw new DoctorError(
      ERROR_CODES.invalidOptions,
      `"${value.slice(0, 60)}" is not a Cafe24 mall id (letters, digits and '-', up to 40 characters).`,
    );
  }
}
