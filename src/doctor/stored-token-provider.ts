import { DoctorError, ERROR_CODES } from "../errors/doctor-error.js";
import type { TokenStore } from "../store/token-store.js";
import type { AccessTokenProvider } from "../tokens/access-token-provider.js";

/**
 * Hands out the stored access token as it is — never refreshing, because a diagnosis that refreshed would
 * rotate the refresh token under every other process's feet. Falls back to the old toolkit's
 * CAFE24_ACCESS_TOKEN when the store has nothing; a store that cannot be read (a corrupt token file, say) is
 * that error, never "no token".
 */
export class StoredTokenProvider implements AccessTokenProvider {
  constructor(
    private readonly store: TokenStore,
    private readonly mallId: string,
    private readonly legacyAccessToken?: string,
  ) {}

  async getAccessToken(): Promise<string> {
    const stored = await this.store.get(this.mallId).catch((error: unknown) => {
      if (error instanceof DoctorError) throw error;
      throw new DoctorError(ERROR_CODES.tokenStoreIo, `Could not read mall ${this.mallId}'s token.`, {
        cause: error,
      });
    });
    const token = stored?.token.accessToken ?? this.legacyAccessToken;
    if (!token) throw new DoctorError(ERROR_CODES.tokenNotFound, `No access token for mall ${this.mallId}.`);
    return token;
  }

  async handleUnauthorized(): Promise<string> {
    throw new DoctorError(ERROR_CODES.unauthorized, "Diagnosis does not refresh tokens.");
  }
}
