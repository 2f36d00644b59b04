import { Cafe24ApiError, OAuthError } from "../http/cafe24-error.js";

/** Whether the mall still has the app: the merchant may delete it, or its Cafe24 Store term may run out. */
export const APP_INSTALL_STATES = ["active", "deleted", "expired"] as const;
export type AppInstallState = (typeof APP_INSTALL_STATES)[number];

/**
 * The 403 on every Admin call. "deleted" is Cafe24's wording (developer.cafe24.com guide_no=151, §10); the
 * "expired" wording is not in the evidence and is OUR ASSUMPTION (docs/cafe24-facts.md).
 */
export const APP_STATE_ADMIN_MESSAGES = {
  deleted: "This app is deleted. Receive the consent of the operator again.",
  expired:
    "This app has expired. Renew the app in the Cafe24 Store and receive the consent of the operator again.",
} as const;

/** The token endpoint's refusal; both descriptions are OUR ASSUMPTION (the evidence shows no token-endpoint body). */
export const APP_STATE_TOKEN_DESCRIPTIONS = {
  deleted: "This app is deleted.",
  expired: "This app has expired.",
} as const;

/** A webhook event about the app: its number and the resource field that dates it. */
export interface AppEvent {
  eventNo: number;
  dateField: string;
}

/** The app events' numbers and date fields as Cafe24 documents them (noston/cafe24-api-spec cafe24-webhook-spec.md). */
export const APP_STATE_EVENTS: Record<Exclude<AppInstallState, "active">, AppEvent> = {
  deleted: { eventNo: 90077, dateField: "deleted_date" },
  expired: { eventNo: 90078, dateField: "expired_date" },
};

export function appStateAdminError(state: Exclude<AppInstallState, "active">): Cafe24ApiError {
  return new Cafe24ApiError(403, APP_STATE_ADMIN_MESSAGES[state]);
}

/** Throws the token endpoint's invalid_client when the mall no longer has the app; no grant of any kind is made. */
export function assertAppInstalledForGrant(state: AppInstallState): void {
  if (state === "active") return;
  throw new OAuthError(401, "invalid_client", APP_STATE_TOKEN_DESCRIPTIONS[state]);
}
