/**
 * Opens the URL in the default browser. Failure (no display, a server) is not an error: the URL is always
 * printed too. Tests and CI disable it with `--no-browser` or CAFE24_DOCTOR_NO_BROWSER=1.
 */
export async function openBrowser(url: string): Promise<boolean> {
  try {
    const { default: open } = await import("open");
    const child = await open(url, { wait: false });
    child.once("error", () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}
