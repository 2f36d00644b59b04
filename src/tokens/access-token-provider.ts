/** What Cafe24Client needs from token management (TokenManager implements it; tests may fake it). */
export interface AccessTokenProvider {
  /** A currently valid access token, refreshing first when it is about to expire. */
  getAccessToken(options?: { signal?: AbortSignal }): Promise<string>;
  /**
   * Cafe24 answered 401 to a call made with `rejected`. Returns the token to retry with: a fresh one after a
   * refresh when `rejected` is still the current token, or the newer current one when someone already
   * refreshed. Throws (e.g. CAFE24_REAUTH_REQUIRED) when no valid token can be had.
   */
  handleUnauthorized(rejected: string, options?: { signal?: AbortSignal }): Promise<string>;
}
