import type { Translate } from "../../i18n/translate.js";
import { esc } from "../../util/html-escape.js";
import type { MallClusterStatus } from "../watch-status.js";
import { kstText, relativeText } from "./page-text.js";
import type { ClusterStatusView, StatusView } from "./status-view.js";

/**
 * With `watch` replicas: the cluster's counts and a table of its replicas (the replica serving the page marked).
 * Hooks for status-page-script.ts as on the cards: `data-replica` rows, `data-field` cells, `data-at` instants.
 */
export function clusterSection(view: StatusView, t: Translate): string {
  const cluster = view.cluster;
  if (!cluster) return "";
  const head = ["replica", "host", "pid", "started", "lastSeen", "held"] as const;
  const rows = cluster.replicas
    .map((r) => {
      const self =
        r.id === cluster.replicaId ? ` <span class="muted">(${esc(t("status.cluster.self"))})</span>` : "";
      return `<tr data-replica="${esc(r.id)}"><td><code>${esc(r.id)}</code>${self}</td><td>${esc(r.host)}</td><td>${esc(r.pid)}</td><td>${esc(r.startedAt ? kstText(r.startedAt, t) : "")}</td><td><span data-relative data-field="lastSeenAt" data-at="${esc(r.lastSeenAt)}">${esc(relativeText(r.lastSeenAt, view.now, t))}</span></td><td data-field="mallsHeld">${esc(r.mallsHeld)}</td></tr>`;
    })
    .join("");
  return `<section class="cluster">
<h2>${esc(t("status.cluster.title"))}</h2>
<p class="cluster-summary">${esc(clusterSummary(cluster, t))}</p>
<div class="table-wrap"><table class="replicas"><thead><tr>${head.map((h) => `<th>${esc(t(`status.cluster.${h}`))}</th>`).join("")}</tr></thead>
<tbody>${rows}</tbody></table></div>
</section>`;
}

export function clusterSummary(cluster: ClusterStatusView, t: Translate): string {
  return t("status.cluster.summary", { replicas: cluster.replicas.length, ...cluster.counts });
}

/** Who works on a mall: the replica holding it now, else the one that worked on it last. */
export function replicaText(cluster: MallClusterStatus, t: Translate): string {
  if (cluster.holder) return t("status.replica.working", { replica: cluster.holder });
  if (cluster.handledBy) return t("status.replica.last", { replica: cluster.handledBy });
  return t("status.replica.none");
}
