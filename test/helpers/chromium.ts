import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { expect, it } from "vitest";

/** Debian's chromium: .ci/run installs it with apt; no test may download a browser of its own. */
export const CHROMIUM = "/usr/bin/chromium";

/** Headless, and quiet on this machine's closed network (no background connections at start). */
const ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Whether the browser tests of `what` cannot run here. In CI they must: a failing test is registered instead of
 * a skip (a skipped browser test would hide that the page was never seen by a browser); elsewhere the caller
 * skips with the printed reason.
 */
export function chromiumUnavailable(what: string): boolean {
  if (existsSync(CHROMIUM)) return false;
  if (process.env.CI === "true") {
    it(`finds Debian's chromium at ${CHROMIUM} for ${what}`, () => {
      expect.fail(`${CHROMIUM} is missing in CI: .ci/run must apt-get install chromium`);
    });
  } else {
    console.warn(`Skipping ${what}: ${CHROMIUM} is missing (apt-get install chromium).`);
  }
  return true;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}
