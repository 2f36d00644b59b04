import { describe, expect, it } from "vitest";
import { openRedis, redactRedisUrl } from "../../src/redis/redis-connection.js";
import { redisUnavailable, useRedisServer } from "../helpers/redis-server.js";

describe.skipIf(redisUnavailable("the Redis connection tests"))("a Redis connection", () => {
  const server = useRedisServer();

  it("connects to the test's own redis-server and answers", async () => {
    const redis = await openRedis({ url: server.url });
    try {
      expect(await redis.ping()).toBe("PONG");
    } finally {
      redis.disconnect();
    }
  });

  it("fails with REDIS_UNAVAILABLE naming the server without its password", async () => {
    const url = `redis://:Sup3rSecretPw@127.0.0.1:${server.port + 1}`;
    const error = await openRedis({ url, commandTimeoutMs: 500 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "REDIS_UNAVAILABLE" });
    expect(String((error as Error).message)).not.toContain("Sup3rSecretPw");
    expect(redactRedisUrl(url)).toBe(`redis://:***@127.0.0.1:${server.port + 1}`);
  });
});
