import { FileTokenStore } from "../store/file-token-store.js";
import type { DoctorConfig } from "./doctor-config.js";

/** The token store the configuration names: every command builds its store here, never on its own. */
export function tokenStoreFromConfig(
  config: Pick<DoctorConfig, "tokenFile" | "tokenFollowSymlinks">,
): FileTokenStore {
  return new FileTokenStore({ path: config.tokenFile, followSymlinks: config.tokenFollowSymlinks });
}
