import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { tempDir } from "../../helpers/token-files.js";

/** A Python refresher the scan finds wherever it is looked at (REFRESHER on line 3). */
export const PY_REFRESHER = [
  'URL = "https://myshop.cafe24api.com/api/v2/oauth/token"',
  "def refresh(rt):",
  '    return requests.post(URL, data={"grant_type": "refresh_token", "refresh_token": rt})',
  "",
].join("\n");

/** A project in a fresh temporary folder with these files (relative path → contents). */
export async function project(files: Record<string, string | Buffer>): Promise<string> {
  const root = await tempDir();
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}
