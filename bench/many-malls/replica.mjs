// One `watch` replica of bench/many-malls in its own process, so its memory and CPU are its own: a WatchManager
// over a RedisTokenStore sharing the malls through RedisWatchCluster. Configured by environment:
//   REDIS_URL, PREFIX, CLIENT_ID, REPLICA_ID, TICK_MS, BASE_URL, CREDENTIALS_FILE (JSON: mall → {clientId, clientSecret})
// Counts every Redis command it sends (a wrapper around ioredis' sendCommand; a pipeline is one round trip).
// Prints "READY <start ms>" once started (counters reset then), and on SIGTERM one line of JSON: refreshes,
// lateness (due → written, ms), RSS samples, CPU, Redis commands by name and round trips.
import { readFileSync } from "node:fs";
import { Pipeline, Redis } from "ioredis";
import { RedisTokenStore } from "../../dist/redis/redis-token-store.js";
import { RedisWatchCluster } from "../../dist/watch/cluster/redis-watch-cluster.js";
import { WatchManager } from "../../dist/watch/watch-manager.js";

const env = process.env;
const credentials = JSON.parse(readFileSync(env.CREDENTIALS_FILE, "utf8"));

let commands = {};
let roundTrips = 0;
const send = Redis.prototype.sendCommand;
Redis.prototype.sendCommand = function (command, stream, ...rest) {
  // Commands of a pipeline (and MULTI) share one write: counted as commands, the pipeline as one round trip.
  commands[command.name] = (commands[command.name] ?? 0) + 1;
  if (stream === undefined) roundTrips++;
  return send.call(this, command, stream, ...rest);
};
const exec = Pipeline.prototype.exec;
Pipeline.prototype.exec = function (...args) {
  roundTrips++;
  return exec.apply(this, args);
};

const store = new RedisTokenStore({
  url: env.REDIS_URL,
  clientId: env.CLIENT_ID,
  prefix: env.PREFIX,
  connectionName: env.REPLICA_ID,
});
const manager = new WatchManager({
  store,
  oauth: (mallId) => ({
    mallId,
    clientId: credentials[mallId].clientId,
    clientSecret: credentials[mallId].clientSecret,
    baseUrl: env.BASE_URL,
    allowInsecureLoopback: true,
  }),
  cluster: RedisWatchCluster.forStore(store, { replicaId: env.REPLICA_ID }),
  tickMs: Number(env.TICK_MS),
});
const lateness = [];
let firstAt = Number.POSITIVE_INFINITY;
let lastAt = 0;
manager.on("refreshed", ({ dueAt, at }) => {
  lateness.push(at - dueAt);
  firstAt = Math.min(firstAt, at);
  lastAt = Math.max(lastAt, at);
});

const started = Date.now();
await manager.start();
const startMs = Date.now() - started;
const startCommands = commands;
const startRoundTrips = roundTrips;
commands = {};
roundTrips = 0;
const cpuBefore = process.cpuUsage();
const rss = [];
const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 500);
process.stdout.write(`READY ${startMs}\n`);

process.on("SIGTERM", async () => {
  clearInterval(sampler);
  const cpu = process.cpuUsage(cpuBefore);
  const sentCommands = commands;
  const sentRoundTrips = roundTrips;
  const snapshot = manager.snapshot();
  await manager.stop();
  await store.close();
  const states = {};
  for (const m of snapshot.malls) states[m.state] = (states[m.state] ?? 0) + 1;
  process.stdout.write(
    `${JSON.stringify({
      id: env.REPLICA_ID,
      startMs,
      startCommands: Object.values(startCommands).reduce((a, b) => a + b, 0),
      startRoundTrips,
      refreshes: lateness.length,
      lateness,
      firstAt,
      lastAt,
      rssPeak: Math.max(...rss, process.memoryUsage().rss),
      rssEnd: process.memoryUsage().rss,
      cpuMs: (cpu.user + cpu.system) / 1000,
      commands: sentCommands,
      roundTrips: sentRoundTrips,
      states,
    })}\n`,
  );
  process.exit(0);
});
