import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDoctorConfig } from "../../src/config/load-doctor-config.js";
import { tempDir } from "../helpers/token-files.js";

describe(".env found from a subfolder", () => {
  it("reads the project's .env from a subfolder, and resolves its relative paths against the project", async () => {
    const root = await tempDir();
    const sub = join(root, "src", "jobs");
    await mkdir(sub, { recursive: true });
    await writeFile(join(root, "package.json"), "{}");
    await writeFile(
      join(root, ".env"),
      "CAFE24_MALL_ID=mymall\nCAFE24_CLIENT_ID=App0001\nCAFE24_TOKEN_FILE=./tokens/oauth_token.json\n",
    );
    const config = await loadDoctorConfig({ cwd: sub, env: {} });
    expect(config.mallId).toBe("mymall");
    expect(config.dotenvFile).toBe(join(root, ".env"));
    expect(config.tokenFile).toBe(join(root, "tokens", "oauth_token.json"));
    expect(config.searched).toEqual([sub, join(root, "src"), root]);
  });

  it("stops at the project root (package.json or .git) and says where it looked", async () => {
    const outer = await tempDir();
    await writeFile(join(outer, ".env"), "CAFE24_MALL_ID=outermall\n");
    const project = join(outer, "app");
    const sub = join(project, "lib");
    await mkdir(join(project, ".git"), { recursive: true });
    await mkdir(sub, { recursive: true });
    const config = await loadDoctorConfig({ cwd: sub, env: {} });
    expect(config.mallId).toBeUndefined();
    expect(config.dotenvFile).toBeUndefined();
    expect(config.searched).toEqual([sub, project]);
    expect(config.tokenFile).toBe(join(sub, "oauth_token.json"));
  });

  it("an environment name near a known one that is set is not flagged", async () => {
    const cwd = await tempDir();
    const config = await loadDoctorConfig({
      cwd,
      env: { CAFE24_MALL_ID: "mymall", CAFE24_MALLID: "other", CAFE24_DOCTOR_NO_BROWSER: "1" },
    });
    expect(config.mallId).toBe("mymall");
  });
});
