import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import writeFileAtomic from "write-file-atomic";
import { formatKstStamp } from "../../cafe24/kst.js";

/**
 * Reports and the HTTP log name the mall, its scopes, token expiries and the app's services: for the owner's
 * eyes only, like the token file.
 */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * `<dir>/comprehensive_test_report_YYYYMMDD_HHMMSS.<ext>`, the names users know from the old toolkit, stamped
 * in Seoul time so a UTC server and a KST laptop name the same run the same way.
 */
export function reportFilePath(dir: string, finishedAt: number, ext: "json" | "html"): string {
  return join(dir, `comprehensive_test_report_${formatKstStamp(finishedAt)}.${ext}`);
}

/**
 * Temp file + rename: a reader (a CI step, a browser) never sees half a report, even if we are killed. Mode
 * 0600 whatever the umask (write-file-atomic chmods the temp file before the rename).
 */
export async function writeReportFile(path: string, data: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, data, { mode: PRIVATE_FILE_MODE });
}
