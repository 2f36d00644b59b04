import { chmod, mkdtemp, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onTestFinished } from "vitest";
import { toTokenSet } from "../../../src/cafe24/token-response.js";
import type { DoctorConfig } from "../../../src/config/doctor-config.js";
import { loadDoctorConfig } from "../../../src/config/load-doctor-config.js";
import { type DoctorRun, type DoctorRunOptions, runDoctor } from "../../../src/doctor/run-doctor.js";
import type { EmulatorMall } from "../../../src/emulator/emulator.js";
import type { RunningEmulator, StartEmulatorOptions } from "../../../src/emulator/server.js";
import { RedisTokenStore } from "../../../src/redis/redis-token-store.js";
import { FileTokenStore } from "../../../src/store/file-token-store.js";
import type { TokenStore } from "../../../src/store/token-store.js";
import { launch } from "../../helpers/emulator.js";
import type { Stores } from "../../helpers/stores.js";

/**
 * One scenario's world: an emulator, a project directory, the doctor's config, and the token store. Over files
 * (the default) the store is the configured token file, which the doctor opens itself; over any other kind of
 * store the doctor is handed the test's store, as an app or the CLI's `storeFor` does.
 */
export interface World {
  emu: RunningEmulator;
  mall: EmulatorMall & { clientSecret: string };
  dir: string;
  /** The configured token file: the store itself over files, never made over other stores. */
  tokenFile: string;
  store: TokenStore;
  /** The doctor's config, loaded the way the CLI loads it (env + optional config file). */
  config(extraFile?: Record<string, unknown>): Promise<DoctorConfig>;
  run(options?: Partial<DoctorRunOptions> & { config?: DoctorConfig }): Promise<DoctorRun>;
  writeTokens(): Promise<Record<string, unknown>>;
  /** Stores `text` as the mall's token record, as is: a file's bytes, or a Redis hash's token field. */
  writeRaw(text: string): Promise<void>;
}

/** The environment a user sets for the doctor, pointing at the emulator's generated app. */
export function doctorEnv(
  emu: RunningEmulator,
  mall: EmulatorMall & { clientSecret: string },
  tokenFile: string,
) {
  return {
    CAFE24_MALL_ID: mall.mallId,
    CAFE24_CLIENT_ID: mall.clientId,
    CAFE24_CLIENT_SECRET: mall.clientSecret,
    CAFE24_REDIRECT_URI: mall.redirectUri,
    CAFE24_SCOPES: mall.scopes.join(","),
    CAFE24_TOKEN_FILE: tokenFile,
    CAFE24_BASE_URL: emu.baseUrlTemplate,
  };
}

export async function world(options: StartEmulatorOptions = {}, stores?: Stores): Promise<World> {
  const emu = await launch({
    data: { products: 30, orders: 60, orderDays: 20, customers: 5, categories: 6, boards: 2 },
    ...options,
  });
  const mall = emu.malls[0] as EmulatorMall & { clientSecret: string };
  const dir = await mkdtemp(join(tmpdir(), "c24-scenario-"));
  const tokenFile = join(dir, "oauth_token.json");
  const env = doctorEnv(emu, mall, tokenFile);
  const given = stores && stores.kind !== "file" ? stores.open({ clientId: mall.clientId }) : undefined;
  const store = given ?? new FileTokenStore({ path: tokenFile });
  const self: World = {
    emu,
    mall,
    dir,
    tokenFile,
    store,
    async config(extraFile) {
      if (extraFile) await writeFile(join(dir, "cafe24-doctor.config.json"), JSON.stringify(extraFile));
      return loadDoctorConfig({ cwd: dir, env });
    },
    async run(runOptions = {}) {
      const config = runOptions.config ?? (await self.config());
      return runDoctor({
        kind: "check",
        now: () => emu.control.now(),
        isTrackedByGit: async () => false,
        ...(given ? { store: given } : {}),
        ...runOptions,
        config,
      });
    },
    async writeTokens() {
      const json = emu.control.issueTokens(mall.mallId);
      await store.compareAndSet(
        mall.mallId,
        (await store.get(mall.mallId))?.revision,
        toTokenSet(json, mall.mallId),
      );
      return json;
    },
    async writeRaw(text) {
      if (store instanceof RedisTokenStore) {
        const redis = await store.redis();
        await redis.hset(store.keys.token(mall.mallId), {
          token: text,
          revision: "1",
          receivedAt: Date.now(),
        });
        await redis.sadd(store.keys.index(), mall.mallId);
        return;
      }
      if (store instanceof FileTokenStore) {
        await writeFile(tokenFile, text, { mode: 0o600 });
        return;
      }
      throw new Error(`a ${store.location} store holds no raw text`);
    },
  };
  return self;
}

/** A throwaway HTTP service on 127.0.0.1 answering with a fixed status and JSON body. */
export async function service(status: number, body: unknown): Promise<string> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
}

/** A port on 127.0.0.1 with nothing listening. */
export async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}

export { chmod, writeFile };
