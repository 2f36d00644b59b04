import type { AppRemoval, AppRemovalSource } from "../app-removal.js";
import type { MallRecord } from "./mall-record.js";

/** A mall and when it next needs work, in the watchers' clock (epoch ms). */
export interface MallDue {
  mallId: string;
  dueAt: number;
}

/** A mall this replica may now work on, with what the replica before it left (undefined: nobody yet). */
export interface ClaimedMall {
  mallId: string;
  record: MallRecord | undefined;
  /** The app is gone from the mall, as some replica learnt (undefined: no mark). */
  removal?: RemovalMark | undefined;
}

/**
 * A cluster-wide mark: the app is gone from the mall (a webhook or a refusal told one replica). Every replica
 * that takes the mall sees it before calling Cafe24; it ends when a token of another revision is stored.
 */
export interface RemovalMark {
  mallId: string;
  removal: AppRemoval;
  source: AppRemovalSource;
  /** The stored revision that belongs to the removed installation (null: nothing was stored). */
  revision: string | null;
  by: string;
  at: number;
}

/** Work on a mall is done: when it is next due, and what the next holder and every status page should know. */
export interface MallRelease {
  mallId: string;
  dueAt: number;
  record: MallRecord;
  /** Only a person can help it (reauth-required, no token): counted cluster-wide. */
  needsPerson: boolean;
}

/** One `watch` process of the cluster, as its registry entry and heartbeat show it. */
export interface ReplicaInfo {
  id: string;
  host: string;
  pid: number;
  /** Epoch ms (its own clock). */
  startedAt: number;
  /** How long ago Redis last heard from it (Redis' clock, so comparable whatever the replicas' clocks say). */
  lastSeenMsAgo: number;
  /** Malls it is working on right now (leases held). */
  held: number;
}

/** The cluster as one replica read it from Redis: counts only, so it costs the same for 10 or 10,000 malls. */
export interface ClusterView {
  /** The replica that read it. */
  replicaId: string;
  /** When it was read (the replica's clock). */
  at: number;
  replicas: ReplicaInfo[];
  /** Malls in the schedule (waiting or being worked on). */
  malls: number;
  /** Malls being worked on right now, cluster-wide. */
  inFlight: number;
  /** Malls this replica is working on right now. */
  owned: number;
  /** Due now and not yet claimed by any replica. */
  overdue: number;
  /** Due within the next 5 minutes (overdue and in flight included). */
  dueSoon: number;
  /** Waiting for a person (re-authorization, a token lost from Redis, no token). */
  needsPerson: number;
}

/**
 * Shares the malls of several `watch` processes (replicas): which replica works on which mall, and when. Without
 * one, a WatchManager owns every mall itself (one process, or several each watching all malls safely through the
 * store's lock). With one, each tick claims up to the free concurrency among the malls that are due, works on
 * them, and releases each with its next due time and a record the next holder adopts.
 *
 * Correctness never rests on the coordinator: every refresh still goes through TokenManager (lock, re-read,
 * refresh only if still needed, compare-and-set), so a mall worked on twice (a lease that ran out, a replica
 * paused) is refreshed once. The coordinator spreads the work, hands a dead replica's malls on, and describes
 * the cluster.
 */
export interface MallCoordinator {
  readonly replicaId: string;
  /**
   * Joins the cluster: registers this replica, adds the malls the cluster does not know yet, starts heartbeats
   * and lease renewals. `malls(true)` is asked whenever the cluster's data was lost (Redis restarted without
   * persistence): every mall this replica knows is then scheduled again, due at once. `discovered(mallId)` is
   * told of every mall whose token was written (a new authorization shows up there first).
   */
  start(malls: (lost: boolean) => MallDue[], discovered?: (mallId: string) => void): Promise<void>;
  /** Adds malls new to the cluster (a mall already scheduled or in flight keeps its place). */
  register(malls: readonly MallDue[]): Promise<void>;
  /** Claims up to `limit` malls due at `now` (the watchers' clock) or left by a replica that stopped renewing. */
  claim(now: number, limit: number): Promise<ClaimedMall[]>;
  /** Hands a claimed mall back (batched with the others released at the same moment). */
  release(release: MallRelease): void;
  /** Resolves once every release so far has reached the cluster (or failed, to be tried again). */
  settled(): Promise<void>;
  /** The newest record any replica wrote for the mall, and who works on it right now (kept current by the cluster). */
  recordOf(mallId: string): MallRecord | undefined;
  holderOf(mallId: string): string | undefined;
  /** Tells every replica at once that the app is gone from the mall (see RemovalMark). */
  markRemoved(mark: RemovalMark): Promise<void>;
  /** Ends the mark, only if it still names `revision` (a newer mark is kept). */
  clearRemoved(mallId: string, revision: string | null): Promise<void>;
  /** The mark this replica knows of (kept current by the cluster's announcements and every claim). */
  removalOf(mallId: string): RemovalMark | undefined;
  /** The cluster's view, read again when older than `maxAgeMs`; concurrent callers share one read. */
  view(now: number, maxAgeMs?: number): Promise<ClusterView>;
  /** The last view read, if any (for synchronous snapshots). */
  lastView(): ClusterView | undefined;
  /** Leaves the cluster: final releases, registry entry removed, connections of its own closed. */
  stop(): Promise<void>;
}
