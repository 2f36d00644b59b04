import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toTokenSet } from "../../src/cafe24/token-response.js";
import { FileTokenStore } from "../../src/store/file-token-store.js";
import { doctorEnv } from "../doctor/scenarios/scenario-kit.js";
import { launch } from "../helpers/emulator.js";

/**
 * One mall authorized on an emulator running in real time (2-hour tokens), its token in a file of a new project
 * folder, and the environment `watch` reads there.
 */
export async function authorizedWatchProject(prefix: string) {
  const emu = await launch({ clock: { frozen: false, start: Date.now() } });
  const mall = emu.malls[0];
  if (!mall?.clientSecret) throw new Error("demo mall expected");
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const tokenFile = join(dir, "oauth_token.json");
  const store = new FileTokenStore({ path: tokenFile });
  await store.compareAndSet(
    mall.mallId,
    undefined,
    toTokenSet(emu.control.issueTokens(mall.mallId), mall.mallId),
  );
  const env: Record<string, string> = {
    ...doctorEnv(emu, { ...mall, clientSecret: mall.clientSecret }, tokenFile),
    NO_COLOR: "1",
  };
  return { emu, mall, dir, tokenFile, store, env };
}
