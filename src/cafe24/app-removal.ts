/**
 * Recognises Cafe24's answers for a mall that no longer has the app. "deleted": every Admin call answers 403
 * "This app is deleted. Receive the consent of the operator again." (developer.cafe24.com guide_no=151). The
 * wording for an expired app, and both token-endpoint refusals ("This app is deleted." / "This app has
 * expired."), are OUR ASSUMPTION (docs/cafe24-facts.md), so the match is on the gist, not the whole sentence.
 */
export type AppRemoval = "deleted" | "expired";

const DELETED = /\bapp\b[^.]{0,40}\b(?:deleted|uninstalled|removed)\b/i;
const EXPIRED = /\bapp\b[^.]{0,40}\bexpired\b/i;

/** Which removal a Cafe24 message (403 message or token-endpoint error_description) reports, if any. */
export function appRemovalOf(message: string | undefined): AppRemoval | undefined {
  if (!message) return undefined;
  if (DELETED.test(message)) return "deleted";
  if (EXPIRED.test(message)) return "expired";
  return undefined;
}
