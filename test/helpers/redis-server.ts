import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";

/** A redis-server of our own on a free 127.0.0.1 port, in its own directory, without persistence by default. */
export interface RedisServer {
  url: string;
  port: number;
  pid: number;
  /** SIGSTOP: Redis holds every connection open and answers nothing. */
  pause(): void;
  /** SIGCONT. */
  resume(): void;
  /** Kills it (SIGKILL) and starts it again on the same port; without persistence every key is gone. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface RedisServerOptions {
  /** Extra `redis-server` arguments, e.g. ["--maxmemory-policy", "allkeys-lru"]. */
  args?: string[];
}

let available: boolean | undefined;

function redisServerInstalled(): boolean {
  if (available === undefined) {
    try {
      execFileSync("redis-server", ["--version"], { stdio: "ignore" });
      available = true;
    } catch {
      available = false;
    }
  }
  return available;
}

/**
 * Whether the Redis tests cannot run here. In CI they must (`.ci/run` installs Debian's redis-server): a failing
 * test is registered instead of a skip; elsewhere the caller skips with the printed reason.
 */
export function redisUnavailable(what: string): boolean {
  if (redisServerInstalled()) return false;
  if (process.env.CI === "true") {
    it(`finds redis-server for ${what}`, () => {
      expect.fail(`CI must run ${what}: install Debian's redis-server (.ci/run does)`);
    });
  } else {
    console.warn(`Skipping ${what}: redis-server is not installed (apt-get install redis-server).`);
  }
  return true;
}

/** A port nothing listens on (taken from the OS, then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function launch(port: number, dir: string, args: string[]): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--dir",
      dir,
      "--save",
      "",
      "--appendonly",
      "no",
      "--daemonize",
      "no",
      "--loglevel",
      "warning",
      ...args,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`redis-server did not accept connections within 10 s: ${output}`));
    }, 10_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}): ${output}`));
    };
    child.once("exit", onExit);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    // Ready when a PING answers; polled, bounded by the timer above.
    const probe = async () => {
      for (let i = 0; i < 200; i++) {
        const ok = await new Promise<boolean>((done) => {
          const socket = new Socket();
          socket.once("error", () => done(false));
          socket.connect(port, "127.0.0.1", () => {
            socket.write("PING\r\n");
            socket.once("data", (data: Buffer) => {
              socket.destroy();
              // A server with requirepass answers NOAUTH: it is up all the same.
              done(/^(\+PONG|-NOAUTH)/.test(data.toString()));
            });
          });
        });
        if (ok) {
          clearTimeout(timer);
          child.off("exit", onExit);
          resolve(child);
          return;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    void probe();
  });
}

/** Starts a redis-server for one test file; `stop()` it in afterAll. */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const dir = await mkdtemp(join(tmpdir(), "cafe24-doctor-redis-"));
  const port = await freePort();
  const args = options.args ?? [];
  let child = await launch(port, dir, args);
  const kill = (c: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (c.exitCode !== null || c.signalCode !== null) return resolve();
      c.once("exit", () => resolve());
      c.kill("SIGCONT");
      c.kill("SIGKILL");
    });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return child.pid ?? 0;
    },
    pause: () => {
      child.kill("SIGSTOP");
    },
    resume: () => {
      child.kill("SIGCONT");
    },
    restart: async () => {
      await kill(child);
      child = await launch(port, dir, args);
    },
    stop: async () => {
      await kill(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * One redis-server for the enclosing describe block: started in beforeAll, stopped in afterAll. The returned
 * handle forwards to it, so tests use `server.url` as with a started server.
 */
export function useRedisServer(options: RedisServerOptions = {}): RedisServer {
  let started: RedisServer | undefined;
  beforeAll(async () => {
    started = await startRedisServer(options);
  });
  afterAll(async () => {
    await started?.stop();
  });
  const current = (): RedisServer => {
    if (!started) throw new Error("the test's redis-server starts in beforeAll");
    return started;
  };
  return {
    get url() {
      return current().url;
    },
    get port() {
      return current().port;
    },
    get pid() {
      return current().pid;
    },
    pause: () => current().pause(),
    resume: () => current().resume(),
    restart: () => current().restart(),
    stop: () => current().stop(),
  };
}
