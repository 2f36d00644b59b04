import { RedisTokenStore } from "../redis/redis-token-store.js";
import { FileTokenStore } from "../store/file-token-store.js";
import type { TokenStore } from "../store/token-store.js";
import type { DoctorConfig } from "./doctor-config.js";

/**
 * The token store the configuration names: every command builds its store here, never on its own. Redis when
 * CAFE24_REDIS_URL or `"store": { "type": "redis" }` says so (one record per client id and mall; it connects
 * on first use, so building it never waits), else the token file. A Redis store holds connections: whoever
 * builds one closes it (`close()`) when done, or the process does not exit by itself.
 */
export function tokenStoreFromConfig(
  config: Pick<DoctorConfig, "tokenFile" | "tokenFollowSymlinks" | "redis" | "clientId">,
): TokenStore {
  if (config.redis) {
    return new RedisTokenStore({
      url: config.redis.url,
      prefix: config.redis.prefix,
      // Without a client id the configuration check names what is missing; the keys are then the app-less ones.
      clientId: config.clientId ?? "",
      connectionName: "cafe24-doctor",
    });
  }
  return new FileTokenStore({ path: config.tokenFile, followSymlinks: config.tokenFollowSymlinks });
}
