import { createHash, randomBytes } from "node:crypto";

/** A stable, non-secret identifier of a token: what statistics expose instead of the token itself. */
export function tokenId(token: string): string {
  return createHash("sha256").update(token).digest("hex").slice(0, 16);
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Cafe24 tokens look like 22 random alphanumerics ("0iqR5nM5EJIq..."); unpredictable, so not seeded. */
export function newOpaqueToken(length = 22): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

export interface AuthorizationCode {
  code: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  userId: string;
  shopNo: string;
  issuedAt: number;
  expiresAt: number;
  used: boolean;
}

/** One consent produces one grant; refreshes rotate its tokens but keep the grant. */
export interface Grant {
  id: number;
  clientId: string;
  userId: string;
  shopNo: string;
  scopes: string[];
  accessToken: string;
  accessIssuedAt: number;
  accessExpiresAt: number;
  refreshToken: string;
  refreshExpiresAt: number;
  revoked: boolean;
}

export type AccessCheck =
  | { ok: true; grant: Grant }
  | { ok: false; reason: "missing" | "invalid" | "expired" };
export type RefreshCheck = { ok: true; grant: Grant } | { ok: false; reason: "invalid" | "expired" };

/** Every code, access token and refresh token of one mall, with Cafe24's rotation rule (§2.5). */
export class TokenRegistry {
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly byAccess = new Map<string, Grant>();
  private readonly byRefresh = new Map<string, Grant>();
  private readonly grants: Grant[] = [];
  private nextGrantId = 1;

  issueCode(fields: Omit<AuthorizationCode, "code" | "used">): AuthorizationCode {
    const code: AuthorizationCode = { ...fields, code: newOpaqueToken(22), used: false };
    this.codes.set(code.code, code);
    return code;
  }

  findCode(code: string): AuthorizationCode | undefined {
    return this.codes.get(code);
  }

  createGrant(fields: Omit<Grant, "id" | "revoked" | "accessToken" | "refreshToken">): Grant {
    const grant: Grant = {
      ...fields,
      id: this.nextGrantId++,
      revoked: false,
      accessToken: newOpaqueToken(),
      refreshToken: newOpaqueToken(),
    };
    this.grants.push(grant);
    this.byAccess.set(grant.accessToken, grant);
    this.byRefresh.set(grant.refreshToken, grant);
    return grant;
  }

  /** Issues new tokens on the grant; the previous access and refresh tokens die at once. */
  rotate(
    grant: Grant,
    times: { accessIssuedAt: number; accessExpiresAt: number; refreshExpiresAt: number },
  ): Grant {
    this.byAccess.delete(grant.accessToken);
    this.byRefresh.delete(grant.refreshToken);
    Object.assign(grant, times, { accessToken: newOpaqueToken(), refreshToken: newOpaqueToken() });
    this.byAccess.set(grant.accessToken, grant);
    this.byRefresh.set(grant.refreshToken, grant);
    return grant;
  }

  checkAccess(token: string | undefined, now: number): AccessCheck {
    if (!token) return { ok: false, reason: "missing" };
    const grant = this.byAccess.get(token);
    if (!grant || grant.revoked) return { ok: false, reason: "invalid" };
    if (now >= grant.accessExpiresAt) return { ok: false, reason: "expired" };
    return { ok: true, grant };
  }

  checkRefresh(token: string, now: number): RefreshCheck {
    const grant = this.byRefresh.get(token);
    if (!grant || grant.revoked) return { ok: false, reason: "invalid" };
    if (now >= grant.refreshExpiresAt) return { ok: false, reason: "expired" };
    return { ok: true, grant };
  }

  /** Revoking either token of a grant kills both (§2.6). Returns whether a live grant was found. */
  revokeToken(token: string): boolean {
    const grant = this.byAccess.get(token) ?? this.byRefresh.get(token);
    if (!grant || grant.revoked) return false;
    this.revokeGrant(grant);
    return true;
  }

  revokeAll(): number {
    const live = this.grants.filter((g) => !g.revoked);
    for (const grant of live) this.revokeGrant(grant);
    return live.length;
  }

  /** Makes access (or refresh) tokens of every live grant already expired at `now`. */
  expireAll(kind: "access" | "refresh", now: number): void {
    for (const grant of this.liveGrants()) {
      if (kind === "access") grant.accessExpiresAt = Math.min(grant.accessExpiresAt, now);
      else grant.refreshExpiresAt = Math.min(grant.refreshExpiresAt, now);
    }
  }

  /** Narrows live grants to the app's scopes: a scope added later needs a new consent (§7.7), so none is gained. */
  restrictScopes(scopes: string[]): void {
    for (const grant of this.liveGrants()) grant.scopes = grant.scopes.filter((s) => scopes.includes(s));
  }

  liveGrants(): Grant[] {
    return this.grants.filter((g) => !g.revoked);
  }

  /** Drops expired codes and dead grants so a long-running emulator does not grow without bound. */
  sweep(now: number): void {
    for (const [code, entry] of this.codes) if (now >= entry.expiresAt + 60_000) this.codes.delete(code);
    for (let i = this.grants.length - 1; i >= 0; i--) {
      const grant = this.grants[i];
      if (grant && (grant.revoked || now >= grant.refreshExpiresAt)) {
        this.byAccess.delete(grant.accessToken);
        this.byRefresh.delete(grant.refreshToken);
        this.grants.splice(i, 1);
      }
    }
  }

  clear(): void {
    this.codes.clear();
    this.byAccess.clear();
    this.byRefresh.clear();
    this.grants.length = 0;
  }

  private revokeGrant(grant: Grant): void {
    grant.revoked = true;
    this.byAccess.delete(grant.accessToken);
    this.byRefresh.delete(grant.refreshToken);
  }
}
