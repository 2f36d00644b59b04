/** Evidence counters per mall: what tests read to prove behaviour (grants, invalid_grant, statuses, methods). */
export class MallStats {
  grants = { authorization_code: 0, refresh_token: 0 };
  oauthErrors: Record<string, number> = {};
  /** Responses by HTTP status, for every route of the mall. */
  responses: Record<string, number> = {};
  /** Requests received, by method, counted before any fault or check so "sent twice" is visible. */
  requests: Record<string, number> = {};
  /** Requests received by "METHOD /path" (no query). */
  routes: Record<string, number> = {};
  revocations = 0;
  /** Admin calls by the API version that served them (after any silent fallback, §10). */
  servedVersions: Record<string, number> = {};
  /** Admin calls that asked for an expired version and were served an older-but-live one, by version asked. */
  versionFallbacks: Record<string, number> = {};

  countServedVersion(served: string, fellBackFrom: string | undefined): void {
    this.servedVersions[served] = (this.servedVersions[served] ?? 0) + 1;
    if (fellBackFrom !== undefined)
      this.versionFallbacks[fellBackFrom] = (this.versionFallbacks[fellBackFrom] ?? 0) + 1;
  }

  countRequest(method: string, path: string): void {
    this.requests[method] = (this.requests[method] ?? 0) + 1;
    const key = `${method} ${path}`;
    this.routes[key] = (this.routes[key] ?? 0) + 1;
  }

  countResponse(status: number): void {
    this.responses[status] = (this.responses[status] ?? 0) + 1;
  }

  countOauthError(error: string): void {
    this.oauthErrors[error] = (this.oauthErrors[error] ?? 0) + 1;
  }

  get invalidGrant(): number {
    return this.oauthErrors.invalid_grant ?? 0;
  }

  reset(): void {
    this.grants = { authorization_code: 0, refresh_token: 0 };
    this.oauthErrors = {};
    this.responses = {};
    this.requests = {};
    this.routes = {};
    this.revocations = 0;
    this.servedVersions = {};
    this.versionFallbacks = {};
  }
}
