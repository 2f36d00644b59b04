import { Counter, Gauge, Registry } from "prom-client";
import type { ClusterView } from "../cluster/mall-coordinator.js";
import type { WatchCounters, WatchSnapshot } from "../watch-status.js";
import { needsPerson, secondsUntil } from "./status-view.js";

export interface StatusMetrics {
  contentType: string;
  /** Prometheus text of one snapshot. */
  render(snapshot: WatchSnapshot, now: number): Promise<string>;
}

const COUNTERS: readonly [keyof WatchCounters, string, string][] = [
  ["refreshes", "cafe24_doctor_refreshes_total", "Token refreshes that succeeded, per mall."],
  ["refreshFailures", "cafe24_doctor_refresh_failures_total", "Token refreshes that failed, per mall."],
  ["apiCalls", "cafe24_doctor_api_calls_total", "Admin API calls made, per mall."],
  [
    "rateLimited",
    "cafe24_doctor_rate_limited_total",
    "Admin API answers of 429 Too Many Requests, per mall.",
  ],
];

/**
 * Metrics of one status server, in a Registry of its own so that two servers in a process (or a user's own
 * prom-client metrics) never collide in the global default registry.
 *
 * The manager owns the counts; this only mirrors them. They are exposed with TYPE counter, not gauge: they
 * only grow while the manager runs and restart from 0 with it, which is exactly what Prometheus' rate() and
 * increase() expect of a counter (a reset is detected and handled); a gauge would make PromQL treat a restart
 * as a real drop. prom-client's Counter only has inc(), so each scrape resets it and adds the absolute value.
 * Seconds-until-expiry and needs-reauth go up and down: gauges.
 */
export function createStatusMetrics(): StatusMetrics {
  const registry = new Registry();
  const labelNames = ["mall"] as const;
  const counters = COUNTERS.map(
    ([field, name, help]) => [field, new Counter({ name, help, labelNames, registers: [registry] })] as const,
  );
  const gauge = (name: string, help: string) => new Gauge({ name, help, labelNames, registers: [registry] });
  const accessLeft = gauge(
    "cafe24_doctor_access_token_expires_in_seconds",
    "Seconds until the access token expires (negative once expired); absent when no token is stored.",
  );
  const refreshLeft = gauge(
    "cafe24_doctor_refresh_token_expires_in_seconds",
    "Seconds until the refresh token expires (negative once expired); absent when no token is stored.",
  );
  const needsReauth = gauge(
    "cafe24_doctor_mall_needs_reauth",
    "1 when a person must authorize the app for the mall again (or for the first time), else 0.",
  );
  const appRemoved = new Gauge({
    name: "cafe24_doctor_mall_app_removed",
    help: "1 when the mall no longer has the app (reason: deleted by the merchant, or expired); watch no longer refreshes it.",
    labelNames: ["mall", "reason"] as const,
    registers: [registry],
  });
  const gauges = [accessLeft, refreshLeft, needsReauth, appRemoved];
  // Registered on the first snapshot with a cluster: a single manager's scrape has no cluster metrics at all.
  let cluster: ClusterGauges | undefined;

  return {
    contentType: registry.contentType,
    render(snapshot, now) {
      // Every write and prom-client's read of the values happen in this one synchronous stretch (metrics()
      // collects before its first await), so concurrent scrapes cannot mix two snapshots.
      for (const [field, counter] of counters) {
        counter.reset();
        const counts = snapshot.counters[field];
        const malls = new Set([...snapshot.malls.map((m) => m.mallId), ...Object.keys(counts)]);
        for (const mall of malls) counter.inc({ mall }, Math.max(0, counts[mall] ?? 0));
      }
      for (const g of gauges) g.reset();
      for (const m of snapshot.malls) {
        const access = secondsUntil(m.accessTokenExpiresAt, now);
        const refresh = secondsUntil(m.refreshTokenExpiresAt, now);
        if (access !== null) accessLeft.set({ mall: m.mallId }, access);
        if (refresh !== null) refreshLeft.set({ mall: m.mallId }, refresh);
        needsReauth.set({ mall: m.mallId }, needsPerson(m) ? 1 : 0);
        if (m.state === "app-deleted" || m.state === "app-expired")
          appRemoved.set({ mall: m.mallId, reason: m.state === "app-deleted" ? "deleted" : "expired" }, 1);
      }
      if (snapshot.cluster) {
        cluster ??= clusterGauges(registry);
        cluster.set(snapshot.cluster);
      }
      return registry.metrics();
    },
  };
}

interface ClusterGauges {
  set(view: ClusterView): void;
}

/** The cluster's counts as this replica last read them from Redis (every replica reports the same). */
function clusterGauges(registry: Registry): ClusterGauges {
  const replicas = new Gauge({
    name: "cafe24_doctor_cluster_replicas",
    help: "watch replicas in the cluster's registry (heard from within a few leases).",
    registers: [registry],
  });
  const malls = new Gauge({
    name: "cafe24_doctor_cluster_malls",
    help: "Malls of the watch cluster: scheduled (all), in_flight (being worked on), overdue (due, not yet claimed), due_soon (within 5 min), needs_person.",
    labelNames: ["state"] as const,
    registers: [registry],
  });
  const owned = new Gauge({
    name: "cafe24_doctor_malls_owned",
    help: "Malls this replica is working on right now (leases held).",
    registers: [registry],
  });
  const held = new Gauge({
    name: "cafe24_doctor_cluster_replica_malls_held",
    help: "Malls each replica is working on right now.",
    labelNames: ["replica"] as const,
    registers: [registry],
  });
  const lastSeen = new Gauge({
    name: "cafe24_doctor_cluster_replica_last_seen_seconds",
    help: "Seconds since Redis last heard from each replica (its heartbeat).",
    labelNames: ["replica"] as const,
    registers: [registry],
  });
  return {
    set(view) {
      replicas.set(view.replicas.length);
      malls.set({ state: "scheduled" }, view.malls);
      malls.set({ state: "in_flight" }, view.inFlight);
      malls.set({ state: "overdue" }, view.overdue);
      malls.set({ state: "due_soon" }, view.dueSoon);
      malls.set({ state: "needs_person" }, view.needsPerson);
      owned.set(view.owned);
      held.reset();
      lastSeen.reset();
      for (const r of view.replicas) {
        held.set({ replica: r.id }, r.held);
        lastSeen.set({ replica: r.id }, Math.floor(r.lastSeenMsAgo / 1000));
      }
    },
  };
}
