/**
 * One mall's OAuth state as the library uses it: absolute instants (epoch ms) that no host time zone can
 * shift, parsed once at the boundary from Cafe24's offset-less KST strings.
 */
export interface TokenSet {
  mallId: string;
  accessToken: string;
  /** Epoch ms when the access token stops working. */
  accessTokenExpiresAt: number;
  refreshToken: string;
  /** Epoch ms when the refresh token stops working; null when the source did not say (older responses). */
  refreshTokenExpiresAt: number | null;
  scopes: string[];
  /** Epoch ms Cafe24 says the access token was issued; null when unknown. */
  issuedAt: number | null;
  clientId?: string;
  userId?: string;
  shopNo?: string;
}
