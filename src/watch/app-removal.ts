import { type AppRemoval, appRemovalOf } from "../cafe24/app-removal.js";
import { Cafe24HttpError } from "../http/cafe24-http-error.js";
import { OAuthRequestError } from "../oauth/oauth-error.js";
import type { MallWatchState } from "./watch-status.js";

export type { AppRemoval } from "../cafe24/app-removal.js";

/** How watch learned that the merchant no longer has the app: Cafe24 refused a refresh or a read, or said so. */
export type AppRemovalSource = "refresh" | "verify" | "webhook";

export type AppRemovedState = "app-deleted" | "app-expired";

export const APP_REMOVED_STATES: readonly AppRemovedState[] = ["app-deleted", "app-expired"];

export const appRemovedState = (removal: AppRemoval): AppRemovedState =>
  removal === "deleted" ? "app-deleted" : "app-expired";

export const isAppRemovedState = (state: MallWatchState): state is AppRemovedState =>
  state === "app-deleted" || state === "app-expired";

/** Nesting that is followed at most: errors wrap a cause or two, never more. */
const MAX_CAUSES = 4;

/**
 * Whether a failed refresh or Admin read says the app is gone from the mall: the token endpoint's
 * invalid_client description, or the 403 every Admin call answers (docs/cafe24-facts.md). A 403 for anything
 * else (a scope) and any other refusal are not a removal.
 */
export function appRemovalIn(error: unknown): AppRemoval | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSES && current instanceof Error; depth++) {
    if (current instanceof OAuthRequestError) {
      const removal = appRemovalOf(current.description);
      if (removal) return removal;
    }
    if (current instanceof Cafe24HttpError && current.status === 403) {
      const removal = appRemovalOf(current.cafe24?.message);
      if (removal) return removal;
    }
    current = current.cause;
  }
  return undefined;
}

/** English, short, no secrets: what the page, the log and the alert say about a removal. */
export function appRemovalMessage(mallId: string, removal: AppRemoval, source: AppRemovalSource): string {
  const what =
    removal === "deleted"
      ? `The merchant deleted the app from mall ${mallId}`
      : `The app's term on mall ${mallId} has expired`;
  const how =
    source === "webhook"
      ? "Cafe24's webhook said so"
      : source === "refresh"
        ? "Cafe24 refused the refresh"
        : "Cafe24 refused an API call";
  return `${what} (${how}); refreshing stopped until the merchant installs the app again and a new token is stored.`;
}
